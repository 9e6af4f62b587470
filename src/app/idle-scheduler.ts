/**
 * The browser's idle time for the store's background work (src/store/replay-warmup.ts):
 * `requestIdleCallback` where there is one (Safari has none: a zero timeout there).
 */
import type { IdleScheduler } from '../store/replay-warmup.ts';

/** Idle slices still run within this long on a page that is never idle (a playing trace). */
const IDLE_TIMEOUT_MS = 500;
const BUSY_SLICE_MS = 4;

export function browserIdleScheduler(): IdleScheduler {
  return {
    now: () => performance.now(),
    later(slice) {
      if (typeof window.requestIdleCallback === 'function') {
        // After the timeout the page was busy all along: a short slice still, not none.
        const id = window.requestIdleCallback(
          (deadline) => slice(deadline.didTimeout ? BUSY_SLICE_MS : deadline.timeRemaining()),
          { timeout: IDLE_TIMEOUT_MS },
        );
        return () => window.cancelIdleCallback(id);
      }
      const id = window.setTimeout(() => slice(Number.POSITIVE_INFINITY), 0);
      return () => window.clearTimeout(id);
    },
  };
}
