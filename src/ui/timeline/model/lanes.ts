/**
 * The timeline's model: one pass over a trace turns it into lanes (one per task, plus the event
 * loop's) of typed-array spans, and the step → virtual-time mapping. Built once per trace, so
 * that drawing and seeking never walk the events again (a million steps take one pass of a few
 * milliseconds; see lanes.test.ts).
 *
 * Steps follow `stateAt`: the party holding control *after* event n holds step n. A task holds
 * [resume, suspend) — the suspend (or task-done, or callback) step already belongs to the loop.
 */
import type { TaskId, Trace } from '../../../trace/index.ts';
import { lowerBound, upperBound } from './search.ts';

/**
 * Disjoint spans of steps, ascending, each with the virtual time it covers. Prefix sums make the
 * held amount over any range two binary searches (see aggregate.ts).
 */
export interface Spans {
  readonly count: number;
  /** First step of each span. */
  readonly start: Int32Array;
  /** One past the last step of each span. */
  readonly end: Int32Array;
  /** Virtual time when the span starts (after its first step's event). */
  readonly t0: Float64Array;
  /** Virtual time when it ends (after its last step's event): > t0 only across a block or jump. */
  readonly t1: Float64Array;
  /** stepSum[i]: steps covered by spans 0…i-1 (length count + 1). */
  readonly stepSum: Float64Array;
  /** timeSum[i]: virtual seconds covered by spans 0…i-1 (length count + 1). */
  readonly timeSum: Float64Array;
}

export type TaskEnd = 'done' | 'failed' | 'cancelled';

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
  /**
   * Time is a step function of the step: it changes only at `clock` and `block` events.
   * timeSteps[j] is the step where it becomes times[j] (strictly increasing); 0 before the first.
   */
  readonly timeSteps: Int32Array;
  readonly times: Float64Array;
  /** 1 where the change is a blocking call (the clock ran while someone kept control). */
  readonly timeIsBlock: Uint8Array;
}

/** Grows plain arrays, then freezes them into `Spans`. */
class SpanBuilder {
  private readonly s: number[] = [];
  private readonly e: number[] = [];
  private readonly a: number[] = [];
  private readonly b: number[] = [];

  add(start: number, end: number, t0: number, t1: number): void {
    if (end <= start) return;
    const n = this.s.length;
    // A span that starts where the previous one ended at the same instant continues it.
    if (n > 0 && this.e[n - 1] === start && this.b[n - 1] === t0) {
      this.e[n - 1] = end;
      this.b[n - 1] = t1;
      return;
    }
    this.s.push(start);
    this.e.push(end);
    this.a.push(t0);
    this.b.push(t1);
  }

  build(): Spans {
    return makeSpans(this.s, this.e, this.a, this.b);
  }
}

/** Spans from parallel arrays (ascending, disjoint). Exported for tests. */
export function makeSpans(
  start: readonly number[],
  end: readonly number[],
  t0: readonly number[],
  t1: readonly number[],
): Spans {
  const count = start.length;
  const stepSum = new Float64Array(count + 1);
  const timeSum = new Float64Array(count + 1);
  for (let i = 0; i < count; i++) {
    stepSum[i + 1] = (stepSum[i] as number) + ((end[i] as number) - (start[i] as number));
    timeSum[i + 1] = (timeSum[i] as number) + ((t1[i] as number) - (t0[i] as number));
  }
  return {
    count,
    start: Int32Array.from(start),
    end: Int32Array.from(end),
    t0: Float64Array.from(t0),
    t1: Float64Array.from(t1),
    stepSum,
    timeSum,
  };
}

interface TaskAcc {
  task: TaskId;
  name: string;
  coro: string;
  user: boolean;
  createdBy: TaskId | null;
  createdAt: number;
  createdTime: number;
  doneAt: number | null;
  doneTime: number | null;
  end: TaskEnd | null;
  endRepr: string | null;
  held: SpanBuilder;
  suspends: number[];
  suspendTimes: number[];
}

// Who holds control: a task id (> 0), or one of these.
const LOOP = 0;
const MODULE = -1;

