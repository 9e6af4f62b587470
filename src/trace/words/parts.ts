/**
 * Words come as parts (text, code, task references) that a view renders with task chips and code
 * font; `plain` and `markdown` flatten the same parts into one string.
 */
import type { ObjectId, TaskId } from '../ids.ts';

/** Program text (a variable, a call, a repr): shown in code font. */
export interface CodePart {
  readonly code: string;
}
/** A task: shown as its chip (colour, letter, shape) and name. */
export interface TaskPart {
  readonly task: TaskId;
  readonly name: string;
}
/** An asyncio object the program uses: shown in code font, linked to its box in Objects. */
export interface ObjectPart {
  readonly object: ObjectId;
  readonly name: string;
}
export type WordPart = string | CodePart | TaskPart | ObjectPart;
export type Words = readonly WordPart[];

export function isTaskPart(p: WordPart): p is TaskPart {
  return typeof p === 'object' && 'task' in p;
}
export function isObjectPart(p: WordPart): p is ObjectPart {
  return typeof p === 'object' && 'object' in p;
}
export function isCodePart(p: WordPart): p is CodePart {
  return typeof p === 'object' && 'code' in p;
}

/** The parts as one plain string. */
export function plain(words: Words): string {
  let s = '';
  for (const p of words) {
    if (typeof p === 'string') s += p;
    else if ('code' in p) s += p.code;
    else s += p.name;
  }
  return s;
}

/** The same, for Markdown (Monaco's hovers): program text in backticks. */
export function markdown(words: Words): string {
  let s = '';
  for (const p of words) {
    if (typeof p === 'string') s += p;
    else if ('code' in p) s += `\`${p.code}\``;
    else if ('object' in p && !p.name.includes(' ')) s += `\`${p.name}\``;
    else s += p.name;
  }
  return s;
}
