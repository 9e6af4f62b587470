/**
 * Builds the timeline's model (lanes.ts) from the per-trace index (src/trace/trace-index.ts):
 * who holds control and the virtual time after every step, each task's creation, end and
 * outcome, and the steps of each kind of event. The timeline decodes no wire fields itself: the
 * few events it needs whole (loop start/stop, blocking calls, task creation) come from eventAt.
 *
 * Steps follow `stateAt`: the party holding control *after* event n holds step n. A task holds
 * [resume, suspend) — the suspend (or task-done, or callback) step already belongs to the loop.
 * With no task holding control, the loop holds it while a loop runs, else module-level code does.
 */
import {
  eventAt,
  type TaskSummary,
  type Trace,
  type TraceIndex,
  traceIndex,
} from '../../../trace/index.ts';
import type { LoopLane, TaskEnd, TaskLane, TimelineModel } from './lanes.ts';
import { SpanBuilder } from './spans.ts';
import { type LaneStalls, NO_STALLS, stallsByTask } from './stalls.ts';
import { threadLanes } from './thread-lanes.ts';

// Who holds control: a task id (> 0), or one of these.
const LOOP = 0;
const MODULE = -1;

/** Turns a trace into lanes and the time mapping: one pass over the index's arrays. */
export function buildTimeline(trace: Trace): TimelineModel {
  const index = traceIndex(trace);
  const n = trace.events.length;
  const held = heldSpans(trace, index, n);
  const clock = clockChanges(trace, index);
  const stalls = stallsByTask(trace);
  const lanes = taskLanes(trace, index, held.tasks, stalls);
  const timeSteps = Int32Array.from(clock.timeSteps);
  const times = Float64Array.from(clock.times);
  return {
    steps: n,
    endTime: index.endTime,
    loop: { kind: 'loop', held: held.loop.build(), module: held.module.build(), ...clock.lane },
    tasks: lanes,
    threads: threadLanes(trace, index, { steps: n, timeSteps, times }),
    timeSteps,
    times,
    timeIsBlock: Uint8Array.from(clock.timeIsBlock),
  };
}

interface Held {
  readonly tasks: Map<number, SpanBuilder>;
  readonly loop: SpanBuilder;
  readonly module: SpanBuilder;
}

/**
 * The spans each party held control: runs of the same holder, with the loop's and module
 * code's runs also split at each jump of the clock, so that in time their bars leave the idle
 * gap empty (the jump's step starts the next span, at the new time). Control can only change
 * hands at a handoff, a loop starting or stopping, or a jump of the clock, so only those steps
 * are visited (a few thousand in a million-step trace), never every line.
 */
function heldSpans(trace: Trace, index: TraceIndex, n: number): Held {
  const { holder, time } = index;
  const out: Held = { tasks: new Map(), loop: new SpanBuilder(), module: new SpanBuilder() };
  const loop = loopChanges(trace, index);
  let nextLoop = 0;
  let running = false;
  let party = MODULE;
  let start = 0;
  const close = (end: number) => {
    if (end <= start) return;
    const t0 = time[start] as number;
    const t1 = time[end - 1] as number;
    if (party > 0) spansOf(out.tasks, party).add(start, end, t0, t1);
    else (party === LOOP ? out.loop : out.module).add(start, end, t0, t1);
  };
  for (const i of changeSteps(index)) {
    if (nextLoop < loop.steps.length && loop.steps[nextLoop] === i) {
      running = loop.running[nextLoop++] as boolean;
    }
    const h = holder[i] as number;
    const now = h > 0 ? h : running ? LOOP : MODULE;
    const jump = (time[i] as number) > (i > 0 ? (time[i - 1] as number) : 0);
    if (now !== party || (jump && now <= 0)) {
      close(i);
      party = now;
      start = i;
    }
  }
  close(n);
  return out;
}

/** Steps where control may change hands or the clock jumps, ascending, without repeats. */
function changeSteps(index: TraceIndex): Int32Array {
  const kinds = ['resume', 'suspend', 'task-done', 'callback', 'loop', 'clock'] as const;
  const lists = kinds.map((k) => index.kindSteps.get(k) ?? new Int32Array(0));
  const all = new Int32Array(lists.reduce((sum, l) => sum + l.length, 0));
  let at = 0;
  for (const l of lists) {
    all.set(l, at);
    at += l.length;
  }
  // Each step holds one event, so the kinds' lists never share a step.
  return all.sort();
}