/** Turns a trace into lanes and the time mapping: one pass over the events. */
export function buildTimeline(trace: Trace): TimelineModel {
  const events = trace.events;
  const n = events.length;
  const tasks = new Map<number, TaskAcc>();
  const loopHeld = new SpanBuilder();
  const moduleHeld = new SpanBuilder();
  const idle = new SpanBuilder();
  const blocked = new SpanBuilder();
  const blockBy: string[] = [];
  const blockTask: (TaskId | null)[] = [];
  const timeSteps: number[] = [];
  const times: number[] = [];
  const timeIsBlock: number[] = [];

  const info = new Map(trace.tasks.map((t) => [t.id as number, t]));
  const taskOf = (id: TaskId, step: number, time: number): TaskAcc => {
    let acc = tasks.get(id);
    if (acc === undefined) {
      // Normally declared by task-created; a trace cut short may still name it elsewhere.
      const known = info.get(id);
      acc = {
        task: id,
        name: known?.name ?? `Task-${id}`,
        coro: known?.coro ?? '?',
        user: known?.user ?? true,
        createdBy: null,
        createdAt: step,
        createdTime: time,
        doneAt: null,
        doneTime: null,
        end: null,
        endRepr: null,
        held: new SpanBuilder(),
        suspends: [],
        suspendTimes: [],
      };
      tasks.set(id, acc);
    }
    return acc;
  };

  let time = 0;
  let loopRunning = false;
  let party = MODULE;
  let partyStart = 0;
  let partyT0 = 0;

  /** Ends the current party's span at step `at`, at virtual time `t1`. */
  const close = (at: number, t1: number) => {
    if (at <= partyStart) return;
    if (party > 0) (tasks.get(party) as TaskAcc).held.add(partyStart, at, partyT0, t1);
    else if (party === LOOP) loopHeld.add(partyStart, at, partyT0, t1);
    else moduleHeld.add(partyStart, at, partyT0, t1);
  };
  /** Control passes to `next` at step i (handoffs never move the clock). */
  const handTo = (next: number, i: number) => {
    if (next === party) return;
    close(i, time);
    party = next;
    partyStart = i;
    partyT0 = time;
  };
  const noTask = () => (loopRunning ? LOOP : MODULE);

  for (let i = 0; i < n; i++) {
    const e = events[i];
    if (typeof e === 'number' || e === undefined) continue;
    switch (e.k) {
      case 'task-created': {
        const acc = taskOf(e.t, i, time);
        acc.name = e.name;
        acc.coro = e.coro;
        acc.user = e.user;
        acc.createdBy = e.by;
        acc.createdAt = i;
        acc.createdTime = time;
        break;
      }
      case 'task-name':
        taskOf(e.t, i, time).name = e.name;
        break;
      case 'resume':
        taskOf(e.t, i, time);
        handTo(e.t, i);
        break;
      case 'suspend': {
        const acc = taskOf(e.t, i, time);
        acc.suspends.push(i);
        acc.suspendTimes.push(time);
        handTo(noTask(), i);
        break;
      }
      case 'task-done': {
        const acc = taskOf(e.t, i, time);
        acc.doneAt = i;
        acc.doneTime = time;
        if (e.c === 1) acc.end = 'cancelled';
        else if (e.x !== undefined) {
          acc.end = 'failed';
          acc.endRepr = e.x;
        } else {
          acc.end = 'done';
          acc.endRepr = e.r ?? 'None';
        }
        handTo(noTask(), i);
        break;
      }
      case 'callback':
        handTo(LOOP, i);
        break;
      case 'loop':
        loopRunning = e.run;
        if (party <= 0) handTo(noTask(), i);
        break;
      case 'clock': {
        if (e.at <= time) break;
        const before = time;
        time = e.at;
        idle.add(i, i + 1, before, time);
        timeSteps.push(i);
        times.push(time);
        timeIsBlock.push(0);
        // Split the loop's span at the jump, so that in time its bars leave the idle gap empty.
        if (party <= 0) {
          close(i, before);
          partyStart = i;
          partyT0 = time;
        }
        break;
      }
      case 'block': {
        const before = time;
        if (e.at > time) {
          time = e.at;
          timeSteps.push(i);
          times.push(time);
          timeIsBlock.push(1);
        }
        blocked.add(i, i + 1, before, time);
        blockBy.push(e.by);
        blockTask.push(e.t);
        break;
      }
      default:
        break;
    }
  }
  close(n, time);

  const laneList = [...tasks.values()]
    .sort((a, b) => a.task - b.task)
    .map(
      (a): TaskLane => ({
        kind: 'task',
        task: a.task,
        name: a.name,
        coro: a.coro,
        user: a.user,
        createdBy: a.createdBy,
        createdAt: a.createdAt,
        createdTime: a.createdTime,
        doneAt: a.doneAt,
        doneTime: a.doneTime,
        end: a.end,
        endRepr: a.endRepr,
        held: a.held.build(),
        suspends: Int32Array.from(a.suspends),
        suspendTimes: Float64Array.from(a.suspendTimes),
      }),
    );

  // Blocked spans never merge (each is one call), so keep one label per span.
  const blockedSpans = blocked.build();
  return {
    steps: n,
    endTime: time,
    loop: {
      kind: 'loop',
      held: loopHeld.build(),
      module: moduleHeld.build(),
      idle: idle.build(),
      blocked: blockedSpans,
      blockBy: blockBy.slice(0, blockedSpans.count),
      blockTask: blockTask.slice(0, blockedSpans.count),
    },
    tasks: laneList,
    timeSteps: Int32Array.from(timeSteps),
    times: Float64Array.from(times),
    timeIsBlock: Uint8Array.from(timeIsBlock),
  };
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

/** Index of the span containing `step`, or -1. */
export function spanAt(spans: Spans, step: number): number {
  const i = upperBound(spans.start, step) - 1;
  return i >= 0 && step < (spans.end[i] as number) ? i : -1;
}

/** The task holding control at `step`, or null (the loop, module level, or a callback). */
export function holderAt(model: TimelineModel, step: number): TaskLane | null {
  for (const lane of model.tasks) {
    if (step >= lane.createdAt && spanAt(lane.held, step) >= 0) return lane;
  }
  return null;
}
