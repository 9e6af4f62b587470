/**
 * What the timeline says about a lane over a range of steps: the hover tooltip and the
 * screen-reader lane list. Only the composition is the timeline's (which lines, in which order, for
 * a range of steps); every word about the trace — names, times, waits, outcomes — comes from
 * words.ts, so a tooltip says what the simulator's card and the narration say at the same step.
 */
import {
  cap,
  clockText,
  describeOutcome,
  describeTaskNow,
  findTask,
  formatCount,
  formatSeconds,
  type LoopState,
  plain,
  plural,
  stateAt,
  type Trace,
  taskName,
  threadJobText,
  threadLaneText,
} from '../../../trace/index.ts';
import { taskStyle } from '../../task-style.ts';
import { firstSpanIn, rangeIn } from './aggregate.ts';
import type { LoopLane, Spans, TaskLane, ThreadLane, TimelineModel } from './lanes.ts';
import { lastStepAtOrBefore, timeOfStep } from './lanes.ts';
import type { Axis } from './scale.ts';

export type TimelineRow = TaskLane | LoopLane | ThreadLane;

/** The part of the axis under the pointer: domain values [v0, v1) and the steps drawn there. */
export interface Probe {
  readonly axis: Axis;
  readonly v0: number;
  readonly v1: number;
  /** Domain width of an instant on the time axis (0 on the steps axis). */
  readonly instant: number;
  /** First and last step drawn in the range, or null if none (an idle gap). */
  readonly steps: readonly [number, number] | null;
}

export interface Description {
  readonly title: string;
  readonly lines: readonly string[];
}

export function laneTitle(lane: TimelineRow): string {
  if (lane.kind === 'loop') return 'event loop';
  if (lane.kind === 'thread') return `thread ${lane.name}`;
  const s = taskStyle(lane.task);
  return `${s.letter} ${s.shape} ${lane.name} · ${lane.coro}()`;
}

const stepsText = (a: number, b: number) =>
  a === b ? `step ${formatCount(a)}` : `steps ${formatCount(a)}–${formatCount(b)}`;
/** `t = 0.0 s`, or a span of virtual time `t = 0.0 → 1.0 s` (one unit for both ends). */
const timeText = (a: number, b: number) =>
  a === b ? clockText(a) : `t = ${formatSeconds(a)} → ${formatSeconds(b)} s`;

/** The tooltip for `lane` over the probed range. */
export function describeLane(
  trace: Trace,
  model: TimelineModel,
  lane: TimelineRow,
  probe: Probe,
): Description {
  const lines: string[] = [];
  const where = probe.steps;
  if (where !== null) {
    lines.push(
      `${stepsText(where[0], where[1])}, ${timeText(timeOfStep(model, where[0]), timeOfStep(model, where[1]))}`,
    );
  } else if (probe.axis === 'time') {
    lines.push(clockText(Math.max(0, (probe.v0 + probe.v1) / 2)));
  }
  if (lane.kind === 'loop') describeLoop(trace, lane, probe, lines);
  else if (lane.kind === 'thread') describeThread(lane, probe, lines);
  else describeTask(trace, model, lane, probe, lines);
  return { title: laneTitle(lane), lines };
}

/** One span: its steps and the virtual time it covers. */
function spanText(spans: Spans, i: number): string {
  const t0 = spans.t0[i] as number;
  const t1 = spans.t1[i] as number;
  return `${stepsText(spans.start[i] as number, (spans.end[i] as number) - 1)}, ${timeText(t0, t1)}`;
}

/** How many spans meet the probe (capped: the tooltip only needs "one" or "several"). */
function countIn(spans: Spans, probe: Probe, first: number): number {
  let n = 0;
  for (let j = first; j < spans.count && n < 1000; j++) {
    const start = probe.axis === 'steps' ? (spans.start[j] as number) : (spans.t0[j] as number);
    if (start >= probe.v1) break;
    n++;
  }
  return n;
}

