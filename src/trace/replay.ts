/**
 * `stateAt(trace, step)`: replay as a fold with checkpoints.
 *
 * A checkpoint (a copy of the working state) is kept every `CHECKPOINT_INTERVAL` events, built
 * lazily by one pass that only goes as far as the furthest step asked for so far. A seek copies
 * the nearest checkpoint at or before the step and applies at most one interval of events.
 * Stepping forwards (play, "next") continues from the previous seek instead, so it costs only
 * the events in between. Everything is cached per trace in a WeakMap: a trace that is dropped
 * takes its index with it.
 *
 * Building every checkpoint of a million-step trace at once takes 20–30 ms (far more on a busy
 * machine), too long for one task on the page. So the work can be spread: `extendReplayIndex`
 * builds the next checkpoints until its caller says stop (the store runs it in idle slices; a
 * streamed run's builder, chunk by chunk as events arrive), and a trace whose events extend
 * another's (the live traces of a run, then its final trace) shares that trace's checkpoints
 * (`shareReplayIndex`) instead of building them again: a checkpoint depends only on the events
 * before it.
 */
import { applyRange } from './apply-event.ts';
import type { Step } from './ids.ts';
import type { LoopState } from './state.ts';
import type { Trace } from './types.ts';
import { cloneWorking, freezeState, initialWorking, type Working } from './working-state.ts';

/**
 * Events between checkpoints. Applying 4096 events (mostly two-field line updates) takes tens
 * of microseconds, so a seek is dominated by copying the state, while a million-step trace
 * keeps only ~250 checkpoints.
 */
export const CHECKPOINT_INTERVAL = 4096;

/**
 * Checkpoints, shared by every trace whose events begin with the same events: each trace only
 * reads checkpoints up to its own last step, and builds further ones from its own events.
 */
interface Checkpoints {
  /** checkpoints[i] is the state after step i·K − 1 (checkpoints[0]: before any event). */
  readonly list: Working[];
  /** Continues the lazy build: the state after the last checkpoint's step. */
  readonly builder: Working;
}

interface ReplayIndex {
  readonly shared: Checkpoints;
  /** The working state of the last seek, reused when the next seek goes forwards. */
  cursor: Working | null;
  last: LoopState | null;
}

const indexes = new WeakMap<Trace, ReplayIndex>();

/**
 * The picture after event `step` (-1: before the first event). Throws a RangeError for a step
 * outside -1…events.length − 1. The returned state is frozen and never changes.
 */
export function stateAt(trace: Trace, step: Step | number): LoopState {
  checkStep(trace, step);
  const index = indexOf(trace);
  if (index.last?.step === step) return index.last;
  const K = CHECKPOINT_INTERVAL;
  const c = Math.floor((step + 1) / K);
  ensureCheckpoints(trace, index, c);
  const cursor = index.cursor;
  let w: Working;
  // The cursor is the better start when it is at or before the step and past the checkpoint.
  if (cursor !== null && cursor.step <= step && cursor.step >= c * K - 1) w = cursor;
  else w = cloneWorking(index.shared.list[c] as Working);
  applyRange(w, trace.events, w.step + 1, step);
  index.cursor = w;
  index.last = freezeState(w, trace.events);
  return index.last;
}

/** Builds every checkpoint now (one pass), e.g. before a benchmark. */
export function buildReplayIndex(trace: Trace): void {
  ensureCheckpoints(trace, indexOf(trace), lastCheckpoint(trace));
}

/**
 * Builds the next checkpoints of `trace`, one at a time (one interval of events, well under a
 * millisecond), until all are built or `more()` returns false; it is asked after each one.
 * Returns true when every checkpoint is built. The caller decides how long a slice may run:
 * src/trace knows no clock or scheduler.
 */
export function extendReplayIndex(trace: Trace, more: () => boolean): boolean {
  const index = indexOf(trace);
  const last = lastCheckpoint(trace);
  const { list } = index.shared;
  while (list.length <= last) {
    ensureCheckpoints(trace, index, list.length);
    if (list.length <= last && !more()) return false;
  }
  return true;
}

/**
 * Lets `trace` use the checkpoints of `from`, whose events are the first events of `trace` (the
 * caller knows: a run's next live trace, or its final one). What either builds later serves the
 * other. Nothing happens if `trace` has checkpoints already or `from` is longer.
 */
export function shareReplayIndex(trace: Trace, from: Trace): void {
  if (indexes.has(trace) || from.events.length > trace.events.length) return;
  indexes.set(trace, { shared: indexOf(from).shared, cursor: null, last: null });
}

/** The same picture by folding from the first event, without checkpoints (tests, debugging). */
export function foldStateAt(trace: Trace, step: Step | number): LoopState {
  checkStep(trace, step);
  const w = initialWorking();
  applyRange(w, trace.events, 0, step);
  return freezeState(w, trace.events);
}

function indexOf(trace: Trace): ReplayIndex {
  let index = indexes.get(trace);
  if (index === undefined) {
    const start = initialWorking();
    const shared = { list: [cloneWorking(start)], builder: start };
    index = { shared, cursor: null, last: null };
    indexes.set(trace, index);
  }
  return index;
}

/** The index of the last checkpoint `trace` has events for. */
function lastCheckpoint(trace: Trace): number {
  return Math.floor(trace.events.length / CHECKPOINT_INTERVAL);
}

function ensureCheckpoints(trace: Trace, index: ReplayIndex, upTo: number): void {
  const K = CHECKPOINT_INTERVAL;
  const { list, builder } = index.shared;
  while (list.length <= upTo) {
    const end = list.length * K - 1;
    applyRange(builder, trace.events, builder.step + 1, end);
    list.push(cloneWorking(builder));
  }
}

function checkStep(trace: Trace, step: number): void {
  if (!Number.isInteger(step) || step < -1 || step >= trace.events.length) {
    throw new RangeError(
      `stateAt: step ${step} is outside the trace (-1…${trace.events.length - 1})`,
    );
  }
}
