/**
 * Lesson markdown → `Lesson` (docs/lesson-format.md is the author's side of this).
 *
 * remark parses the file (processor.ts), the front matter is validated (front-matter.ts), then
 * a first pass splits the rest into steps at `##` headings and lifts out what the app needs as
 * data (walk.ts, with one handler per directive in directives.ts and programs in programs.ts),
 * and a second pass builds each step: its program, highlights, questions (question.ts) and
 * exercise (assemble.ts). What is left of each step is prose, turned into a sanitized hast tree
 * (rich-text.ts). Every problem names file, line and field; the parser reports all it finds
 * rather than stopping at the first.
 *
 * Pure: no file system. Folder lessons that keep programs in files pass `readFile`.
 * Not re-exported from ../index.ts: only the build (scripts/) needs remark, not the page.
 */
import type { Root } from 'mdast';
import type { Lesson, LessonProblem } from '../types.ts';
import { assembleSteps } from './assemble.ts';
import type { Walk } from './draft.ts';
import { readFrontMatter } from './front-matter.ts';
import { readLinks } from './links.ts';
import { processor } from './processor.ts';
import { walkSteps } from './walk.ts';

export { parseLineList } from './directives.ts';
export { questionAttributesSchema } from './question.ts';
export { rich } from './rich-text.ts';

export interface ParseOptions {
  /** The lesson's path as messages should show it, e.g. `lessons/03-await.md`. */
  readonly file: string;
  /** Reads a file beside the lesson (for `file=` programs); undefined when there is none. */
  readonly readFile?: (name: string) => string | undefined;
}

export interface ParseResult {
  /**
   * Null only when the file name is not a lesson's. A lesson with problems is still returned
   * (invalid front-matter fields get defaults), so that the rest of it can be checked and
   * previewed; `problems` says what is wrong, and a production build refuses it.
   */
  readonly lesson: Lesson | null;
  readonly problems: readonly LessonProblem[];
}

/** `03-await-hands-control-back.md` or `03-await-hands-control-back/index.md` → order and slug. */
export function lessonFileInfo(path: string): { order: number; slug: string } | null {
  const parts = path.replace(/\\/g, '/').split('/');
  let name = parts.at(-1) ?? '';
  if (name === 'index.md') name = parts.at(-2) ?? '';
  else if (name.endsWith('.md')) name = name.slice(0, -3);
  else return null;
  const m = /^(\d+)-([a-z0-9]+(?:-[a-z0-9]+)*)$/.exec(name);
  return m ? { order: Number(m[1]), slug: m[2] as string } : null;
}

export function parseLesson(source: string, options: ParseOptions): ParseResult {
  const { file } = options;
  const problems: LessonProblem[] = [];
  const problem = (line: number, field: string, message: string) => {
    problems.push({ file, line, field, message });
  };
  const info = lessonFileInfo(file);
  if (info === null) {
    problem(
      0,
      'file name',
      'a lesson file is named NN-slug.md (or NN-slug/index.md): a number, a dash, then lowercase words joined by dashes, e.g. 03-await-hands-control-back.md',
    );
  }
  const tree = processor.parse(source) as Root;
  const metaLines: Record<string, number> = {};
  const meta = readFrontMatter(tree.children[0], problem, info?.slug ?? file, metaLines);
  const links = readLinks(tree, problem);
  const walk: Walk = { problem, readFile: options.readFile, programs: [] };
  const drafts = walkSteps(tree.children, walk, meta.title);
  const steps = assembleSteps(drafts, problem);
  if (steps.length === 0)
    problem(0, 'step', 'the lesson has no steps: start each with a "##" heading');
  if (info === null) return { lesson: null, problems };
  return {
    lesson: {
      slug: info.slug,
      order: info.order,
      file,
      meta,
      metaLines,
      steps,
      programs: walk.programs,
      links,
    },
    problems,
  };
}
