/**
 * Binary searches for the lane model, the axis mappings and the per-column aggregation: the
 * plain ones are src/trace's (step-search.ts); the galloping ones, for walking pixel columns
 * left to right, are the timeline's own.
 */
import { lowerBound, type Sorted, upperBound } from '../../../trace/index.ts';

export { lowerBound, upperBound };

/**
 * `upperBound`, but galloping from `from`: cheap when the answer is near `from`, which is the
 * case when a caller walks pixel columns left to right (O(log distance) instead of O(log n)).
 */
export function upperBoundFrom(a: Sorted, x: number, from: number): number {
  const n = a.length;
  if (from >= n || (a[from] as number) > x) return from;
  let step = 1;
  let lo = from;
  let hi = from + 1;
  while (hi < n && (a[hi] as number) <= x) {
    lo = hi;
    step *= 2;
    hi = Math.min(n, lo + step);
  }
  return upperBound(a, x, lo + 1, hi);
}

/** Same as `upperBoundFrom` with ≥ (the first index ≥ x at or after `from`). */
export function lowerBoundFrom(a: Sorted, x: number, from: number): number {
  const n = a.length;
  if (from >= n || (a[from] as number) >= x) return from;
  let step = 1;
  let lo = from;
  let hi = from + 1;
  while (hi < n && (a[hi] as number) < x) {
    lo = hi;
    step *= 2;
    hi = Math.min(n, lo + step);
  }
  return lowerBound(a, x, lo + 1, hi);
}