function spansOf(map: Map<number, SpanBuilder>, id: number): SpanBuilder {
  let spans = map.get(id);
  if (spans === undefined) {
    spans = new SpanBuilder();
    map.set(id, spans);
  }
  return spans;
}

/** The steps where a loop starts or stops running, and whether it runs after each. */
function loopChanges(trace: Trace, index: TraceIndex) {
  const steps = index.kindSteps.get('loop') ?? new Int32Array(0);
  const running = Array.from(steps, (s) => {
    const ev = eventAt(trace, s);
    return ev.kind === 'loop' && ev.running;
  });
  return { steps, running };
}

/**
 * Where the clock moves: jumps while nothing could run (`clock`: idle time) and blocking calls
 * (`block`: the clock ran while someone kept control), and the step → time mapping.
 */
function clockChanges(trace: Trace, index: TraceIndex) {
  const { time } = index;
  const idle = new SpanBuilder();
  const blocked = new SpanBuilder();
  const blockBy: string[] = [];
  const blockTask: LoopLane['blockTask'][number][] = [];
  const changes = [
    ...(index.kindSteps.get('clock') ?? []),
    ...(index.kindSteps.get('block') ?? []),
  ];
  changes.sort((a, b) => a - b);
  const timeSteps: number[] = [];
  const times: number[] = [];
  const timeIsBlock: number[] = [];
  for (const i of changes) {
    const before = i > 0 ? (time[i - 1] as number) : 0;
    const after = time[i] as number;
    const ev = eventAt(trace, i);
    if (after > before) {
      timeSteps.push(i);
      times.push(after);
      timeIsBlock.push(ev.kind === 'block' ? 1 : 0);
    }
    if (ev.kind === 'clock') {
      if (after > before) idle.add(i, i + 1, before, after);
    } else if (ev.kind === 'block') {
      // Blocked spans never merge (each is one call), so keep one label per span.
      blocked.addApart(i, i + 1, before, after);
      blockBy.push(ev.by);
      blockTask.push(ev.task);
    }
  }
  const lane = { idle: idle.build(), blocked: blocked.build(), blockBy, blockTask };
  return { lane, timeSteps, times, timeIsBlock };
}

/** A lane per task, in id order, from the index's task records and the spans it held. */
function taskLanes(
  trace: Trace,
  index: TraceIndex,
  held: Map<number, SpanBuilder>,
  stalls: ReadonlyMap<number, LaneStalls>,
): TaskLane[] {
  const suspends = suspendsByTask(index);
  return index.tasks.map((t) => {
    const own = suspends.get(t.id) ?? [];
    return {
      kind: 'task',
      task: t.id,
      name: t.name,
      coro: t.coro,
      user: t.user,
      createdBy: createdBy(trace, t),
      createdAt: t.created,
      createdTime: index.time[t.created] as number,
      doneAt: t.done,
      doneTime: t.done === null ? null : (index.time[t.done] as number),
      ...ending(t),
      held: (held.get(t.id) ?? new SpanBuilder()).build(),
      suspends: Int32Array.from(own),
      suspendTimes: Float64Array.from(own, (s) => index.time[s] as number),
      stalls: stalls.get(t.id) ?? NO_STALLS,
    };
  });
}

/** Each task's `suspend` steps: the task holding control just before it gave control back. */
function suspendsByTask(index: TraceIndex): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (const s of index.kindSteps.get('suspend') ?? []) {
    const id = s > 0 ? (index.holder[s - 1] as number) : 0;
    const list = out.get(id);
    if (list) list.push(s);
    else out.set(id, [s]);
  }
  return out;
}

function createdBy(trace: Trace, t: TaskSummary): TaskLane['createdBy'] {
  const ev = eventAt(trace, t.created);
  return ev.kind === 'task-created' ? ev.by : null;
}

function ending(t: TaskSummary): { end: TaskEnd | null; endRepr: string | null } {
  switch (t.outcome?.kind) {
    case 'result':
      return { end: 'done', endRepr: t.outcome.repr };
    case 'exception':
      return { end: 'failed', endRepr: t.outcome.repr };
    case 'cancelled':
      return { end: 'cancelled', endRepr: null };
    default:
      return { end: null, endRepr: null };
  }
}
