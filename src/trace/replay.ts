/**
 * `stateAt(trace, step)`: replay as a fold with checkpoints.
 *
 * A checkpoint (a copy of the working state) is kept every `CHECKPOINT_INTERVAL` events, built
 * lazily by one pass that only goes as far as the furthest step asked for so far. A seek copies
 * the nearest checkpoint at or before the step and applies at most one interval of events.
 * Stepping forwards (play, "next") continues from the previous seek instead, so it costs only
 * the events in between. Everything is cached per trace in a WeakMap: a trace that is dropped
 * takes its index with it.
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

interface ReplayIndex {
  /** checkpoints[i] is the state after step i·K − 1 (checkpoints[0]: before any event). */
  readonly checkpoints: Working[];
  /** Continues the lazy build: the state after the last checkpoint's step. */
  readonly builder: Working;
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
  else w = cloneWorking(index.checkpoints[c] as Working);
  applyRange(w, trace.events, w.step + 1, step);
  index.cursor = w;
  index.last = freezeState(w, trace.events);
  return index.last;
}

/** Builds every checkpoint now (one pass), e.g. while the UI is idle or before a benchmark. */
export function buildReplayIndex(trace: Trace): void {
  ensureCheckpoints(trace, indexOf(trace), Math.floor(trace.events.length / CHECKPOINT_INTERVAL));
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
    index = { checkpoints: [cloneWorking(start)], builder: start, cursor: null, last: null };
    indexes.set(trace, index);
  }
  return index;
}

function ensureCheckpoints(trace: Trace, index: ReplayIndex, upTo: number): void {
  const K = CHECKPOINT_INTERVAL;
  const { checkpoints, builder } = index;
  while (checkpoints.length <= upTo) {
    const end = checkpoints.length * K - 1;
    applyRange(builder, trace.events, builder.step + 1, end);
    checkpoints.push(cloneWorking(builder));
  }
}

function checkStep(trace: Trace, step: number): void {
  if (!Number.isInteger(step) || step < -1 || step >= trace.events.length) {
    throw new RangeError(
      `stateAt: step ${step} is outside the trace (-1…${trace.events.length - 1})`,
    );
  }
}
