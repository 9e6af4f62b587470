/**
 * Binary searches over sorted numbers: step lists (handoffs, outputs), the time per step, and the
 * timeline's spans. One pair of searches for the whole app; each takes a half-open index range, so
 * a caller can search from a cursor.
 */

/** A sorted list of numbers: the typed arrays of the indexes, or a plain array. */
export type Sorted = Int32Array | Float64Array | readonly number[];

/** The first index in [from, to) whose value is ≥ x (`to` if none). */
export function lowerBound(a: Sorted, x: number, from = 0, to = a.length): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((a[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first index in [from, to) whose value is > x (`to` if none). */
export function upperBound(a: Sorted, x: number, from = 0, to = a.length): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((a[mid] as number) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first value in `sorted` that is > `x`, or null. */
export function firstAfter(sorted: Int32Array, x: number): number | null {
  const i = upperBound(sorted, x);
  return i < sorted.length ? (sorted[i] as number) : null;
}

/** The last value in `sorted` that is < `x`, or null. */
export function lastBefore(sorted: Int32Array, x: number): number | null {
  const i = countBelow(sorted, x) - 1;
  return i >= 0 ? (sorted[i] as number) : null;
}

/** How many values in `sorted` are < `x`. */
export function countBelow(sorted: Int32Array, x: number): number {
  return lowerBound(sorted, x);
}
