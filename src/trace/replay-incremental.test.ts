/**
 * Checkpoints built piece by piece (`extendReplayIndex` in slices, seeks that build only as far
 * as they go) or shared from an earlier live trace of the same run (`shareReplayIndex`, through
 * `PartialTraceBuilder`) give the same pictures as one full build.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chunkSizes, livePairs } from '../../tests/fixtures/live.ts';
import { TRACE_FIXTURES } from '../../tests/fixtures/traces.ts';
import { parseTrace } from './parse.ts';
import { buildReplayIndex, CHECKPOINT_INTERVAL, extendReplayIndex, stateAt } from './replay.ts';
import { syntheticTrace } from './synthetic.ts';
import type { Trace } from './types.ts';

/** Steps across the trace: every checkpoint boundary and its neighbours, and a few between. */
function sampleSteps(length: number): number[] {
  const K = CHECKPOINT_INTERVAL;
  const steps = new Set<number>([-1, 0, length - 1, Math.floor(length / 2)]);
  for (let b = K - 1; b < length + K; b += K) {
    for (const s of [b - 1, b, b + 1, b + 17]) if (s >= -1 && s < length) steps.add(s);
  }
  for (let s = 7; s < length; s += 997) steps.add(s);
  return [...steps];
}

/** The pictures at `steps` of a copy of `trace` (no shared caches) whose checkpoints were built at once. */
function fullBuild(trace: Trace, steps: readonly number[]) {
  const copy: Trace = { ...trace };
  buildReplayIndex(copy);
  return steps.map((s) => stateAt(copy, s));
}

const fixtures = readdirSync(TRACE_FIXTURES)
  .filter((f) => f.endsWith('.trace.json'))
  .map((f) => parseTrace(readFileSync(new URL(f, TRACE_FIXTURES), 'utf8')));
const big = syntheticTrace(CHECKPOINT_INTERVAL * 6 + 123, { seed: 3 });

describe('incremental checkpoints', () => {
  it('covers fixtures that span several checkpoints', () => {
    expect(fixtures.some((t) => t.events.length > 2 * CHECKPOINT_INTERVAL)).toBe(true);
  });

  it.each([...fixtures, big].map((t, i) => [i, t] as const))(
    'idle slices of one checkpoint, then seeks, agree with one full build (trace %i)',
    (_, trace) => {
      const steps = sampleSteps(trace.events.length);
      const expected = fullBuild(trace, steps);
      const sliced: Trace = { ...trace };
      // One checkpoint per slice, with a seek between slices (backwards and forwards).
      let slices = 1;
      while (!extendReplayIndex(sliced, () => false)) {
        const step = steps[(slices * 7) % steps.length] as number;
        expect(stateAt(sliced, step)).toEqual(expected[steps.indexOf(step)]);
        slices++;
      }
      expect(steps.map((s) => stateAt(sliced, s))).toEqual(expected);
    },
  );

  it('seeks that build only as far as they go agree with one full build, far seek first', () => {
    const steps = sampleSteps(big.events.length);
    const expected = fullBuild(big, steps);
    const lazy: Trace = { ...big };
    const order = [...steps.keys()].sort((a, b) => ((a * 31) % 17) - ((b * 31) % 17));
    for (const i of order) expect(stateAt(lazy, steps[i] as number)).toEqual(expected[i]);
  });
});

describe('live traces share checkpoints', () => {
  it.each([
    ['a fixture', fixtures.reduce((a, b) => (b.events.length > a.events.length ? b : a))],
    ['a synthetic run', big],
  ] as const)('each live trace of %s replays like one full build', (_, trace) => {
    const pairs = livePairs(trace, chunkSizes(trace.events.length, 5, [1, 2500, 5000]));
    pairs.forEach(({ live, steps }, i) => {
      const sample = sampleSteps(steps).filter((_, j) => (j + i) % 3 === 0);
      // Seek the live trace as the page would: its end, and a few steps before.
      const got = [steps - 1, ...sample].map((s) => stateAt(live, s));
      expect(got).toEqual(fullBuild(live, [steps - 1, ...sample]));
    });
    // An earlier live trace still replays its own events after later ones built further.
    const first = pairs[Math.floor(pairs.length / 3)] as (typeof pairs)[number];
    const steps = sampleSteps(first.steps);
    expect(steps.map((s) => stateAt(first.live, s))).toEqual(fullBuild(first.live, steps));
    expect(() => stateAt(first.live, first.steps)).toThrow(RangeError);
  });

  it('builds nothing again for an earlier live trace of the run', () => {
    const pairs = livePairs(big, chunkSizes(big.events.length, 5, [1, 2500, 5000]));
    const last = pairs.at(-1) as (typeof pairs)[number];
    const middle = pairs[Math.floor(pairs.length / 2)] as (typeof pairs)[number];
    expect(middle.steps).toBeGreaterThan(2 * CHECKPOINT_INTERVAL);
    buildReplayIndex(last.live);
    // Every checkpoint of the middle one is built (asking to build none), but not of a copy.
    expect(extendReplayIndex(middle.live, () => false)).toBe(true);
    expect(extendReplayIndex(middle.fresh, () => false)).toBe(false);
  });
});
