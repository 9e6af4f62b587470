/** The store without React (the binding is in ./react.tsx). */
export { createLabStore, type LabStore, type LabStoreDeps } from './create-lab-store.ts';
export { type FocusedPicture, focusedPicture, type LocalsNote } from './focus-view.ts';
export type { LabState } from './lab-state.ts';
export { linkProblem } from './link-problem.ts';
export { type IdleScheduler, WARMUP_SLICE_MS, warmReplayIndexes } from './replay-warmup.ts';
export * from './route.ts';
export {
  canNavigate,
  isStale,
  playgroundRoute,
  recordingNote,
  runProgress,
  runTone,
  shareRoute,
  statusText,
  waitingNarration,
} from './selectors.ts';
export {
  type KeyValueStorage,
  memoryTextStore,
  type TextStore,
  webTextStore,
} from './slices/editor.ts';
export { FOCUS_KEPT, type FocusEntry, type FocusRunner } from './slices/focus.ts';
export {
  type ExerciseRun,
  type GivenAnswer,
  hidesLaterOutput,
  type LessonPlace,
  type LessonProgress,
  lessonHighlight,
  lessonKey,
  openLessonStep,
  programOf,
  progressSummary,
  questionAnswer,
} from './slices/lesson/index.ts';
export {
  clampStep,
  DEFAULT_SPEED,
  isQuietStep,
  lastStepOf,
  nextPlayStep,
  SPEEDS,
  type Speed,
  speedLabel,
} from './slices/playback.ts';
export { isRecording } from './slices/recording.ts';
export { isLive, type Runner, type RunRequest } from './slices/run.ts';
export type { TimelineAxis } from './slices/view.ts';
export * from './views.ts';