function describeTask(
  trace: Trace,
  model: TimelineModel,
  lane: TaskLane,
  probe: Probe,
  lines: string[],
): void {
  const at = probe.steps?.[0] ?? stepAtProbe(model, probe);
  const end = probe.steps?.[1] ?? at;
  const i = firstSpanIn(lane.held, probe.axis, probe.v0, probe.v1, probe.instant);
  if (i >= 0) {
    const n = countIn(lane.held, probe, i);
    if (n > 1) lines.push(`held control ${n >= 1000 ? '1,000+' : n} times here`);
    else {
      const t0 = lane.held.t0[i] as number;
      const t1 = lane.held.t1[i] as number;
      lines.push(`running: holds control (${spanText(lane.held, i)})`);
      if (t1 > t0) lines.push('its turn takes virtual time: a blocking call, nothing else runs');
    }
    const stall = stallAt(lane, probe);
    if (stall !== null) lines.push(stall);
  } else if (end < lane.createdAt) {
    lines.push(`not created yet (created at step ${formatCount(lane.createdAt)})`);
  } else if (lane.doneAt !== null && at > lane.doneAt) {
    lines.push(endText(lane));
  } else {
    lines.push(nowText(trace, lane, at));
  }
  if (lane.createdAt >= at && lane.createdAt <= end) {
    const by = lane.createdBy === null ? '' : ` by ${taskName(null, lane.createdBy, trace)}`;
    lines.push(`created at step ${formatCount(lane.createdAt)}${by}`);
  }
  if (lane.doneAt !== null && lane.doneAt >= at && lane.doneAt <= end) {
    lines.push(endText(lane));
  }
}

/** The coach's sentence about a stall of the lane's task under the probe, or null. */
function stallAt(lane: TaskLane, probe: Probe): string | null {
  const { spans, words } = lane.stalls;
  const i = firstSpanIn(spans, probe.axis, probe.v0, probe.v1, probe.instant);
  return i >= 0 ? (words[i] ?? null) : null;
}

/** The step whose picture shows where no step is drawn (an idle gap): the last one before. */
function stepAtProbe(model: TimelineModel, probe: Probe): number {
  if (probe.axis === 'steps') return Math.max(0, Math.floor(probe.v0));
  return Math.max(0, lastStepAtOrBefore(model, probe.v0));
}

function endText(lane: TaskLane): string {
  const step = `at step ${formatCount(lane.doneAt ?? 0)}`;
  switch (lane.end) {
    case 'done':
      return `finished ${step}: ${plain(describeOutcome({ kind: 'result', repr: lane.endRepr ?? 'None' }))}`;
    case 'failed':
      return `failed ${step}: ${plain(describeOutcome({ kind: 'exception', repr: lane.endRepr ?? 'an exception' }))}`;
    case 'cancelled':
      return `cancelled ${step}`;
    default:
      return 'still running when the trace ends';
  }
}

/** The last picture asked for: hovering along a lane asks for the same step again and again. */
let lastState: { trace: Trace; step: number; state: LoopState } | null = null;

function stateAtStep(trace: Trace, step: number): LoopState {
  if (lastState?.trace === trace && lastState.step === step) return lastState.state;
  const state = stateAt(trace, step);
  lastState = { trace, step, state };
  return state;
}

/**
 * Where a task that neither holds control nor has finished is at `step`: the line its simulator
 * card shows then (`waiting: sleep until 0.2 s`, `ready: next in the ready queue`).
 */
function nowText(trace: Trace, lane: TaskLane, step: number): string {
  const state = stateAtStep(trace, step);
  const task = findTask(state, lane.task);
  if (task === undefined) return 'waiting';
  const now = plain(describeTaskNow(state, task, trace));
  return task.state === 'waiting' ? `waiting: ${now}` : now;
}

