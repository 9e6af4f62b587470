import { describe, expect, it } from 'vitest';
import { fixture } from '../../../../tests/fixtures/traces.ts';
import { syntheticTrace } from '../../../trace/synthetic.ts';
import { buildTimeline } from './build-timeline.ts';
import { type TimelineModel, timeOfStep } from './lanes.ts';
import {
  fullDomain,
  MIN_INSTANT_PX,
  minSpan,
  panScale,
  type Scale,
  stepAtX,
  stepsInX,
  valueOfX,
  xOfStep,
  xOfValue,
  zoomScale,
} from './scale.ts';

const scaleOf = (model: TimelineModel, axis: 'steps' | 'time', width = 1000): Scale => {
  const [d0, d1] = fullDomain(model, axis);
  return { axis, d0, d1, width, minWidth: MIN_INSTANT_PX };
};

describe('steps axis', () => {
  const model = buildTimeline(fixture('two'));

  it('puts step n at the centre of cell [n, n + 1)', () => {
    const s = { ...scaleOf(model, 'steps'), d0: 0, d1: 100 };
    // 14 px of room on the left and 20 on the right: 1,000 px for 85 steps.
    const [a, b] = fullDomain(model, 'steps', 1034);
    expect(a).toBeCloseTo(-14 * 0.085);
    expect(b).toBeCloseTo(85 + 20 * 0.085);
    expect(xOfStep(model, s, 0)).toBe(5);
    expect(xOfStep(model, s, 10)).toBe(105);
  });

  it('inverts: stepAtX(xOfStep(n)) = n, at any zoom', () => {
    for (const [d0, d1, width] of [
      [0, model.steps, 1000],
      [0, model.steps, 37],
      [20.5, 31, 800],
    ] as const) {
      const s: Scale = { axis: 'steps', d0, d1, width, minWidth: 2 };
      for (let n = 0; n < model.steps; n++) {
        const x = xOfStep(model, s, n);
        if (x < 0 || x > width) continue;
        const back = stepAtX(model, s, x);
        // On a narrow canvas several steps share a pixel: the inverse lands within that pixel.
        expect(Math.abs(xOfStep(model, s, back) - x)).toBeLessThanOrEqual((d1 - d0) / width);
        if (width / (d1 - d0) >= 1) expect(back).toBe(n);
      }
    }
  });

  it('clamps outside the trace', () => {
    const s = scaleOf(model, 'steps');
    expect(stepAtX(model, s, -50)).toBe(0);
    expect(stepAtX(model, s, 5000)).toBe(model.steps - 1);
  });

  it('lists the steps under a pixel range', () => {
    const s = { ...scaleOf(model, 'steps'), d0: 0, d1: 100, width: 100 };
    expect(stepsInX(model, s, 10, 11)).toEqual([10, 10]);
    expect(stepsInX(model, s, 10.5, 13)).toEqual([10, 12]);
    expect(stepsInX(model, { ...s, width: 10 }, 1, 2)).toEqual([10, 19]);
  });
});

describe('time axis', () => {
  const model = buildTimeline(fixture('two'));
  const s = scaleOf(model, 'time');

  it('puts every step of an instant at that instant', () => {
    for (let n = 0; n < model.steps; n++) {
      expect(xOfStep(model, s, n)).toBeCloseTo(
        xOfValue(s, timeOfStep(model, n)) + MIN_INSTANT_PX / 2,
      );
    }
  });

  it('seeks within an instant across its drawn width, monotonically', () => {
    const x0 = xOfValue(s, 0);
    expect(stepAtX(model, s, x0)).toBe(0);
    expect(stepAtX(model, s, x0 + MIN_INSTANT_PX - 0.01)).toBe(42);
    let prev = -1;
    for (let x = -10; x <= s.width + 10; x += 0.25) {
      const n = stepAtX(model, s, x);
      expect(n).toBeGreaterThanOrEqual(prev);
      prev = n;
    }
    expect(prev).toBe(model.steps - 1);
  });

  it('lands an idle gap on the last step before the clock jumps', () => {
    // Between t = 0 and t = 0.1 the loop idles: the picture is the one after step 42.
    expect(stepAtX(model, s, xOfValue(s, 0.05))).toBe(42);
    expect(stepAtX(model, s, xOfValue(s, 0.1))).toBe(43);
    expect(stepsInX(model, s, xOfValue(s, 0.05), xOfValue(s, 0.05) + 1)).toBeNull();
  });

  it('lands a blocking call on its block step', () => {
    const blocking = buildTimeline(fixture('compare'));
    const b = scaleOf(blocking, 'time');
    // time.sleep(1) in Task-2 runs from t = 0 to 1 at step 27.
    expect(stepAtX(blocking, b, xOfValue(b, 0.5))).toBe(27);
    expect(stepsInX(blocking, b, xOfValue(b, 0.5), xOfValue(b, 0.5) + 1)).toEqual([27, 27]);
    expect(timeOfStep(blocking, stepAtX(blocking, b, xOfValue(b, 1.5)))).toBe(2);
  });

  it('gives a run where no time passes a nominal second', () => {
    const model0 = { ...model, endTime: 0 };
    expect(fullDomain(model0, 'time')).toEqual([-0.02, 1]);
  });
});

describe('zoom and pan', () => {
  const model = buildTimeline(syntheticTrace(100_000));
  const full = fullDomain(model, 'steps');
  const s = scaleOf(model, 'steps');

  it('zooms around the pointer, keeping the value under it', () => {
    const z = zoomScale(s, full, 4, 250, minSpan(model, 'steps', 1000));
    expect(z.d1 - z.d0).toBeCloseTo((full[1] - full[0]) / 4);
    expect(valueOfX(z, 250)).toBeCloseTo(valueOfX(s, 250));
  });

  it('stops at ~40 px per step and at the whole trace', () => {
    const z = zoomScale(s, full, 1e9, 500, minSpan(model, 'steps', 1000));
    expect(z.d1 - z.d0).toBe(25);
    const out = zoomScale(z, full, 1e-9, 500, 25);
    expect([out.d0, out.d1]).toEqual([...full]);
  });

  it('pans inside the domain', () => {
    const z = zoomScale(s, full, 10, 0, 25);
    expect(panScale(z, full, -1e9).d0).toBe(full[0]);
    expect(panScale(z, full, 1e9).d1).toBe(full[1]);
  });
});

describe('a million steps', () => {
  it('maps and inverts in O(log n)', () => {
    const model = buildTimeline(syntheticTrace(1_000_000));
    for (const axis of ['steps', 'time'] as const) {
      const s = scaleOf(model, axis, 2000);
      const t0 = performance.now();
      let prev = -1;
      for (let x = 0; x < 2000; x += 0.5) {
        const n = stepAtX(model, s, x);
        expect(n >= prev).toBe(true);
        prev = n;
      }
      expect(performance.now() - t0).toBeLessThan(500);
    }
  });
});
