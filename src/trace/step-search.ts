/** Binary searches over sorted step lists (the handoff and output indexes). */

/** The first value in `sorted` that is > `x`, or null. */
export function firstAfter(sorted: Int32Array, x: number): number | null {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length ? (sorted[lo] as number) : null;
}

/** The last value in `sorted` that is < `x`, or null. */
export function lastBefore(sorted: Int32Array, x: number): number | null {
  const i = countBelow(sorted, x) - 1;
  return i >= 0 ? (sorted[i] as number) : null;
}

/** How many values in `sorted` are < `x`. */
export function countBelow(sorted: Int32Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
