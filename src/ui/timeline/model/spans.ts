/**
 * Spans: the steps a party held control, as typed arrays with prefix sums, grown by a builder
 * during the one pass over the trace (build-timeline.ts).
 */
import { upperBound } from './search.ts';

/**
 * Disjoint spans of steps, ascending, each with the virtual time it covers. Prefix sums make the
 * held amount over any range two binary searches (see aggregate.ts).
 */
export interface Spans {
  readonly count: number;
  /** First step of each span. */
  readonly start: Int32Array;
  /** One past the last step of each span. */
  readonly end: Int32Array;
  /** Virtual time when the span starts (after its first step's event). */
  readonly t0: Float64Array;
  /** Virtual time when it ends (after its last step's event): > t0 only across a block or jump. */
  readonly t1: Float64Array;
  /** stepSum[i]: steps covered by spans 0…i-1 (length count + 1). */
  readonly stepSum: Float64Array;
  /** timeSum[i]: virtual seconds covered by spans 0…i-1 (length count + 1). */
  readonly timeSum: Float64Array;
}

/** Grows plain arrays, then freezes them into `Spans`. */
export class SpanBuilder {
  private readonly s: number[] = [];
  private readonly e: number[] = [];
  private readonly a: number[] = [];
  private readonly b: number[] = [];

  add(start: number, end: number, t0: number, t1: number): void {
    if (end <= start) return;
    const n = this.s.length;
    // A span that starts where the previous one ended at the same instant continues it.
    if (n > 0 && this.e[n - 1] === start && this.b[n - 1] === t0) {
      this.e[n - 1] = end;
      this.b[n - 1] = t1;
      return;
    }
    this.s.push(start);
    this.e.push(end);
    this.a.push(t0);
    this.b.push(t1);
  }

  /** Adds a span that never continues the previous one (each is its own thing, with its own words). */
  addApart(start: number, end: number, t0: number, t1: number): void {
    if (end <= start) return;
    this.s.push(start);
    this.e.push(end);
    this.a.push(t0);
    this.b.push(t1);
  }

  build(): Spans {
    return makeSpans(this.s, this.e, this.a, this.b);
  }
}

/** Spans from parallel arrays (ascending, disjoint). Exported for tests. */
export function makeSpans(
  start: readonly number[],
  end: readonly number[],
  t0: readonly number[],
  t1: readonly number[],
): Spans {
  const count = start.length;
  const stepSum = new Float64Array(count + 1);
  const timeSum = new Float64Array(count + 1);
  for (let i = 0; i < count; i++) {
    stepSum[i + 1] = (stepSum[i] as number) + ((end[i] as number) - (start[i] as number));
    timeSum[i + 1] = (timeSum[i] as number) + ((t1[i] as number) - (t0[i] as number));
  }
  return {
    count,
    start: Int32Array.from(start),
    end: Int32Array.from(end),
    t0: Float64Array.from(t0),
    t1: Float64Array.from(t1),
    stepSum,
    timeSum,
  };
}

/** Index of the span containing `step`, or -1. */
export function spanAt(spans: Spans, step: number): number {
  const i = upperBound(spans.start, step) - 1;
  return i >= 0 && step < (spans.end[i] as number) ? i : -1;
}
