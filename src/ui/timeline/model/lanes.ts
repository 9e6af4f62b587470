/**
 * The timeline's model: lanes (one per task, plus the event loop's) of typed-array spans, and
 * the step → virtual-time mapping, with the queries on them. Built once per trace from the
 * per-trace index of src/trace (build-timeline.ts), so that drawing and seeking never walk the
 * events again (a million steps take a few milliseconds once the index exists; see lanes.test.ts).
 */
import type { TaskEnd, TaskId } from '../../../trace/index.ts';
import { lowerBound, upperBound } from './search.ts';
import { type Spans, spanAt } from './spans.ts';
import type { LaneStalls } from './stalls.ts';
import type { ThreadLane } from './thread-lanes.ts';

export type { TaskEnd } from '../../../trace/index.ts';
export type { Spans } from './spans.ts';
export type { ThreadLane, ThreadLaneJob } from './thread-lanes.ts';

export interface TaskLane {
  readonly kind: 'task';
  readonly task: TaskId;
  /** The name at the end of the trace (what `Task.get_name()` gave last). */
  readonly name: string;
  readonly coro: string;
  /** True when the coroutine is defined in the program; false for asyncio's own tasks. */
  readonly user: boolean;
  readonly createdBy: TaskId | null;
  readonly createdAt: number;
  readonly createdTime: number;
  /** The task-done step, or null if it never finished in the trace. */
  readonly doneAt: number | null;
  readonly doneTime: number | null;
  readonly end: TaskEnd | null;
  /** The result's or exception's repr (null if cancelled or not done). */
  readonly endRepr: string | null;
  /** The steps it held control. */
  readonly held: Spans;
  /** Steps of its `suspend` events, ascending, and their virtual times. */
  readonly suspends: Int32Array;
  readonly suspendTimes: Float64Array;
  /** Turns in which it held the loop too long (a blocking call, a long computation). */
  readonly stalls: LaneStalls;
}

export interface LoopLane {
  readonly kind: 'loop';
  /** No task holds control while a loop runs: the loop's own machinery and plain callbacks. */
  readonly held: Spans;
  /** No task holds control and no loop runs: module-level code. */
  readonly module: Spans;
  /** `clock` jumps: one step each; the time they skip, when nothing could run. */
  readonly idle: Spans;
  /** `block` events: one step each; the time the blocking call took, when nothing else could run. */
  readonly blocked: Spans;
  /** What blocked (`time.sleep(2)`), per blocked span. */
  readonly blockBy: readonly string[];
  /** The party that kept control while blocking, per blocked span. */
  readonly blockTask: readonly (TaskId | null)[];
}

export interface TimelineModel {
  /** Number of steps (= events). */
  readonly steps: number;
  /** Virtual time after the last step. */
  readonly endTime: number;
  readonly loop: LoopLane;
  /** One lane per task, in creation order (task id order). */
  readonly tasks: readonly TaskLane[];
  /** One lane per simulated thread, in creation order (drawn below the tasks). */
  readonly threads: readonly ThreadLane[];
  /**
   * Time is a step function of the step: it changes only at `clock` and `block` events.
   * timeSteps[j] is the step where it becomes times[j] (strictly increasing); 0 before the first.
   */
  readonly timeSteps: Int32Array;
  readonly times: Float64Array;
  /** 1 where the change is a blocking call (the clock ran while someone kept control). */
  readonly timeIsBlock: Uint8Array;
}

/** Virtual time after the event at `step` (0 before the first change; clamps out-of-range). */
export function timeOfStep(model: TimelineModel, step: number): number {
  const j = upperBound(model.timeSteps, step) - 1;
  return j >= 0 ? (model.times[j] as number) : 0;
}

/** The last step whose time is ≤ t (-1 if there is none). */
export function lastStepAtOrBefore(model: TimelineModel, t: number): number {
  if (t < 0 || model.steps === 0) return -1;
  const j = upperBound(model.times, t);
  return j < model.times.length ? (model.timeSteps[j] as number) - 1 : model.steps - 1;
}

/** The last step whose time is < t (-1 if there is none). */
export function lastStepBefore(model: TimelineModel, t: number): number {
  if (t <= 0 || model.steps === 0) return -1;
  const j = lowerBound(model.times, t);
  return j < model.times.length ? (model.timeSteps[j] as number) - 1 : model.steps - 1;
}

/** The first step whose time is ≥ t (`steps` if there is none). */
export function firstStepAtOrAfter(model: TimelineModel, t: number): number {
  if (t <= 0) return 0;
  const j = lowerBound(model.times, t);
  return j < model.times.length ? (model.timeSteps[j] as number) : model.steps;
}

/** The first step whose time is > t (`steps` if there is none). */
export function firstStepAfter(model: TimelineModel, t: number): number {
  if (t < 0) return 0;
  const j = upperBound(model.times, t);
  return j < model.times.length ? (model.timeSteps[j] as number) : model.steps;
}

/** The task holding control at `step`, or null (the loop, module level, or a callback). */
export function holderAt(model: TimelineModel, step: number): TaskLane | null {
  for (const lane of model.tasks) {
    if (step >= lane.createdAt && spanAt(lane.held, step) >= 0) return lane;
  }
  return null;
}
