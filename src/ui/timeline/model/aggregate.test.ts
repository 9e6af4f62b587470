import { describe, expect, it } from 'vitest';
import { syntheticTrace } from '../../../trace/synthetic.ts';
import { aggregateSpans, firstSpanIn, runsOf } from './aggregate.ts';
import { buildTimeline } from './build-timeline.ts';
import type { Axis } from './scale.ts';
import { makeSpans, type Spans } from './spans.ts';

/** Spans from [start, end, t0, t1] rows. */
const S = (rows: number[][]): Spans =>
  makeSpans(
    rows.map((r) => r[0] as number),
    rows.map((r) => r[1] as number),
    rows.map((r) => r[2] ?? 0),
    rows.map((r) => r[3] ?? 0),
  );
const agg = (spans: Spans, axis: Axis, d0: number, d1: number, cols: number) =>
  Array.from(aggregateSpans(spans, { axis, d0, d1 }, cols)).map((v) => Math.round(v * 1000) / 1000);

/** Same presence everywhere, coverage within rounding (the output is Float32). */
function expectSameCover(got: number[], want: number[]) {
  expect(got.length).toBe(want.length);
  got.forEach((v, c) => {
    if (want[c] === -1 || v === -1) expect(v, `column ${c}`).toBe(want[c]);
    else expect(Math.abs(v - (want[c] as number)), `column ${c}`).toBeLessThan(0.002);
  });
}

/** The obvious O(cols × spans) version, to check the fast one against. */
function naive(spans: Spans, axis: Axis, d0: number, d1: number, cols: number): number[] {
  const k = (d1 - d0) / cols;
  const out: number[] = [];
  for (let c = 0; c < cols; c++) {
    const a = d0 + c * k;
    const b = a + k;
    let present = false;
    let covered = 0;
    for (let i = 0; i < spans.count; i++) {
      const s = axis === 'steps' ? (spans.start[i] as number) : (spans.t0[i] as number);
      const e = axis === 'steps' ? (spans.end[i] as number) : (spans.t1[i] as number);
      const meets = e > s ? s < b && e > a : s >= a && s < b;
      if (!meets) continue;
      present = true;
      covered += Math.max(0, Math.min(b, e) - Math.max(a, s));
    }
    out.push(present ? Math.round(Math.min(1, covered / k) * 1000) / 1000 : -1);
  }
  return out;
}

describe('aggregateSpans: steps axis', () => {
  const spans = S([
    [2, 5],
    [7, 8],
  ]);

  it('gives one column per step when the window fits', () => {
    expect(agg(spans, 'steps', 0, 10, 10)).toEqual([-1, -1, 1, 1, 1, -1, -1, 1, -1, -1]);
  });

  it('gives the covered fraction when several steps share a column', () => {
    expect(agg(spans, 'steps', 0, 10, 5)).toEqual([-1, 1, 0.5, 0.5, -1]);
    expect(agg(spans, 'steps', 0, 10, 1)).toEqual([0.4]);
  });

  it('spreads a step over several columns when zoomed in', () => {
    expect(agg(spans, 'steps', 4, 6, 4)).toEqual([1, 1, -1, -1]);
    expect(agg(spans, 'steps', 7.5, 8.5, 2)).toEqual([1, -1]);
  });

  it('matches the naive aggregation on random spans and windows', () => {
    let seed = 7;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let round = 0; round < 50; round++) {
      const rows: number[][] = [];
      let at = 0;
      for (let i = 0; i < 40; i++) {
        at += Math.floor(rnd() * 20);
        const len = 1 + Math.floor(rnd() * 15);
        rows.push([at, at + len]);
        at += len + 1;
      }
      const spans = S(rows);
      const d0 = Math.floor(rnd() * 200);
      const d1 = d0 + 1 + Math.floor(rnd() * 600);
      const cols = 1 + Math.floor(rnd() * 300);
      expectSameCover(agg(spans, 'steps', d0, d1, cols), naive(spans, 'steps', d0, d1, cols));
    }
  });
});

