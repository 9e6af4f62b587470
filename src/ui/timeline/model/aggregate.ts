/**
 * Per-pixel-column aggregation: what a lane's spans look like across `cols` columns of the
 * current window. Each column gets -1 (no span meets it) or the fraction of it that the spans
 * cover (0 for an instant on the time axis, which is still drawn, `minWidth` wide).
 *
 * Work is O(cols · log spans) whatever the zoom: a column costs a galloping search from the
 * previous one and two prefix-sum lookups, and empty stretches are skipped in one jump. So a
 * million-step trace draws as fast as a hundred-step one.
 */
import type { Spans } from './lanes.ts';
import type { Axis, Scale } from './scale.ts';
import { lowerBound, lowerBoundFrom, upperBoundFrom } from './search.ts';

/** Column coverage of `spans` over the scale's window; `out` is reused when big enough. */
export function aggregateSpans(
  spans: Spans,
  scale: Pick<Scale, 'axis' | 'd0' | 'd1'>,
  cols: number,
  out?: Float32Array,
): Float32Array {
  const result = out && out.length >= cols ? out : new Float32Array(cols);
  result.fill(-1, 0, cols);
  if (spans.count === 0 || cols <= 0) return result;
  if (scale.axis === 'steps') {
    fill(result, cols, scale.d0, scale.d1, spans.start, spans.end, spans.stepSum, false);
  } else {
    fill(result, cols, scale.d0, scale.d1, spans.t0, spans.t1, spans.timeSum, true);
  }
  return result;
}

function fill(
  out: Float32Array,
  cols: number,
  d0: number,
  d1: number,
  starts: Int32Array | Float64Array,
  ends: Int32Array | Float64Array,
  sums: Float64Array,
  instants: boolean,
): void {
  const n = starts.length;
  const k = (d1 - d0) / cols;
  let i = 0;
  for (let c = 0; c < cols; c++) {
    const a = d0 + c * k;
    const b = a + k;
    // First span that reaches past a (on the time axis, an instant at a also counts).
    if (instants) {
      i = lowerBoundFrom(ends, a, i);
      if (i < n && ends[i] === a && (starts[i] as number) < a) i++;
    } else {
      i = upperBoundFrom(ends, a, i);
    }
    if (i >= n) return;
    const s = starts[i] as number;
    if (s >= b) {
      // Nothing until the column holding s: jump there.
      const next = Math.floor((s - d0) / k);
      if (next > c + 1) c = Math.min(cols, next) - 1;
      continue;
    }
    // Covered amount over [a, b): spans before i end by a; span i may start before a.
    const before = (sums[i] as number) + Math.max(0, a - s);
    const j = lowerBoundFrom(starts, b, i) - 1; // last span starting before b
    const upTo =
      (sums[j] as number) +
      Math.min((ends[j] as number) - (starts[j] as number), b - (starts[j] as number));
    const f = (upTo - before) / k;
    out[c] = Math.min(1, Math.max(0, f));
  }
}

/** Index range [lo, hi) of the sorted `values` inside [v0, v1). */
export function rangeIn(
  values: Int32Array | Float64Array,
  v0: number,
  v1: number,
): [number, number] {
  return [lowerBound(values, v0), lowerBound(values, v1)];
}

/**
 * The index of the first span drawn within [v0, v1) of the axis, or -1. On the time axis an
 * instant at t is drawn from t to t + `instant` (the min width in domain units).
 */
export function firstSpanIn(spans: Spans, axis: Axis, v0: number, v1: number, instant = 0): number {
  if (spans.count === 0) return -1;
  if (axis === 'steps') {
    const i = upperBoundFrom(spans.end, v0, 0);
    return i < spans.count && (spans.start[i] as number) < v1 ? i : -1;
  }
  const i = lowerBound(spans.t1, v0 - instant);
  for (let j = i; j < spans.count; j++) {
    const t0 = spans.t0[j] as number;
    const t1 = spans.t1[j] as number;
    if (t0 >= v1) return -1;
    if (Math.max(t1, t0 + instant) > v0) return j;
  }
  return -1;
}

/** A run of adjacent columns with one shade, for drawing: [from, to) and the level. */
export interface Run {
  readonly from: number;
  readonly to: number;
  readonly level: number;
}

/**
 * Adjacent present columns grouped into runs, their coverage quantised into `levels` shades
 * (level 1…levels; a present column is never below 1). Runs are what gets drawn: a solid bar is
 * one rectangle however many columns it spans.
 */
export function runsOf(cover: Float32Array, cols: number, levels: number): Run[] {
  const runs: Run[] = [];
  let from = -1;
  let level = 0;
  for (let c = 0; c <= cols; c++) {
    const v = c < cols ? (cover[c] as number) : -1;
    const l = v < 0 ? 0 : Math.max(1, Math.ceil(v * levels));
    if (l !== level) {
      if (level > 0) runs.push({ from, to: c, level });
      from = c;
      level = l;
    }
  }
  return runs;
}
