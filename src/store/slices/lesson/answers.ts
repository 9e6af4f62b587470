/** Questions (answered, retried, proved on the run) and exercises (hints, solution, reset). */
import {
  type AnswerFeedback,
  answerFeedback,
  type Exercise,
  type Grade,
  gradeAnswer,
  type LessonBundle,
  type LessonStep,
  type Question,
  resolveMoment,
  revealedFeedback,
} from '../../../lessons/index.ts';
import type { LabState } from '../../lab-state.ts';
import { clampStep } from '../playback.ts';
import type { LessonContext } from './context.ts';
import { programPatch } from './navigate.ts';
import {
  findLesson,
  lessonKey,
  openingStep,
  openLessonStep,
  programOf,
  questionAnswer,
} from './selectors.ts';
import type { GivenAnswer } from './types.ts';

function findQuestion(s: LabState, id: string): { bundle: LessonBundle; q: Question } | null {
  const bundle = s.lessonAt && findLesson(s.lessons, s.lessonAt.slug);
  if (!bundle) return null;
  for (const step of bundle.lesson.steps) {
    const q = step.questions.find((x) => x.id === id);
    if (q) return { bundle, q };
  }
  return null;
}

function findExercise(
  s: LabState,
  id: string,
): { bundle: LessonBundle; step: LessonStep; exercise: Exercise } | null {
  const bundle = s.lessonAt && findLesson(s.lessons, s.lessonAt.slug);
  if (!bundle) return null;
  for (const step of bundle.lesson.steps) {
    if (step.exercise?.id === id) return { bundle, step, exercise: step.exercise };
  }
  return null;
}

export function answer(
  ctx: LessonContext,
  questionId: string,
  response: string | readonly string[],
): void {
  const s = ctx.get();
  const found = findQuestion(s, questionId);
  if (!found) return;
  const { bundle, q } = found;
  const a = questionAnswer(s, bundle, q);
  if (!a.ok) return;
  const given = typeof response === 'string' ? [response] : [...response];
  const grade = gradeAnswer(a.answer, given);
  const key = lessonKey(bundle.lesson.slug, q.id);
  // A first wrong answer gets a hint and another try; the answer is kept back until then.
  const feedback = answerFeedback(grade, s.questionTries[key] ?? 0);
  const patch: Partial<LabState> = {
    answers: { ...s.answers, [key]: givenAnswer(given, grade, feedback) },
    questionTries: { ...s.questionTries, [key]: feedback.tries },
  };
  if (feedback.revealed) Object.assign(patch, proofPatch(ctx, bundle, q, grade.proof));
  ctx.set(patch);
}

function givenAnswer(response: string[], grade: Grade, feedback: AnswerFeedback): GivenAnswer {
  const { correct, expected, proof } = grade;
  const { message, revealed, hint } = feedback;
  return { response, correct, message, expected, proof, revealed, hint };
}

/** The moment that proves it, when the lesson program's run is what is shown. */
function proofPatch(
  ctx: LessonContext,
  bundle: LessonBundle,
  q: Question,
  proof: number | null,
): Partial<LabState> {
  const trace = ctx.traces.get(bundle, q.program);
  if (proof === null || !trace || ctx.get().trace !== trace) return {};
  return { step: clampStep(trace, proof), playing: false };
}

/** "Show answer" after a wrong answer: the answer, and the step of the run that proves it. */
export function revealAnswer(ctx: LessonContext, questionId: string): void {
  const s = ctx.get();
  const found = findQuestion(s, questionId);
  if (!found) return;
  const { bundle, q } = found;
  const key = lessonKey(bundle.lesson.slug, q.id);
  const given = s.answers[key];
  const a = questionAnswer(s, bundle, q);
  if (!given || given.revealed || !a.ok) return;
  const grade = gradeAnswer(a.answer, given.response);
  const feedback = revealedFeedback(grade, s.questionTries[key] ?? 0);
  ctx.set({
    answers: { ...s.answers, [key]: givenAnswer([...given.response], grade, feedback) },
    ...proofPatch(ctx, bundle, q, grade.proof),
  });
}

export function retryQuestion(ctx: LessonContext, questionId: string): void {
  const s = ctx.get();
  const found = findQuestion(s, questionId);
  if (!found) return;
  const { bundle, q } = found;
  const { [lessonKey(bundle.lesson.slug, q.id)]: _dropped, ...answers } = s.answers;
  const patch: Partial<LabState> = { answers };
  const trace = ctx.traces.get(bundle, q.program);
  if (trace && s.trace === trace) {
    const at = q.at ? resolveMoment(q.at.text, trace) : null;
    const open = openLessonStep(s);
    const opening = at?.ok ? at.step : open ? openingStep(open.step, trace) : null;
    if (opening !== null) Object.assign(patch, { step: opening, playing: false });
  }
  ctx.set(patch);
}

