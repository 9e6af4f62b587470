/**
 * Builds the shown trace's replay checkpoints in idle slices, so that the first far seek in a
 * big trace finds them built instead of building them all in one task (20–30 ms at a million
 * steps on a quiet machine, far more on a busy one). A side effect at the store's edge, like
 * presenter-sync.ts: the scheduler (idle callbacks in the browser) is injected, so neither the
 * store nor src/trace knows the DOM. A run's traces (live and final) come with every checkpoint
 * built as their events streamed (partial-trace.ts), so warming them finds nothing to do: this
 * is for traces that arrive whole (a lesson's, a loaded one).
 */
import type { Trace } from '../runtime/run-trace.ts';
import { CHECKPOINT_INTERVAL, extendReplayIndex } from '../trace/index.ts';
import type { LabStore } from './create-lab-store.ts';

export interface IdleScheduler {
  /**
   * Runs `slice` later, when the page is idle, with the milliseconds it may take; returns a
   * function that cancels it.
   */
  later(slice: (budgetMs: number) => void): () => void;
  /** A clock in milliseconds. */
  now(): number;
}

/** The longest slice: well under a frame, so that a slice never delays input noticeably. */
export const WARMUP_SLICE_MS = 8;

/** Starts warming whatever trace the store shows; returns a function that stops it. */
export function warmReplayIndexes(store: LabStore, scheduler: IdleScheduler): () => void {
  let warming: Trace | null = null;
  let cancel: (() => void) | null = null;
  const follow = (trace: Trace | null) => {
    if (trace === warming) return;
    cancel?.();
    cancel = null;
    warming = trace;
    // A trace of one interval or less has only the checkpoint before its first event.
    if (trace === null || trace.events.length < CHECKPOINT_INTERVAL) return;
    const slice = (budgetMs: number) => {
      cancel = null;
      const end = scheduler.now() + Math.min(budgetMs, WARMUP_SLICE_MS);
      // At least one checkpoint per slice (one interval of events: well under a millisecond).
      if (!extendReplayIndex(trace, () => scheduler.now() < end)) cancel = scheduler.later(slice);
    };
    cancel = scheduler.later(slice);
  };
  follow(store.getState().trace);
  const unsubscribe = store.subscribe((s) => follow(s.trace));
  return () => {
    unsubscribe();
    cancel?.();
    cancel = null;
  };
}