describe('aggregateSpans: time axis', () => {
  // An instant at 1 s, a blocking turn from 1 to 3 s, an instant at 5 s.
  const spans = S([
    [0, 2, 1, 1],
    [3, 6, 1, 3],
    [8, 9, 5, 5],
  ]);

  it('shows instants as present with no width (drawn at the minimum width)', () => {
    expect(agg(spans, 'time', 0, 10, 10)).toEqual([-1, 1, 1, -1, -1, 0, -1, -1, -1, -1]);
  });

  it('does not leak a span into the column after it ends', () => {
    expect(agg(S([[0, 1, 0, 2]]), 'time', 0, 4, 4)).toEqual([1, 1, -1, -1]);
  });

  it('matches the naive aggregation on random spans with instants', () => {
    let seed = 3;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let round = 0; round < 50; round++) {
      const rows: number[][] = [];
      let step = 0;
      let t = 0;
      for (let i = 0; i < 40; i++) {
        t += rnd() < 0.5 ? 0 : Math.round(rnd() * 40) / 4;
        const len = rnd() < 0.7 ? 0 : Math.round(rnd() * 12) / 4;
        rows.push([step, step + 3, t, t + len]);
        step += 5;
        t += len;
      }
      const spans = S(rows);
      const d0 = Math.round(rnd() * 40) / 4;
      const d1 = d0 + 0.25 + Math.round(rnd() * 400) / 4;
      const cols = 1 + Math.floor(rnd() * 300);
      expectSameCover(agg(spans, 'time', d0, d1, cols), naive(spans, 'time', d0, d1, cols));
    }
  });
});

describe('firstSpanIn', () => {
  const spans = S([
    [2, 5, 0, 0],
    [7, 8, 1, 3],
  ]);
  it('finds the first span drawn in a range', () => {
    expect(firstSpanIn(spans, 'steps', 0, 2)).toBe(-1);
    expect(firstSpanIn(spans, 'steps', 0, 3)).toBe(0);
    expect(firstSpanIn(spans, 'steps', 5, 7)).toBe(-1);
    expect(firstSpanIn(spans, 'steps', 5, 7.5)).toBe(1);
    expect(firstSpanIn(spans, 'time', 0.5, 0.9)).toBe(-1);
    // An instant is drawn `instant` wide.
    expect(firstSpanIn(spans, 'time', 0.01, 0.5, 0.02)).toBe(0);
    expect(firstSpanIn(spans, 'time', 2, 2.5)).toBe(1);
  });
});

describe('runsOf', () => {
  it('groups adjacent columns of one shade', () => {
    const cover = Float32Array.from([-1, 1, 1, 0.3, 0, -1, 1]);
    expect(runsOf(cover, 7, 4)).toEqual([
      { from: 1, to: 3, level: 4 },
      { from: 3, to: 4, level: 2 },
      { from: 4, to: 5, level: 1 },
      { from: 6, to: 7, level: 4 },
    ]);
    expect(runsOf(cover, 7, 1)).toEqual([
      { from: 1, to: 5, level: 1 },
      { from: 6, to: 7, level: 1 },
    ]);
  });
});

describe('aggregation of a million steps', () => {
  it('costs O(width), whatever the zoom', () => {
    const model = buildTimeline(syntheticTrace(1_000_000));
    const lanes = [model.loop.held, ...model.tasks.map((t) => t.held)];
    const cols = 3000;
    const time = (axis: Axis, d0: number, d1: number) => {
      const out = new Float32Array(cols);
      const t0 = performance.now();
      for (const spans of lanes) aggregateSpans(spans, { axis, d0, d1 }, cols, out);
      return performance.now() - t0;
    };
    time('steps', 0, 1_000_000); // warm up
    const whole = time('steps', 0, 1_000_000);
    const zoomed = time('steps', 400_000, 401_000);
    const wholeTime = time('time', 0, model.endTime);
    console.log(
      `aggregate ${lanes.length} lanes × ${cols} columns: whole ${whole.toFixed(1)} ms, ` +
        `zoomed ${zoomed.toFixed(1)} ms, time axis ${wholeTime.toFixed(1)} ms`,
    );
    expect(whole).toBeLessThan(500);
  });
});