export function showProof(ctx: LessonContext, questionId: string): void {
  const s = ctx.get();
  const found = findQuestion(s, questionId);
  if (!found || !openLessonStep(s)) return;
  const { bundle, q } = found;
  const given = s.answers[lessonKey(bundle.lesson.slug, q.id)];
  const trace = ctx.traces.get(bundle, q.program);
  const program = programOf(bundle, q.program);
  if (!given || given.proof === null || !trace || !program) return;
  if (s.trace === trace && s.source === program.source) {
    ctx.set({ step: clampStep(trace, given.proof), playing: false });
    return;
  }
  // The learner's own program is in the editor: the lesson's comes back. Their edit stays saved
  // until the editor changes again (only the editor's own changes are kept as edits).
  ctx.set({
    source: program.source,
    programKey: ctx.nextProgramKey(lessonKey(bundle.lesson.slug, program.id)),
    trace,
    step: clampStep(trace, given.proof),
    playing: false,
    selectedTask: null,
    failure: null,
    runCount: s.runCount + 1,
  });
}

export function showHint(ctx: LessonContext, exerciseId: string): void {
  const s = ctx.get();
  const found = findExercise(s, exerciseId);
  if (!found) return;
  const key = lessonKey(found.bundle.lesson.slug, exerciseId);
  const shown = s.hintsShown[key] ?? 0;
  if (shown >= found.exercise.hints.length) return;
  ctx.set({ hintsShown: { ...s.hintsShown, [key]: shown + 1 } });
}

export function showSolution(ctx: LessonContext, exerciseId: string): void {
  const s = ctx.get();
  const found = findExercise(s, exerciseId);
  if (!found) return;
  const key = lessonKey(found.bundle.lesson.slug, exerciseId);
  ctx.set({ solutionsShown: { ...s.solutionsShown, [key]: true } });
}

export function loadSolution(ctx: LessonContext, exerciseId: string): void {
  const s = ctx.get();
  const found = findExercise(s, exerciseId);
  const solution = found && programOf(found.bundle, found.exercise.solution);
  if (!found || !solution) return;
  const key = lessonKey(found.bundle.lesson.slug, exerciseId);
  ctx.set({ solutionsShown: { ...s.solutionsShown, [key]: true } });
  // Through the editor, as if typed: it is kept as the learner's edit of the starter.
  ctx.get().setSource(solution.source);
}

export function resetExercise(ctx: LessonContext, exerciseId: string): void {
  const found = findExercise(ctx.get(), exerciseId);
  const starter = found && programOf(found.bundle, found.exercise.starter);
  if (!found || !starter) return;
  const slug = found.bundle.lesson.slug;
  const key = lessonKey(slug, exerciseId);
  const programKey = lessonKey(slug, starter.id);
  ctx.memory.forgetEdit(programKey);
  ctx.live.delete(programKey);
  const s = ctx.get();
  const { [key]: _h, ...hintsShown } = s.hintsShown;
  const { [key]: _s, ...solutionsShown } = s.solutionsShown;
  const { [key]: _r, ...exerciseRuns } = s.exerciseRuns;
  ctx.set({ hintsShown, solutionsShown, exerciseRuns });
  const open = openLessonStep(ctx.get());
  if (open?.step.program === starter.id && open.bundle === found.bundle) {
    ctx.set(programPatch(ctx, found.bundle, starter, open.step));
  }
}

export function resetProgress(ctx: LessonContext, slug?: string): void {
  const s = ctx.get();
  const keep = (key: string) => slug !== undefined && !key.startsWith(`${slug}/`);
  const pick = <T>(r: Readonly<Record<string, T>>) =>
    Object.fromEntries(Object.entries(r).filter(([k]) => keep(k)));
  const progress =
    slug === undefined
      ? {}
      : Object.fromEntries(Object.entries(s.progress).filter(([k]) => k !== slug));
  ctx.set({
    progress,
    answers: pick(s.answers),
    questionTries: pick(s.questionTries),
    hintsShown: pick(s.hintsShown),
    solutionsShown: pick(s.solutionsShown),
    exerciseRuns: pick(s.exerciseRuns),
  });
  ctx.memory.saveProgress(progress);
}
