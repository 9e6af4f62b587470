/**
 * What the timeline says about a lane over a range of steps: the hover tooltip and the
 * screen-reader lane list. Only the composition is the timeline's (which lines, in which order, for
 * a range of steps); every word about the trace — names, times, waits, outcomes, the lanes'
 * own phrases (words/lanes.ts) — comes from words.ts, so a tooltip says what the simulator's card
 * and the narration say at the same step.
 */
import {
  BLOCKING_TURN_TEXT,
  clockJumpsText,
  clockText,
  createdText,
  describeTaskNow,
  findTask,
  heldTimesText,
  holdsControlText,
  idleJumpText,
  LOOP_LANE_TITLE,
  LOOP_TEXT,
  type LoopState,
  loopBlockedText,
  loopLaneText,
  notCreatedText,
  plain,
  stateAt,
  stretchText,
  THREAD_TEXT,
  type Trace,
  TURNS_COUNTED,
  taskEndText,
  taskLaneText,
  taskLaneTitle,
  taskName,
  threadLaneText,
  threadLaneTitle,
  threadRunsText,
  waitingNowText,
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
  if (lane.kind === 'loop') return LOOP_LANE_TITLE;
  if (lane.kind === 'thread') return threadLaneTitle(lane.name);
  const s = taskStyle(lane.task);
  return taskLaneTitle(s.letter, s.shape, lane.name, lane.coro);
}

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
      stretchText(where[0], where[1], timeOfStep(model, where[0]), timeOfStep(model, where[1])),
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
  const end = (spans.end[i] as number) - 1;
  return stretchText(spans.start[i] as number, end, spans.t0[i] as number, spans.t1[i] as number);
}

/** How many spans meet the probe (capped: the tooltip only needs "one" or "several"). */
function countIn(spans: Spans, probe: Probe, first: number): number {
  let n = 0;
  for (let j = first; j < spans.count && n < TURNS_COUNTED; j++) {
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
    if (n > 1) lines.push(heldTimesText(n));
    else {
      const t0 = lane.held.t0[i] as number;
      const t1 = lane.held.t1[i] as number;
      lines.push(holdsControlText(spanText(lane.held, i)));
      if (t1 > t0) lines.push(BLOCKING_TURN_TEXT);
    }
    const stall = stallAt(lane, probe);
    if (stall !== null) lines.push(stall);
  } else if (end < lane.createdAt) {
    lines.push(notCreatedText(lane.createdAt));
  } else if (lane.doneAt !== null && at > lane.doneAt) {
    lines.push(endText(lane));
  } else {
    lines.push(nowText(trace, lane, at));
  }
  if (lane.createdAt >= at && lane.createdAt <= end) {
    const by = lane.createdBy === null ? null : taskName(null, lane.createdBy, trace);
    lines.push(createdText(lane.createdAt, by));
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
  return taskEndText(lane.end, lane.doneAt ?? 0, lane.endRepr);
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
  if (task === undefined) return waitingNowText(null);
  const now = plain(describeTaskNow(state, task, trace));
  return task.state === 'waiting' ? waitingNowText(now) : now;
}

function describeLoop(trace: Trace, lane: LoopLane, probe: Probe, lines: string[]): void {
  const b = firstSpanIn(lane.blocked, probe.axis, probe.v0, probe.v1, probe.instant);
  if (b >= 0) {
    const who = lane.blockTask[b];
    const name = who == null ? null : taskName(null, who, trace);
    const [t0, t1] = [lane.blocked.t0[b] as number, lane.blocked.t1[b] as number];
    lines.push(loopBlockedText(lane.blockBy[b] ?? null, name, t0, t1));
    lines.push(LOOP_TEXT.blocked);
    return;
  }
  const idle = firstSpanIn(lane.idle, probe.axis, probe.v0, probe.v1, 0);
  if (idle >= 0 && (probe.axis === 'time' || probe.steps?.[0] === probe.steps?.[1])) {
    lines.push(idleJumpText(lane.idle.t0[idle] as number, lane.idle.t1[idle] as number));
    return;
  }
  const m = firstSpanIn(lane.module, probe.axis, probe.v0, probe.v1, probe.instant);
  const h = firstSpanIn(lane.held, probe.axis, probe.v0, probe.v1, probe.instant);
  if (h >= 0) lines.push(LOOP_TEXT.loop);
  else if (m >= 0) lines.push(LOOP_TEXT.module);
  else if (idle >= 0) lines.push(LOOP_TEXT.idle);
  else lines.push(LOOP_TEXT.task);
  if (probe.axis === 'steps' && probe.steps) {
    const [lo, hi] = rangeIn(lane.idle.start, probe.steps[0], probe.steps[1] + 1);
    if (hi - lo >= 1) lines.push(clockJumpsText(hi - lo, lane.idle.t1[lo] as number));
  }
}

/** Under the probe: the function the thread runs, and whether it sleeps (the loop does not). */
function describeThread(lane: ThreadLane, probe: Probe, lines: string[]): void {
  const i = firstSpanIn(lane.busy, probe.axis, probe.v0, probe.v1, probe.instant);
  const job = i >= 0 ? lane.jobs[i] : undefined;
  if (job === undefined) {
    lines.push(THREAD_TEXT.idle);
    return;
  }
  lines.push(threadRunsText(job));
  const sl = firstSpanIn(lane.sleeps, probe.axis, probe.v0, probe.v1, probe.instant);
  if (sl >= 0) lines.push(THREAD_TEXT.sleeps);
}

/** One sentence per lane for screen readers (the canvas shows the same). */
export function laneSummary(lane: TimelineRow): string {
  if (lane.kind === 'thread') return threadLaneText(lane.jobs);
  if (lane.kind === 'loop') return loopLaneText(lane.idle.count, lane.blocked.count);
  return taskLaneText({ ...lane, held: lane.held.count, stalls: lane.stalls.words });
}
