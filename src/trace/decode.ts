/**
 * Raw → decoded events, one at a time. Decoding is on demand so that a trace never holds a
 * million event objects: the raw array stays as parsed and callers decode the step they show.
 */
import type { Step } from './ids.ts';
import type {
  RawEvent,
  RawObjectEvent,
  RawWait,
  TaskOutcome,
  Trace,
  TraceEvent,
  Wait,
} from './types.ts';

const NO_NAMES: readonly string[] = Object.freeze([]);
/** Decoded times are numbers: the wire's `null` (an infinite delay, which JSON cannot write) is Infinity. */
const NEVER = Number.POSITIVE_INFINITY;

/** The event at `step`, decoded. Throws a RangeError when `step` is not an index of `events`. */
export function eventAt(trace: Trace, step: Step | number): TraceEvent {
  const raw = trace.events[step];
  if (raw === undefined || !Number.isInteger(step)) {
    throw new RangeError(
      `eventAt: step ${step} is outside the trace (0…${trace.events.length - 1})`,
    );
  }
  return decodeEvent(raw);
}

/** Decodes one raw event; the input must have passed `parseTrace`'s validation. */
export function decodeEvent(raw: RawEvent): TraceEvent {
  if (typeof raw === 'number') return { kind: 'line', line: raw };
  return decodeObjectEvent(raw);
}

function decodeObjectEvent(e: RawObjectEvent): TraceEvent {
  switch (e.k) {
    case 'task-created':
      return {
        kind: 'task-created',
        task: e.t,
        name: e.name,
        coro: e.coro,
        user: e.user,
        by: e.by,
      };
    case 'task-name':
      return { kind: 'task-name', task: e.t, name: e.name };
    case 'resume':
      return { kind: 'resume', task: e.t, handle: e.h, cancelling: e.cn ?? 0 };
    case 'suspend':
      return { kind: 'suspend', task: e.t, wait: decodeWait(e.w) };
    case 'task-done':
      return { kind: 'task-done', task: e.t, outcome: decodeOutcome(e), cancelling: e.cn ?? 0 };
    case 'loop':
      return { kind: 'loop', running: e.run };
    case 'ready':
      return { kind: 'ready', handle: e.h, task: e.t ?? null, callback: e.cb ?? null };
    case 'timer':
      return {
        kind: 'timer',
        handle: e.h,
        at: e.at ?? NEVER,
        why: e.why,
        task: e.t ?? null,
        callback: e.cb ?? null,
      };
    case 'due':
      return { kind: 'due', handles: e.h };
    case 'cancel':
      return { kind: 'cancel', handle: e.h };
    case 'callback':
      return { kind: 'callback', handle: e.h };
    case 'clock':
      return { kind: 'clock', at: e.at };
    case 'block':
      return { kind: 'block', task: e.t, at: e.at, by: e.by };
    case 'out':
      return { kind: 'out', text: e.s, stream: e.e === 1 ? 'stderr' : 'stdout' };
    case 'object':
      return { kind: 'object', object: e.o, type: e.type, label: e.label };
    case 'state':
      return { kind: 'state', object: e.o, state: e.s };
    case 'frame':
      return { kind: 'frame', frame: e.f, fn: e.fn, task: e.t };
    case 'in':
      return { kind: 'in', frame: e.f };
    case 'locals':
      return { kind: 'locals', frame: e.f, values: e.v, deleted: e.d ?? NO_NAMES };
    case 'net':
      return { kind: 'net', task: e.t, lib: e.lib, method: e.m, url: e.url, latency: e.lat };
    case 'thread':
      return { kind: 'thread', thread: e.th, name: e.name, by: e.by };
    case 'thread-run':
      return { kind: 'thread-run', thread: e.th, fn: e.fn, from: e.from };
    case 'thread-sleep':
      return { kind: 'thread-sleep', thread: e.th, from: e.from, until: e.until, by: e.by };
    case 'thread-end':
      return { kind: 'thread-end', thread: e.th, until: e.until };
    case 'thread-done':
      return { kind: 'thread-done', thread: e.th, outcome: decodeOutcome(e) };
  }
}

export function decodeOutcome(e: {
  readonly r?: string;
  readonly x?: string;
  readonly c?: 1;
}): TaskOutcome {
  // Validation guarantees one of the three; cancellation wins if a tracer ever wrote several,
  // since a cancelled task has no result to show.
  if (e.c === 1) return { kind: 'cancelled' };
  if (e.x !== undefined) return { kind: 'exception', repr: e.x };
  return { kind: 'result', repr: e.r ?? 'None' };
}

/** Decodes `w`. Frozen: replay snapshots share one decoded wait between steps. */
export function decodeWait(w: RawWait): Wait {
  const via = w.via ?? NO_NAMES;
  let wait: Wait;
  switch (w.on) {
    case 'sleep':
      wait = w.net
        ? { on: w.on, until: w.until ?? NEVER, net: { method: w.net.m, url: w.net.url }, via }
        : { on: w.on, until: w.until ?? NEVER, via };
      break;
    case 'yield':
      wait = { on: w.on, via };
      break;
    case 'task':
    case 'shield':
      wait = { on: w.on, task: w.t, via };
      break;
    case 'gather':
      wait = { on: w.on, of: w.of, count: w.n, via };
      break;
    case 'wait':
      wait = { on: w.on, of: w.of, mode: w.mode, via };
      break;
    case 'as-completed':
      wait = { on: w.on, of: w.of, via };
      break;
    case 'taskgroup':
      wait = { on: w.on, object: w.o, of: w.of, via };
      break;
    case 'stream':
      wait = { on: w.on, op: w.op, peer: w.peer, via };
      if (w.o !== undefined) wait = { ...wait, object: w.o };
      if (w.n !== undefined) wait = { ...wait, count: w.n };
      if (w.sep !== undefined) wait = { ...wait, separator: w.sep };
      break;
    case 'other':
      wait = { on: w.on, what: w.what, via };
      break;
    default:
      wait =
        w.th === undefined
          ? { on: w.on, object: w.o, via }
          : { on: w.on, object: w.o, thread: w.th, via };
  }
  return Object.freeze(wait);
}
