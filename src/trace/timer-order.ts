/**
 * The order the loop fires timers in: by due time to the nanosecond, then by scheduling order
 * (the tracer's TimerHandle.__lt__ does the same). To the nanosecond, because float sums such as
 * ten sleeps of 0.1 s (0.9999999999999999) must tie with one sleep of 1.0 s, as in real time.
 */
import type { HandleId } from './ids.ts';

export function dueKey(at: number | null): number {
  return at === null ? Number.POSITIVE_INFINITY : Math.round(at * 1e9);
}

export function firesBefore(
  a: { readonly at: number | null; readonly handle: HandleId },
  b: { readonly at: number | null; readonly handle: HandleId },
): boolean {
  const ka = dueKey(a.at);
  const kb = dueKey(b.at);
  return ka < kb || (ka === kb && a.handle < b.handle);
}
