/**
 * Moving through lessons: opening a step (its program comes into the editor with the shipped
 * trace at the step's moment), leaving lessons (the playground comes back), dev updates of the
 * lessons, and a finished run of a lesson program becoming the live picture.
 */
import {
  evaluateChecks,
  type LessonBundle,
  type LessonProblem,
  type LessonProgram,
  type LessonStep,
} from '../../../lessons/index.ts';
import type { Trace } from '../../../trace/index.ts';
import type { LabState } from '../../lab-state.ts';
import { clampStep } from '../playback.ts';
import { type LessonContext, setWithProgress, takeSnapshot, withProgress } from './context.ts';
import { findLesson, lessonKey, openingStep, openLessonStep, programOf } from './selectors.ts';
import type { LessonPlace } from './types.ts';

/** The patch that shows `program` (the learner's edit of it, if any) with the right trace. */
export function programPatch(
  ctx: LessonContext,
  bundle: LessonBundle,
  program: LessonProgram,
  step: LessonStep,
): Partial<LabState> {
  const key = lessonKey(bundle.lesson.slug, program.id);
  const source = ctx.memory.edit(key) ?? program.source;
  const shipped = ctx.traces.get(bundle, program.id);
  const liveTrace = ctx.live.get(key);
  const trace = liveTrace && liveTrace.source === source ? liveTrace : shipped;
  const opening = trace && trace === shipped ? openingStep(step, trace) : null;
  return {
    source,
    originalSource: program.source,
    programKey: ctx.nextProgramKey(key),
    trace,
    step: clampStep(trace, opening ?? 0),
    playing: false,
    selectedTask: null,
    failure: null,
    runCount: ctx.get().runCount + 1,
  };
}

/** Whether the editor already holds step `index`'s program, as the lesson was at `previous`. */
function holdsProgram(
  s: LabState,
  bundle: LessonBundle,
  step: LessonStep,
  previous: LessonPlace | null,
): boolean {
  if (previous?.slug !== bundle.lesson.slug) return false;
  const before = findLesson(s.lessons, previous.slug);
  const previousProgram = before?.lesson.steps[previous.step]?.program;
  return (
    previousProgram === step.program && s.originalSource === programOf(bundle, step.program)?.source
  );
}

/** Shows step `index` of `bundle`; `previous` is where the lesson was before. */
export function showStep(
  ctx: LessonContext,
  bundle: LessonBundle,
  index: number,
  previous: LessonPlace | null,
): void {
  const s = ctx.get();
  const { lesson } = bundle;
  const i = Math.min(Math.max(0, Math.trunc(index)), Math.max(0, lesson.steps.length - 1));
  const step = lesson.steps[i];
  const progress = withProgress(ctx, lesson.slug, (p) =>
    p.seen.includes(i) ? p : { ...p, seen: [...p.seen, i].sort((a, b) => a - b) },
  );
  const patch: Partial<LabState> = {
    lessonAt: { slug: lesson.slug, step: i },
    lessonMissing: null,
    progress,
  };
  const program = step ? programOf(bundle, step.program) : undefined;
  if (step && program && !holdsProgram(s, bundle, step, previous)) {
    Object.assign(patch, programPatch(ctx, bundle, program, step));
  } else if (step && program && s.trace && s.trace === ctx.traces.get(bundle, program.id)) {
    // Same program, same run: only the moment moves (when the step names one).
    const opening = openingStep(step, s.trace);
    if (opening !== null) Object.assign(patch, { step: opening, playing: false });
  }
  setWithProgress(ctx, patch);
}

export function openLesson(ctx: LessonContext, slug: string, step: number): void {
  const s = ctx.get();
  if (!s.lessonAt && !ctx.snapshot) ctx.snapshot = takeSnapshot(s);
  if (!s.lessonsLoaded) {
    // Until the lesson's picture arrives, none: not the playground's (a first visit's recorded
    // run), which is not the lesson's, and whose drawing would only delay the lesson's.
    // Leaving the lesson brings it back (the snapshot).
    const at = { slug, step: Math.max(0, Math.trunc(step)) };
    ctx.set({ lessonAt: at, lessonMissing: null, trace: null, step: 0, playing: false });
    return;
  }
  const bundle = findLesson(s.lessons, slug);
  if (!bundle) {
    ctx.set({ lessonAt: { slug, step: Math.max(0, Math.trunc(step)) }, lessonMissing: slug });
    return;
  }
  showStep(ctx, bundle, step, s.lessonMissing ? null : s.lessonAt);
}

