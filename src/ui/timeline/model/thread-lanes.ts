/**
 * Thread lanes: one per simulated thread (a pool worker, a `threading.Thread`), beside the task
 * lanes, so that the picture shows the loop staying free while a thread blocks. A thread runs each
 * function ahead of the loop's clock (eventlooplab/threads.py), so its spans come from the times
 * its events carry (`thread-run` from, `thread-sleep` from → until, `thread-end` until), placed on
 * the steps axis at the first step the loop's clock reaches them.
 */
import { eventAt, type ThreadId, type Trace, type TraceIndex } from '../../../trace/index.ts';
import { lowerBound } from './search.ts';
import { SpanBuilder, type Spans } from './spans.ts';

/** One function a thread ran, on the thread's own clock (virtual seconds). */
export interface ThreadLaneJob {
  readonly fn: string;
  readonly from: number;
  /** When it returned; null if it had not when the trace ends. */
  readonly until: number | null;
}

export interface ThreadLane {
  readonly kind: 'thread';
  readonly thread: ThreadId;
  readonly name: string;
  /**
   * False for asyncio's own thread: `asyncio.run` shuts the default executor down on a thread of
   * its own (`Thread-1 (_do_shutdown)`); hidden with the internal tasks.
   */
  readonly user: boolean;
  /** The step of its `thread` event. */
  readonly createdAt: number;
  readonly jobs: readonly ThreadLaneJob[];
  /** While it runs a function (one span per job). */
  readonly busy: Spans;
  /** While it sleeps or blocks inside one (time.sleep, a blocking call). */
  readonly sleeps: Spans;
}

/** The loop's clock, to place a thread's times on the steps axis. */
export interface ClockSteps {
  readonly steps: number;
  /** timeSteps[j]: the step where the time becomes times[j] (as in TimelineModel). */
  readonly timeSteps: Int32Array;
  readonly times: Float64Array;
}

/** The first step at or after `after` whose time is ≥ t (`steps` if there is none). */
function stepOfTime(clock: ClockSteps, t: number, after: number): number {
  const j = lowerBound(clock.times, t);
  const at = t <= 0 ? 0 : j < clock.times.length ? (clock.timeSteps[j] as number) : clock.steps;
  return Math.min(clock.steps, Math.max(after, at));
}

/** The name threading gives the thread running asyncio's `_do_shutdown` (its target). */
const INTERNAL_THREAD = /\(_do_shutdown\)$/;

interface Building {
  thread: ThreadId;
  name: string;
  createdAt: number;
  jobs: { fn: string; from: number; until: number | null; step: number }[];
  sleeps: { from: number; until: number; step: number }[];
}

/** A lane per thread, in creation order, from the index's thread events. */
export function threadLanes(trace: Trace, index: TraceIndex, clock: ClockSteps): ThreadLane[] {
  const kinds = ['thread', 'thread-run', 'thread-sleep', 'thread-end'] as const;
  const steps = kinds.flatMap((k) => Array.from(index.kindSteps.get(k) ?? []));
  steps.sort((a, b) => a - b);
  const byId = new Map<number, Building>();
  for (const s of steps) {
    const ev = eventAt(trace, s);
    if (ev.kind === 'thread') {
      byId.set(ev.thread, { thread: ev.thread, name: ev.name, createdAt: s, jobs: [], sleeps: [] });
      continue;
    }
    if (ev.kind !== 'thread-run' && ev.kind !== 'thread-sleep' && ev.kind !== 'thread-end') {
      continue;
    }
    const b = byId.get(ev.thread);
    if (b === undefined) continue;
    if (ev.kind === 'thread-run') b.jobs.push({ fn: ev.fn, from: ev.from, until: null, step: s });
    else if (ev.kind === 'thread-sleep') b.sleeps.push({ from: ev.from, until: ev.until, step: s });
    else {
      const job = b.jobs[b.jobs.length - 1];
      if (job !== undefined) job.until = ev.until;
    }
  }
  return [...byId.values()].map((b) => finish(b, clock, index.endTime));
}

function finish(b: Building, clock: ClockSteps, endTime: number): ThreadLane {
  const busy = new SpanBuilder();
  let prevEnd = 0;
  for (const job of b.jobs) {
    const until = job.until ?? Math.max(endTime, job.from);
    const start = stepOfTime(clock, job.from, Math.max(job.step, prevEnd));
    const end = Math.max(start + 1, stepOfTime(clock, until, start));
    // Jobs never merge: each is one function, drawn as its own bar.
    busy.addApart(start, end, job.from, until);
    prevEnd = end;
  }
  const sleeps = new SpanBuilder();
  prevEnd = 0;
  for (const sl of b.sleeps) {
    const start = stepOfTime(clock, sl.from, Math.max(sl.step, prevEnd));
    const end = Math.max(start + 1, stepOfTime(clock, sl.until, start));
    sleeps.addApart(start, end, sl.from, sl.until);
    prevEnd = end;
  }
  return {
    kind: 'thread',
    thread: b.thread,
    name: b.name,
    user: !INTERNAL_THREAD.test(b.name),
    createdAt: b.createdAt,
    jobs: b.jobs.map(({ fn, from, until }) => ({ fn, from, until })),
    busy: busy.build(),
    sleeps: sleeps.build(),
  };
}
