/**
 * The parsed-lesson model. Lessons are parsed at build time (scripts/vite-plugin-lessons.ts) and
 * shipped to the page as data, so everything here is plain JSON: no functions, no classes, no
 * Maps. Prose is carried as a sanitized HTML tree (hast) that the UI renders with React
 * (e.g. hast-util-to-jsx-runtime); no raw HTML or script from a lesson survives into it.
 *
 * docs/lesson-format.md describes the markdown these come from.
 */
import type { Root as HastRoot } from 'hast';
import type { Check } from './checks.ts';
import type { LessonMeta } from './schema.ts';

/**
 * Sanitized prose: a hast root with positions removed. It holds only elements and text from
 * GitHub's sanitize schema (no `script`, `style`, `iframe`, event handlers or `javascript:`
 * links), so it is safe to render as it is.
 */
export type RichText = HastRoot;

/** `program`: a step's program; `starter` / `solution`: an exercise's. */
export type ProgramRole = 'program' | 'starter' | 'solution';

export interface LessonProgram {
  /** Unique within the lesson: `s<step>-<role>`, e.g. `s2-program`, `s5-solution` (steps from 1). */
  readonly id: string;
  readonly role: ProgramRole;
  /** Index (0-based) of the step it belongs to. */
  readonly step: number;
  /** The Python source, ending with a newline. */
  readonly source: string;
  /** Line in the lesson file where the fence (or the `file=` reference) is. */
  readonly line: number;
  /** The file in the lesson's folder it was read from (`file=…`), or null when inline. */
  readonly file: string | null;
  /** `raises=NameError` on the fence: the exception the program is meant to end with, else null. */
  readonly raises?: string | null;
}

/** A moment selector (see moments.ts) as the author wrote it, with the line it is on. */
export interface MomentRef {
  readonly text: string;
  readonly line: number;
}

/** One entry of a question's list of choices. */
export interface Choice {
  /** Plain text of the item (markup removed), what answers are compared against. */
  readonly text: string;
  /** The item as rendered prose. */
  readonly rich: RichText;
  /** `- [x]`: true, `- [ ]`: false, a plain `-` item: null. */
  readonly marked: boolean | null;
  readonly line: number;
}

/**
 * - `next-output`: what prints next after moment `at`?
 * - `next-task`: which task does the loop hand control to next after moment `at`?
 * - `order`: put these output lines in the order the run prints them.
 * - `time`: how many seconds of virtual time does the whole run take?
 * - `outcome`: how does task `task` end (result, exception, cancelled, never)?
 * - `choice`: multiple choice; the author marks the answer with `- [x]`.
 */
export type QuestionKind = 'next-output' | 'next-task' | 'order' | 'time' | 'outcome' | 'choice';

export interface Question {
  /** Unique within the lesson: `s<step>-q<n>`. */
  readonly id: string;
  readonly kind: QuestionKind;
  readonly line: number;
  /** The program (id) whose run the question is about: the step's program. */
  readonly program: string;
  readonly prompt: RichText;
  /** Where the run is paused while the learner answers (`next-output`, `next-task`; optional otherwise). */
  readonly at: MomentRef | null;
  /** `outcome`: the task (name or coroutine) asked about. */
  readonly task: string | null;
  /** `choice`: the moment shown after answering, as proof (optional). */
  readonly proof: MomentRef | null;
  /** The author's choices, or null to let the run supply them. */
  readonly choices: readonly Choice[] | null;
  /** Shown after answering (the prose after the list of choices), or null. */
  readonly explanation: RichText | null;
  /** The author's `:::hint`, shown after a first wrong answer (null: one for the kind). */
  readonly hint: RichText | null;
}

/** One line of a `checks` block. */
export interface CheckSpec {
  /** As the author wrote it (trimmed). */
  readonly text: string;
  readonly line: number;
  readonly check: Check;
  /** True for the check added when the author wrote none about errors ("runs without error"). */
  readonly implicit: boolean;
}

export interface Exercise {
  /** Unique within the lesson: `s<step>-exercise`. */
  readonly id: string;
  readonly line: number;
  /** The goal in words (the body of `:::exercise`). */
  readonly goal: RichText;
  /** Program ids. The starter is also the step's program: the editor loads it. */
  readonly starter: string;
  readonly solution: string;
  /** False (the default): the starter must fail at least one check. */
  readonly starterPasses: boolean;
  /** Revealed one at a time, in order. */
  readonly hints: readonly RichText[];
  readonly checks: readonly CheckSpec[];
}

export interface LessonStep {
  /** 0-based. */
  readonly index: number;
  readonly title: string;
  readonly line: number;
  /** The step's prose (without its program, questions, notes and exercise). */
  readonly body: RichText;
  /** The program (id) the editor shows at this step: the step's own, or the one before it. */
  readonly program: string | null;
  /** True when this step brings its own program (the editor loads it when the step opens). */
  readonly loadsProgram: boolean;
  /** Program lines to highlight, ascending. */
  readonly highlight: readonly number[];
  /** Where to open the run when the step is shown; null: at the start. */
  readonly openAt: MomentRef | null;
  /** Presenter notes: hidden from learners, shown in presenter mode. */
  readonly notes: RichText | null;
  readonly questions: readonly Question[];
  readonly exercise: Exercise | null;
}

export interface Lesson {
  /** From the file name: `03-await-hands-control-back.md` → `await-hands-control-back`. */
  readonly slug: string;
  /** The numeric prefix: lessons are shown in this order. */
  readonly order: number;
  /** Path of the lesson file, relative to the project (as given to the parser). */
  readonly file: string;
  readonly meta: LessonMeta;
  /** The line of each front-matter field in the file, for messages. */
  readonly metaLines: Readonly<Record<string, number>>;
  readonly steps: readonly LessonStep[];
  /** Every program of the lesson (step programs, starters, solutions), in file order. */
  readonly programs: readonly LessonProgram[];
  /** Links to lessons' steps in its prose (checked across lessons by verifyCourse). */
  readonly links?: readonly LessonLink[];
}

/** `[text](#/lessons/<slug>/<step>)` in a lesson's prose. */
export interface LessonLink {
  readonly slug: string;
  /** As written after the slug (a step number from 1), or null for the lesson's first step. */
  readonly step: string | null;
  readonly line: number;
}

/** A problem found in a lesson: where, which field, and what is wrong, in one sentence. */
export interface LessonProblem {
  readonly file: string;
  /** 1-based; 0 when it concerns the whole file. */
  readonly line: number;
  /** The front-matter field, directive or block concerned, e.g. `minutes`, `question.at`, `checks`. */
  readonly field: string;
  readonly message: string;
}

/** A lesson together with the trace (JSON text) of each of its programs, as shipped to the page. */
export interface LessonBundle {
  readonly lesson: Lesson;
  /** Program id → trace JSON text (give it to `parseTrace`). */
  readonly traces: Readonly<Record<string, string>>;
}