export function closeLesson(ctx: LessonContext): void {
  const s = ctx.get();
  if (!s.lessonAt) return;
  const back = ctx.snapshot;
  ctx.snapshot = null;
  // A run of the lesson's program still going is not the playground's: it will not be shown.
  const programKey = ctx.nextProgramKey('playground');
  if (!back) {
    ctx.set({ lessonAt: null, lessonMissing: null, programKey });
    return;
  }
  ctx.set({
    lessonAt: null,
    lessonMissing: null,
    source: back.source,
    originalSource: back.originalSource,
    programKey,
    trace: back.trace,
    step: clampStep(back.trace, back.step),
    playing: false,
    selectedTask: null,
    failure: null,
    runCount: s.runCount + 1,
  });
}

export function setLessons(
  ctx: LessonContext,
  lessons: readonly LessonBundle[],
  problems: readonly LessonProblem[],
): void {
  const before = ctx.get();
  const previous = before.lessonAt;
  ctx.set({ lessons, lessonsLoaded: true, lessonProblems: problems });
  ctx.traces.prune(lessons);
  if (!previous) return;
  const bundle = findLesson(lessons, previous.slug);
  if (!bundle) {
    ctx.set({ lessonMissing: previous.slug });
    return;
  }
  if (!before.lessonsLoaded || ctx.get().lessonMissing) {
    // A link opened before the lessons had loaded.
    if (!ctx.snapshot) ctx.snapshot = takeSnapshot(ctx.get());
    showStep(ctx, bundle, previous.step, null);
    return;
  }
  updateOpenStep(ctx, before, bundle, previous.step);
}

/**
 * A dev update: the same step of the new lesson. Its program comes back only if the learner has
 * not edited it (the editor still shows the old lesson program).
 */
function updateOpenStep(
  ctx: LessonContext,
  before: LabState,
  bundle: LessonBundle,
  at: number,
): void {
  const old = openLessonStep(before);
  const oldProgram = old ? programOf(old.bundle, old.step.program) : undefined;
  const unedited = oldProgram !== undefined && before.source === oldProgram.source;
  const index = Math.min(at, bundle.lesson.steps.length - 1);
  const step = bundle.lesson.steps[index];
  const program = step ? programOf(bundle, step.program) : undefined;
  const lessonAt = { slug: bundle.lesson.slug, step: index };
  const oldShipped = () => (old && oldProgram ? ctx.traces.get(old.bundle, oldProgram.id) : null);
  if (step && program && unedited && program.source !== oldProgram?.source) {
    ctx.set({ lessonAt });
    ctx.set(programPatch(ctx, bundle, program, step));
  } else if (step && program && unedited && before.trace === oldShipped()) {
    // Same program: show the (re-parsed) shipped trace at the same cursor, or at the step's
    // moment when the trace has just arrived (lesson traces load after the lesson opens).
    const trace = ctx.traces.get(bundle, program.id);
    const opening = before.trace === null && trace ? openingStep(step, trace) : null;
    ctx.set({ lessonAt, trace, step: clampStep(trace, opening ?? before.step) });
  } else {
    ctx.set({ lessonAt });
  }
}

/**
 * A run of the editor's program finished (and belongs to the program still there): on a lesson
 * step it becomes the program's live picture, and on an exercise step its checks are evaluated.
 */
export function recordRun(ctx: LessonContext, trace: Trace): void {
  const s = ctx.get();
  const open = s.lessonAt ? openLessonStep(s) : null;
  const program = open ? programOf(open.bundle, open.step.program) : undefined;
  // Edited while it ran: the run is of an older text, and shown as out of date.
  if (!open || !program || trace.source !== s.source) return;
  const slug = open.bundle.lesson.slug;
  ctx.live.set(lessonKey(slug, program.id), trace);
  const exercise = open.step.exercise;
  if (!exercise) return;
  const outcome = evaluateChecks(exercise.checks, trace);
  const progress = outcome.pass
    ? withProgress(ctx, slug, (p) =>
        p.passed.includes(exercise.id) ? p : { ...p, passed: [...p.passed, exercise.id] },
      )
    : s.progress;
  setWithProgress(ctx, {
    exerciseRuns: {
      ...s.exerciseRuns,
      [lessonKey(slug, exercise.id)]: { source: trace.source, outcome },
    },
    progress,
  });
}
