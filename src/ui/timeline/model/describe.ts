/**
 * What the timeline says about a lane over a range of steps, in plain words: the hover tooltip
 * and the screen-reader lane list. Pure: reads the lane model and decodes only the one event it
 * needs (a suspend, to say what a task waits for).
 */
import type { Trace, Wait } from '../../../trace/index.ts';
import { eventAt } from '../../../trace/index.ts';
import { taskStyle } from '../../task-style.ts';
import { firstSpanIn, rangeIn } from './aggregate.ts';
import { formatStep, formatTime } from './format.ts';
import type { LoopLane, Spans, TaskLane, TimelineModel } from './lanes.ts';
import { lastStepAtOrBefore, timeOfStep } from './lanes.ts';
import type { Axis } from './scale.ts';
import { upperBound } from './search.ts';

export type TimelineRow = TaskLane | LoopLane;

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
  const s = taskStyle(lane.task);
  return `${s.letter} ${s.shape} ${lane.name} · ${lane.coro}()`;
}

const stepsText = (a: number, b: number) =>
  a === b ? `step ${formatStep(a)}` : `steps ${formatStep(a)}–${formatStep(b)}`;
const timeText = (a: number, b: number) =>
  a === b ? `t = ${formatTime(a)} s` : `t = ${formatTime(a)} → ${formatTime(b)} s`;

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
    lines.push(`t = ${formatTime(Math.max(0, (probe.v0 + probe.v1) / 2))} s`);
  }
  if (lane.kind === 'loop') describeLoop(model, lane, probe, lines);
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
  } else if (end < lane.createdAt) {
    lines.push(`not created yet (created at step ${formatStep(lane.createdAt)})`);
  } else if (lane.doneAt !== null && at > lane.doneAt) {
    lines.push(endText(lane));
  } else {
    lines.push(waitText(trace, model, lane, at));
  }
  if (lane.createdAt >= at && lane.createdAt <= end) {
    const by = lane.createdBy === null ? '' : ` by ${nameOf(model, lane.createdBy)}`;
    lines.push(`created at step ${formatStep(lane.createdAt)}${by}`);
  }
  if (lane.doneAt !== null && lane.doneAt >= at && lane.doneAt <= end) {
    lines.push(endText(lane));
  }
}

/** The step whose picture shows where no step is drawn (an idle gap): the last one before. */
function stepAtProbe(model: TimelineModel, probe: Probe): number {
  if (probe.axis === 'steps') return Math.max(0, Math.floor(probe.v0));
  return Math.max(0, lastStepAtOrBefore(model, probe.v0));
}

function nameOf(model: TimelineModel, id: number): string {
  return model.tasks.find((t) => t.task === id)?.name ?? `Task-${id}`;
}

function endText(lane: TaskLane): string {
  const step = `at step ${formatStep(lane.doneAt ?? 0)}`;
  switch (lane.end) {
    case 'done':
      return `finished ${step}: returned ${lane.endRepr ?? 'None'}`;
    case 'failed':
      return `failed ${step}: raised ${lane.endRepr ?? 'an exception'}`;
    case 'cancelled':
      return `cancelled ${step}`;
    default:
      return 'still running when the trace ends';
  }
}

function waitText(trace: Trace, model: TimelineModel, lane: TaskLane, step: number): string {
  const j = upperBound(lane.suspends, step) - 1;
  if (j < 0) return 'created; waiting for its first turn';
  const e = eventAt(trace, lane.suspends[j] as number);
  if (e.kind !== 'suspend') return 'waiting';
  return `waiting: ${describeWait(trace, model, e.wait)}`;
}

/** What a suspended task awaits, in words. */
export function describeWait(trace: Trace, model: TimelineModel, w: Wait): string {
  const object = (id: number) => {
    const o = trace.objects.find((x) => x.id === id);
    return o ? (o.label ?? `a ${o.type}`) : `object ${id}`;
  };
  switch (w.on) {
    case 'sleep':
      return `asyncio.sleep until t = ${formatTime(w.until)} s`;
    case 'yield':
      return 'yielded (sleep(0)): back in the ready queue';
    case 'task':
      return `awaits task ${nameOf(model, w.task)}`;
    case 'shield':
      return `awaits shield(${nameOf(model, w.task)})`;
    case 'gather':
      return `gather of ${w.count}`;
    case 'wait':
      return `asyncio.wait (${w.mode})`;
    case 'as-completed':
      return 'as_completed: the next result';
    case 'taskgroup':
      return `TaskGroup ${object(w.object)}: its ${w.of.length} tasks to finish`;
    case 'other':
      return w.what;
    case 'queue-get':
      return `${object(w.object)}.get()`;
    case 'queue-put':
      return `${object(w.object)}.put() (queue full)`;
    case 'queue-join':
      return `${object(w.object)}.join()`;
    case 'future':
      return `future ${object(w.object)}`;
    case 'event':
      return `${object(w.object)}.wait()`;
    case 'condition':
      return `${object(w.object)}.wait()`;
    case 'barrier':
      return `${object(w.object)}.wait()`;
    default:
      return `acquiring ${object(w.object)}`;
  }
}

function describeLoop(model: TimelineModel, lane: LoopLane, probe: Probe, lines: string[]): void {
  const b = firstSpanIn(lane.blocked, probe.axis, probe.v0, probe.v1, probe.instant);
  if (b >= 0) {
    const who = lane.blockTask[b];
    const by = lane.blockBy[b] ?? 'a blocking call';
    lines.push(
      `blocked by ${by}${who == null ? '' : ` in ${nameOf(model, who)}`}: ${timeText(lane.blocked.t0[b] as number, lane.blocked.t1[b] as number)}`,
    );
    lines.push('the loop cannot run anything else meanwhile');
    return;
  }
  const idle = firstSpanIn(lane.idle, probe.axis, probe.v0, probe.v1, 0);
  if (idle >= 0 && (probe.axis === 'time' || probe.steps?.[0] === probe.steps?.[1])) {
    lines.push(
      `idle: nothing is ready, so the clock jumps ${formatTime(lane.idle.t0[idle] as number)} → ${formatTime(lane.idle.t1[idle] as number)} s`,
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
      lines.push(`the clock jumps to ${formatTime(lane.idle.t1[lo] as number)} s here`);
    } else if (hi - lo > 1) lines.push(`the clock jumps ${hi - lo} times here`);
  }
}

/** One sentence per lane for screen readers (the canvas shows the same). */
export function laneSummary(lane: TimelineRow): string {
  if (lane.kind === 'loop') {
    const idle = lane.idle.count;
    const blocked = lane.blocked.count;
    return `Runs whenever no task holds control. The clock jumped ${idle} time${idle === 1 ? '' : 's'} while idle${blocked > 0 ? `; blocked ${blocked} time${blocked === 1 ? '' : 's'}` : ''}.`;
  }
  const turns = lane.held.count;
  const end =
    lane.doneAt === null ? 'Not finished when the trace ends.' : `${capitalise(endText(lane))}.`;
  return `${lane.coro}(), created at step ${formatStep(lane.createdAt)}; held control ${turns} time${turns === 1 ? '' : 's'}. ${end}`;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
