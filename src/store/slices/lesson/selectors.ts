/** Pure views of the lesson slice's state (used by the slice, the lesson pages and the panes). */
import {
  answerQuestion,
  type LessonBundle,
  type LessonProgram,
  type LessonStep,
  type Question,
  type QuestionAnswer,
  resolveMoment,
} from '../../../lessons/index.ts';
import type { Trace } from '../../../trace/index.ts';
import type { LessonProgress, LessonSlice } from './types.ts';

export function findLesson(
  lessons: readonly LessonBundle[],
  slug: string,
): LessonBundle | undefined {
  return lessons.find((b) => b.lesson.slug === slug);
}

export function programOf(bundle: LessonBundle, id: string | null): LessonProgram | undefined {
  return id === null ? undefined : bundle.lesson.programs.find((p) => p.id === id);
}

/** `slug/id`: the key of a question, an exercise or a program in the slice's records. */
export function lessonKey(slug: string, id: string): string {
  return `${slug}/${id}`;
}

/** The open lesson and step, if the lesson exists. */
export function openLessonStep(
  state: Pick<LessonSlice, 'lessons' | 'lessonAt'>,
): { bundle: LessonBundle; step: LessonStep } | null {
  const at = state.lessonAt;
  if (!at) return null;
  const bundle = findLesson(state.lessons, at.slug);
  const step = bundle?.lesson.steps[at.step];
  return bundle && step ? { bundle, step } : null;
}

/** The program of the open step, with its key (`slug/programId`), if it has one. */
export function openStepProgram(
  state: Pick<LessonSlice, 'lessons' | 'lessonAt'>,
): { key: string; program: LessonProgram } | null {
  const open = openLessonStep(state);
  const program = open ? programOf(open.bundle, open.step.program) : undefined;
  return open && program ? { key: lessonKey(open.bundle.lesson.slug, program.id), program } : null;
}

/** Where the run opens for a step: its `::open` moment, else its first question's `at`. */
export function openingStep(step: LessonStep, trace: Trace): number | null {
  const text = step.openAt?.text ?? step.questions.find((q) => q.at !== null)?.at?.text;
  if (!text) return null;
  const r = resolveMoment(text, trace);
  return r.ok ? r.step : null;
}

/** A question's answer worked out from the lesson program's shipped run (or why it cannot be). */
export function questionAnswer(
  state: Pick<LessonSlice, 'shippedTrace'>,
  bundle: LessonBundle,
  q: Question,
): { ok: true; answer: QuestionAnswer } | { ok: false; error: string } {
  const trace = state.shippedTrace(bundle, q.program);
  if (!trace) return { ok: false, error: 'This question’s run is missing.' };
  return answerQuestion(q, trace);
}

/** Steps seen and exercises passed of one lesson, out of how many. */
export function progressSummary(
  bundle: Pick<LessonBundle, 'lesson'>,
  progress: Readonly<Record<string, LessonProgress>>,
): { seen: number; steps: number; passed: number; exercises: number } {
  const p = progress[bundle.lesson.slug];
  const steps = bundle.lesson.steps.length;
  const exercises = bundle.lesson.steps.flatMap((s) => (s.exercise ? [s.exercise.id] : []));
  return {
    seen: p ? p.seen.filter((i) => i < steps).length : 0,
    steps,
    passed: p ? exercises.filter((id) => p.passed.includes(id)).length : 0,
    exercises: exercises.length,
  };
}

const NO_LINES: readonly number[] = [];

/** The editor's lesson highlights: the open step's lines (none outside lessons). */
export function lessonHighlight(
  state: Pick<LessonSlice, 'lessons' | 'lessonAt'>,
): readonly number[] {
  return openLessonStep(state)?.step.highlight ?? NO_LINES;
}

/**
 * True while the open step asks a question about what the run does next and the learner has
 * not answered it: the console then keeps later output to itself, instead of showing it greyed.
 */
export function hidesLaterOutput(
  state: Pick<LessonSlice, 'lessons' | 'lessonAt' | 'answers' | 'shippedTrace'> & {
    trace: Trace | null;
  },
): boolean {
  const open = openLessonStep(state);
  if (!open || !state.trace) return false;
  return open.step.questions.some(
    (q) =>
      // A wrong answer with a try left keeps it too: the output would give the answer away.
      !state.answers[lessonKey(open.bundle.lesson.slug, q.id)]?.revealed &&
      state.shippedTrace(open.bundle, q.program) === state.trace,
  );
}
