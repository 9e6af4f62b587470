/**
 * The lesson slice: which lesson and step are open, the answers given, the hints and solutions
 * shown, the checks of the learner's last run of each exercise, and the progress kept between
 * visits (steps seen, exercises passed).
 *
 * Opening a step that has a program puts it in the editor and shows the trace shipped with the
 * lesson (recorded at build time) at the step's moment, so the picture is there before Python
 * has loaded. Each program the slice puts in the editor gets a new `programKey`; a run belongs to
 * the key it started under, so the run slice drops a run that ends after the learner moved on.
 * A run that ends in time is handed to `recordRun`: it replaces the shipped trace, and on an
 * exercise step its checks are evaluated on it. Edits of lesson programs are kept per program by
 * the editor's TextStore (`lessonAwareTextStore`), never over the playground's own program.
 *
 * The actions are plain functions of a `LessonContext` (./navigate.ts, ./answers.ts); the
 * views are pure selectors (./selectors.ts); storage is ./storage.ts.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { LabState } from '../../lab-state.ts';
import * as answers from './answers.ts';
import type { LessonContext } from './context.ts';
import * as navigate from './navigate.ts';
import { createShippedTraces } from './shipped-traces.ts';
import type { LessonMemory } from './storage.ts';
import type { LessonSlice } from './types.ts';

export * from './selectors.ts';
export {
  type EditorPlace,
  type LessonMemory,
  lessonAwareTextStore,
  lessonMemory,
} from './storage.ts';
export type * from './types.ts';

export function createLessonSlice(
  memory: LessonMemory,
): StateCreator<LabState, [], [], LessonSlice> {
  return (set, get) => {
    let loads = 0;
    const ctx: LessonContext = {
      set,
      get,
      memory,
      traces: createShippedTraces(),
      live: new Map(),
      snapshot: null,
      nextProgramKey: (slot) => `${slot} #${++loads}`,
    };
    return {
      lessons: [],
      lessonsLoaded: false,
      lessonProblems: [],
      lessonAt: null,
      lessonMissing: null,
      answers: {},
      questionTries: {},
      hintsShown: {},
      solutionsShown: {},
      exerciseRuns: {},
      progress: memory.loadProgress(),
      shippedTrace: (bundle, programId) => ctx.traces.get(bundle, programId),
      setLessons: (lessons, problems = []) => navigate.setLessons(ctx, lessons, problems),
      openLesson: (slug, step) => navigate.openLesson(ctx, slug, step),
      closeLesson: () => navigate.closeLesson(ctx),
      recordRun: (trace) => navigate.recordRun(ctx, trace),
      answer: (id, response) => answers.answer(ctx, id, response),
      retryQuestion: (id) => answers.retryQuestion(ctx, id),
      revealAnswer: (id) => answers.revealAnswer(ctx, id),
      showProof: (id) => answers.showProof(ctx, id),
      showHint: (id) => answers.showHint(ctx, id),
      showSolution: (id) => answers.showSolution(ctx, id),
      loadSolution: (id) => answers.loadSolution(ctx, id),
      resetExercise: (id) => answers.resetExercise(ctx, id),
      resetProgress: (slug) => answers.resetProgress(ctx, slug),
    };
  };
}
