/**
 * `:::question{ask="…" at="…"}` blocks → `Question`. The attributes are validated by a valibot
 * schema (as the front matter is), then checked against each other and against the block's
 * content: the prompt, the list of choices, and the explanation after it.
 */

import type { List, ListItem, RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { toString as mdToString } from 'mdast-util-to-string';
import * as v from 'valibot';
import { didYouMean } from '../closest.ts';
import { parseMoment } from '../moments.ts';
import type { Choice, LessonProgram, MomentRef, Question, QuestionKind } from '../types.ts';
import { body, isBlank, lineOf, type Problem } from './nodes.ts';
import { rich, richInline } from './rich-text.ts';

/** Every kind of question, in the order docs/lesson-format.md lists them. */
export const QUESTION_KINDS: readonly QuestionKind[] = [
  'next-output',
  'next-task',
  'order',
  'time',
  'outcome',
  'choice',
];
const KINDS = QUESTION_KINDS.join(', ');

/** A moment, or a task's name: text (an attribute written without a value is empty). */
const attributeText = v.optional(v.nullable(v.string()));

/** The attributes of a `:::question`; any other attribute is reported by name. */
export const questionAttributesSchema = v.objectWithRest(
  {
    ask: v.picklist(
      QUESTION_KINDS,
      (issue) =>
        `ask="${String(issue.input)}" is not a kind of question${didYouMean(String(issue.input), QUESTION_KINDS)}; use one of ${KINDS}`,
    ),
    at: attributeText,
    task: attributeText,
    proof: attributeText,
  },
  // valibot reports an unknown attribute through this schema; the parser rewords it with the key.
  v.never('is not a question attribute'),
  // …and a missing `ask` through this message.
  `a question needs ask="…", one of ${KINDS}`,
);

type Attributes = v.InferOutput<typeof questionAttributesSchema>;
const KNOWN = Object.keys(questionAttributesSchema.entries).join(', ');

/** Rules between attributes, each checked whatever the others say. */
const ATTRIBUTE_RULES: readonly {
  readonly field: string;
  readonly broken: (kind: QuestionKind, attrs: Attributes) => boolean;
  readonly message: (kind: QuestionKind) => string;
}[] = [
  {
    field: 'question.at',
    broken: (kind, attrs) =>
      (kind === 'next-output' || kind === 'next-task') && attrs.at === undefined,
    message: (kind) => `ask="${kind}" needs at="…": the moment after which the learner predicts`,
  },
  {
    field: 'question.task',
    broken: (kind, attrs) => kind === 'outcome' && !attrs.task,
    message: () => 'ask="outcome" needs task="…": the task (name or coroutine) it asks about',
  },
  {
    field: 'question.task',
    broken: (kind, attrs) => attrs.task !== undefined && kind !== 'outcome',
    message: () => `task="…" is only for ask="outcome"`,
  },
  {
    field: 'question.proof',
    broken: (kind, attrs) => attrs.proof !== undefined && kind !== 'choice',
    message: () => `proof="…" is only for ask="choice"; the run gives other questions their proof`,
  },
];

/** The question, or null when it cannot be built (no kind, or no program to ask about). */
export function buildQuestion(
  node: ContainerDirective,
  id: string,
  program: LessonProgram | null,
  problem: Problem,
): Question | null {
  const line = lineOf(node);
  const attrs = readAttributes(node, problem);
  if (attrs === null) return null;
  if (!program) {
    problem(
      line,
      'question',
      'a question is about a run, but this step and the steps before it have no program',
    );
    return null;
  }
  const kind = attrs.ask;
  const at = momentAttribute(attrs, 'at', line, problem);
  const proof = momentAttribute(attrs, 'proof', line, problem);
  for (const rule of ATTRIBUTE_RULES) {
    if (rule.broken(kind, attrs)) problem(line, rule.field, rule.message(kind));
  }
  const content = readContent(node, kind, problem);
  return {
    id,
    kind,
    line,
    program: program.id,
    prompt: rich(content.prompt),
    at,
    task: attrs.task ?? null,
    proof,
    choices: content.choices,
    explanation: content.after.length > 0 ? rich(content.after) : null,
    hint: content.hint ? rich(body(content.hint)) : null,
  };
}

/** The validated attributes, or null when `ask` is missing or wrong (unknown ones reported). */
function readAttributes(node: ContainerDirective, problem: Problem): Attributes | null {
  const line = lineOf(node);
  const attrs = node.attributes ?? {};
  const result = v.safeParse(questionAttributesSchema, attrs);
  if (result.success) return result.output;
  const unknown = result.issues.filter((i) => i.type === 'never');
  for (const issue of unknown) {
    const key = String(issue.path?.[0]?.key);
    const guess = didYouMean(key, Object.keys(questionAttributesSchema.entries));
    problem(
      line,
      `question.${key}`,
      `unknown question attribute "${key}"${guess} (known: ${KNOWN})`,
    );
  }
  const wrong = result.issues.filter((i) => i.type !== 'never');
  for (const issue of wrong) {
    problem(line, `question.${String(issue.path?.[0]?.key ?? 'ask')}`, issue.message);
  }
  if (wrong.length > 0) return null;
  // Only unknown attributes were wrong: the known ones are as the schema wants them.
  return attrs as Attributes;
}

function momentAttribute(
  attrs: Attributes,
  key: 'at' | 'proof',
  line: number,
  problem: Problem,
): MomentRef | null {
  const text = attrs[key];
  if (text === undefined || text === null) return null;
  const parsed = parseMoment(text);
  if (!parsed.ok) {
    problem(line, `question.${key}`, `${key}="${text}": ${parsed.error}`);
    return null;
  }
  return { text, line };
}

/** The prompt (before the list), the choices (the list) and the explanation (after it). */
function readContent(
  node: ContainerDirective,
  kind: QuestionKind,
  problem: Problem,
): {
  prompt: RootContent[];
  choices: Choice[] | null;
  after: RootContent[];
  hint: ContainerDirective | null;
} {
  const line = lineOf(node);
  const all = body(node);
  const isHint = (c: RootContent) => c.type === 'containerDirective' && c.name === 'hint';
  const hints = all.filter(isHint) as ContainerDirective[];
  if (hints.length > 1) {
    problem(
      lineOf(hints[1] as ContainerDirective),
      'question',
      'a question has at most one :::hint',
    );
  }
  const content = all.filter((c) => !isHint(c));
  const listAt = content.findIndex((c) => c.type === 'list');
  const prompt = listAt < 0 ? content : content.slice(0, listAt);
  const list = listAt < 0 ? null : (content[listAt] as List);
  const after = listAt < 0 ? [] : content.slice(listAt + 1);
  if (isBlank(prompt)) {
    problem(line, 'question', 'a question needs a prompt: the words before its list of choices');
  }
  const choices: Choice[] | null = list
    ? list.children.map((item: ListItem) => ({
        text: mdToString(item).trim(),
        rich: richInline(item),
        marked: item.checked ?? null,
        line: lineOf(item),
      }))
    : null;
  checkChoices(kind, list, choices, line, problem);
  return { prompt, choices, after, hint: hints[0] ?? null };
}

/** What each kind of question needs of its list. */
function checkChoices(
  kind: QuestionKind,
  list: List | null,
  choices: readonly Choice[] | null,
  line: number,
  problem: Problem,
): void {
  if (kind === 'choice') {
    if (!choices || choices.length < 2) {
      problem(
        line,
        'question',
        'ask="choice" needs a list of at least two choices, the right one marked "- [x]"',
      );
    } else if (choices.filter((c) => c.marked === true).length !== 1) {
      problem(
        line,
        'question',
        'ask="choice" needs exactly one choice marked "- [x]" (and the others "- [ ]")',
      );
    }
  }
  if (kind === 'order' && (!choices || choices.length < 2)) {
    problem(
      line,
      'question',
      'ask="order" needs a list of at least two output lines, in a scrambled order',
    );
  }
  if (kind === 'outcome' && list) {
    problem(lineOf(list), 'question', 'ask="outcome" offers its own four choices; remove the list');
  }
}