function describeLoop(trace: Trace, lane: LoopLane, probe: Probe, lines: string[]): void {
  const b = firstSpanIn(lane.blocked, probe.axis, probe.v0, probe.v1, probe.instant);
  if (b >= 0) {
    const who = lane.blockTask[b];
    const by = lane.blockBy[b] ?? 'a blocking call';
    lines.push(
      `blocked by ${by}${who == null ? '' : ` in ${taskName(null, who, trace)}`}: ${timeText(lane.blocked.t0[b] as number, lane.blocked.t1[b] as number)}`,
    );
    lines.push('the loop cannot run anything else meanwhile');
    return;
  }
  const idle = firstSpanIn(lane.idle, probe.axis, probe.v0, probe.v1, 0);
  if (idle >= 0 && (probe.axis === 'time' || probe.steps?.[0] === probe.steps?.[1])) {
    lines.push(
      `idle: nothing is ready, so the clock jumps ${formatSeconds(lane.idle.t0[idle] as number)} → ${formatSeconds(lane.idle.t1[idle] as number)} s`,
    );
    return;
  }
  const m = firstSpanIn(lane.module, probe.axis, probe.v0, probe.v1, probe.instant);
  const h = firstSpanIn(lane.held, probe.axis, probe.v0, probe.v1, probe.instant);
  if (h >= 0) lines.push('no task holds control: the loop picks what runs next, runs callbacks');
  else if (m >= 0) lines.push('module-level code: no event loop is running');
  else if (idle >= 0) lines.push('idle: the clock jumps to the next timer');
  else lines.push('a task holds control');
  if (probe.axis === 'steps' && probe.steps) {
    const [lo, hi] = rangeIn(lane.idle.start, probe.steps[0], probe.steps[1] + 1);
    if (hi - lo === 1) {
      lines.push(`the clock jumps to ${formatSeconds(lane.idle.t1[lo] as number)} s here`);
    } else if (hi - lo > 1) lines.push(`the clock jumps ${hi - lo} times here`);
  }
}

/** Under the probe: the function the thread runs, and whether it sleeps (the loop does not). */
function describeThread(lane: ThreadLane, probe: Probe, lines: string[]): void {
  const i = firstSpanIn(lane.busy, probe.axis, probe.v0, probe.v1, probe.instant);
  const job = i >= 0 ? lane.jobs[i] : undefined;
  if (job === undefined) {
    lines.push('idle: no function to run');
    return;
  }
  lines.push(`runs ${threadJobText(job)}`);
  const sl = firstSpanIn(lane.sleeps, probe.axis, probe.v0, probe.v1, probe.instant);
  if (sl >= 0) lines.push('blocked in this thread only: the event loop runs other tasks meanwhile');
}

/** One sentence per lane for screen readers (the canvas shows the same). */
export function laneSummary(lane: TimelineRow): string {
  if (lane.kind === 'thread') return threadLaneText(lane.jobs);
  if (lane.kind === 'loop') {
    const idle = plural(lane.idle.count, 'time');
    const blocked = lane.blocked.count;
    return `Runs whenever no task holds control. The clock jumped ${idle} while idle${blocked > 0 ? `; blocked ${plural(blocked, 'time')}` : ''}.`;
  }
  const end = lane.doneAt === null ? 'Not finished when the trace ends.' : `${cap(endText(lane))}.`;
  return `${lane.coro}(), created at step ${formatCount(lane.createdAt)}; held control ${plural(lane.held.count, 'time')}. ${end}${stallSummary(lane)}`;
}

/** The lane's stalls for screen readers: the first in the coach's words, and how many more. */
function stallSummary(lane: TaskLane): string {
  const { words } = lane.stalls;
  const [first] = words;
  if (first === undefined) return '';
  const more = words.length - 1;
  return ` Stalled the loop: ${first}${more > 0 ? ` (and ${plural(more, 'more stall')})` : ''}`;
}
