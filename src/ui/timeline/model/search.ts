/**
 * Binary searches over sorted typed arrays, shared by the lane model, the axis mappings and the
 * per-column aggregation. All take a half-open index range so callers can search from a cursor.
 */

type Sorted = Int32Array | Float64Array;

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
