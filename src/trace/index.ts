/**
 * The trace layer: format v1 types and validation, replay (`stateAt`), navigation and checks,
 * and the words that put a trace into English (words.ts, narration.ts).
 * Pure TypeScript: no React, DOM or Monaco (see docs/trace-format.md for the format).
 * Test-only trace builders (example.ts, synthetic.ts) are not exported: tests import them by path.
 */
export type { Advice, CoachTopic, LessonLink } from './coach.ts';
export { adviceSummary, adviceText, coach, LESSONS } from './coach.ts';
export type { Stall } from './coach-stalls.ts';
export { stalls } from './coach-stalls.ts';
export type { EventColumns } from './columns.ts';
export { ColumnAssembler, columnsOf, eventsOfColumns } from './columns.ts';
export { decodeEvent, decodeWait, eventAt } from './decode.ts';
export type { FocusMap, FocusOptions } from './focus.ts';
export {
  FOCUS_BLOCK,
  FocusMismatchError,
  focusRequest,
  focusStep,
  hasSuspendLocals,
  mapFocus,
  withFocusLocals,
  withFramesOf,
} from './focus.ts';
export { handoffSteps, isHandoff, nextHandoff, prevHandoff } from './handoffs.ts';
export type { FrameId, HandleId, ObjectId, Step, TaskId, ThreadId } from './ids.ts';
export { asFrameId, asHandleId, asObjectId, asStep, asTaskId } from './ids.ts';
export { checkInvariants, MAX_VIOLATIONS } from './invariants.ts';
export { narrate } from './narration.ts';
export type { OutputEntry } from './output.ts';
export { outputCountAt, outputs, outputTextAt, stepOfOutput } from './output.ts';
export { parseTrace, TRACE_FORMAT, TRACE_VERSION, validateEvents } from './parse.ts';
export type { PartialTraceHeader } from './partial-trace.ts';
export {
  DEFAULT_DETAIL_STEPS,
  PartialTraceBuilder,
  partialTrace,
  WALL_LIMIT,
} from './partial-trace.ts';
export {
  buildReplayIndex,
  CHECKPOINT_INTERVAL,
  extendReplayIndex,
  foldStateAt,
  shareReplayIndex,
  stateAt,
} from './replay.ts';
export type {
  BlockView,
  FrameView,
  LoopState,
  ObjectView,
  ReadyEntry,
  TaskState,
  TaskView,
  ThreadActivity,
  ThreadJob,
  ThreadView,
  TimerEntry,
} from './state.ts';
export { findFrame, findObject, findTask, threadActivityAt } from './state.ts';
export { lowerBound, type Sorted, upperBound } from './step-search.ts';
export type { TraceTables } from './tables.ts';
export { rebuildTables } from './tables.ts';
export { groupTimers, type TimerGroup } from './timer-groups.ts';
export { TraceFormatError } from './trace-format-error.ts';
export type {
  CallbackRun,
  Control,
  IndexedOutput,
  ObjectEventKind,
  TaskSummary,
  TraceIndex,
  TraceIndexData,
} from './trace-index.ts';
export {
  adoptTraceIndex,
  controlAt,
  eventsOfKind,
  findEvent,
  firstStepAtTime,
  stepsOfKind,
  stepsOfLine,
  taskOfEvent,
  taskSummary,
  traceIndex,
  traceIndexData,
  virtualTimeAt,
} from './trace-index.ts';
export type * from './types.ts';
export { type StreamWaiters, streamWaiters } from './waiters.ts';
export * from './words.ts';
