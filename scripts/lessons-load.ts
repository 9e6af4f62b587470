/**
 * The Node side of lessons, shared by `lessons:check` and the Vite plugin: find the lesson
 * files, read and parse them, and trace every program with the same tracer the browser uses.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseLesson } from '../src/lessons/markdown/index.ts';
import type { Lesson, LessonProblem } from '../src/lessons/types.ts';
import { LESSON_MAX_STEPS, verifyCourse } from '../src/lessons/verify.ts';
import type { NodeTracer } from '../src/runtime/tracer.node.ts';

export interface LessonSource {
  /** Absolute path of the markdown file. */
  readonly path: string;
  /** Path relative to the project root, with forward slashes (what messages show). */
  readonly file: string;
  /** The lesson's folder for `NN-slug/index.md`, else null. */
  readonly folder: string | null;
}

export interface LoadedLessons {
  /** Every lesson that parsed, in order. */
  readonly lessons: readonly Lesson[];
  /** Every problem found while parsing, plus problems across lessons. */
  readonly problems: readonly LessonProblem[];
  /** Problems by lesson file (files that did not parse too). */
  readonly byFile: ReadonlyMap<string, readonly LessonProblem[]>;
  readonly sources: readonly LessonSource[];
}

const LESSON_NAME = /^\d+-.+/;

/** `lessons/NN-slug.md` and `lessons/NN-slug/index.md`, ordered by number (then name). */
export function findLessonFiles(root: string, dir = 'lessons'): LessonSource[] {
  const base = join(root, dir);
  if (!existsSync(base)) return [];
  const found: LessonSource[] = [];
  for (const name of readdirSync(base)) {
    if (!LESSON_NAME.test(name)) continue;
    const full = join(base, name);
    if (statSync(full).isDirectory()) {
      const index = join(full, 'index.md');
      if (existsSync(index)) found.push({ path: index, file: rel(root, index), folder: full });
    } else if (name.endsWith('.md')) {
      found.push({ path: full, file: rel(root, full), folder: null });
    }
  }
  return found.sort((a, b) => number(a.file) - number(b.file) || a.file.localeCompare(b.file));
}

function rel(root: string, path: string): string {
  return relative(root, path).split('\\').join('/');
}

function number(file: string): number {
  const m = /(?:^|\/)(\d+)-[^/]*(?:\/index)?\.md$/.exec(file) ?? /lessons\/(\d+)-/.exec(file);
  return m ? Number(m[1]) : Number.POSITIVE_INFINITY;
}

/** Parses every lesson (no tracing). */
export function loadLessons(root: string, dir = 'lessons'): LoadedLessons {
  const sources = findLessonFiles(root, dir);
  const lessons: Lesson[] = [];
  const problems: LessonProblem[] = [];
  const byFile = new Map<string, LessonProblem[]>();
  for (const source of sources) {
    const text = readFileSync(source.path, 'utf8');
    const folder = source.folder;
    const result = parseLesson(text, {
      file: source.file,
      readFile: folder
        ? (name) => {
            // Only plain names beside the lesson: no climbing out of its folder.
            if (!/^[\w.-]+$/.test(name) || name.startsWith('.')) return undefined;
            const path = join(folder, name);
            return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
          }
        : undefined,
    });
    if (result.lesson) lessons.push(result.lesson);
    problems.push(...result.problems);
    byFile.set(source.file, [...result.problems]);
  }
  for (const p of verifyCourse(lessons)) {
    problems.push(p);
    byFile.set(p.file, [...(byFile.get(p.file) ?? []), p]);
  }
  // A second lesson with a taken slug is left out (its problem says so): the first keeps it.
  const slugs = new Set<string>();
  const kept = lessons.filter((l) => !slugs.has(l.slug) && slugs.add(l.slug) !== undefined);
  return { lessons: kept, problems, byFile, sources };
}

/** Program id → trace JSON text, for each program of the lesson. */
export function traceLesson(
  lesson: Lesson,
  tracer: NodeTracer,
  cache?: Map<string, string>,
): Record<string, string> {
  const traces: Record<string, string> = {};
  for (const program of lesson.programs) {
    let json = cache?.get(program.source);
    if (json === undefined) {
      json = traceProgram(tracer, program.source);
      cache?.set(program.source, json);
    }
    traces[program.id] = json;
  }
  return traces;
}

/** One lesson program's trace JSON, with the lesson step limit (dev and check alike). */
export function traceProgram(tracer: NodeTracer, source: string): string {
  return tracer.traceJson(source, { maxSteps: LESSON_MAX_STEPS });
}

/**
 * The first problem as Vite's error overlay shows an error (`server.ws.send({ type: 'error',
 * err })`): the message, the lesson file and line (the overlay's "open in editor" link), and a
 * code frame of the markdown around it. The other problems are counted in the message.
 */
export function overlayError(
  root: string,
  problems: readonly LessonProblem[],
): {
  message: string;
  stack: string;
  id: string;
  frame: string;
  plugin: string;
  loc: { file: string; line: number; column: number };
} | null {
  const first = problems[0];
  if (!first) return null;
  const path = join(root, first.file);
  const others = problems.length - 1;
  const more = others > 0 ? ` (and ${others} more problem${others === 1 ? '' : 's'})` : '';
  return {
    message: `${first.field}: ${first.message}${more}`,
    stack: '',
    id: path,
    frame: existsSync(path) ? codeFrame(readFileSync(path, 'utf8'), first.line) : '',
    plugin: 'event-loop-lab:lessons',
    loc: { file: path, line: Math.max(1, first.line), column: 1 },
  };
}

/** Two lines either side of `line`, numbered, with a `>` at it (as Vite's own frames look). */
export function codeFrame(text: string, line: number): string {
  if (line <= 0) return '';
  const lines = text.split('\n');
  const from = Math.max(1, line - 2);
  const to = Math.min(lines.length, line + 2);
  const width = String(to).length;
  const out: string[] = [];
  for (let n = from; n <= to; n++) {
    out.push(`${n === line ? '>' : ' '} ${String(n).padStart(width)} | ${lines[n - 1] ?? ''}`);
  }
  return out.join('\n');
}
