/**
 * fitScale on a stand-in for the pane: its content's height is a function of `--sim-fit`, and
 * every read of it after a change counts as the layout it costs in a browser.
 */
import { describe, expect, it } from 'vitest';
import { type Fit, fitScale, MIN_FIT } from './use-fit.ts';

/** A scroll box `box` px high whose content is `height(scale)` px high. */
function pane(box: number, height: (scale: number) => number) {
  const props = new Map<string, string>();
  let layouts = 0;
  let dirty = true;
  const scale = () => Number(props.get('--sim-fit') ?? 1);
  const scroller = {
    style: {
      setProperty(name: string, value: string) {
        props.set(name, value);
        dirty = true;
      },
      getPropertyValue: (name: string) => props.get(name) ?? '',
    },
    clientWidth: 800,
    clientHeight: box,
    get scrollHeight() {
      if (dirty) layouts++;
      dirty = false;
      return Math.max(box, Math.round(height(scale())));
    },
  };
  return {
    scroller: scroller as unknown as HTMLElement,
    layouts: () => layouts,
    fitsAt: (s: number) => Math.round(height(s)) <= box + 1,
  };
}

/** The largest scale that fits, by brute force (a fine scan from 1 down). */
function best(fitsAt: (s: number) => boolean): number {
  for (let s = 1; s > MIN_FIT; s -= 0.0005) if (fitsAt(s)) return s;
  return MIN_FIT;
}

const EPS = (1 - MIN_FIT) / 128;

describe('fitScale', () => {
  it('keeps scale 1 when the content fits', () => {
    const p = pane(600, (s) => 500 * s);
    expect(fitScale(p.scroller).scale).toBe(1);
  });

  it('finds the largest scale that fits, within 1/128 of the range, in a few layouts', () => {
    // Everything in em plus a fixed padding: nearly a straight line.
    const p = pane(600, (s) => 40 + 900 * s);
    const fit = fitScale(p.scroller);
    expect(p.fitsAt(fit.scale)).toBe(true);
    expect(fit.scale).toBeGreaterThan(best(p.fitsAt) - EPS);
    expect(p.layouts()).toBeLessThanOrEqual(6);
  });

  it('still finds a fitting scale when cards re-flow into more rows at thresholds', () => {
    // A row of cards wraps below 0.83 and again below 0.7: the height jumps, not a line.
    const height = (s: number) => 40 + 800 * s + (s < 0.83 ? 120 * s : 0) + (s < 0.7 ? 90 : 0);
    const p = pane(700, height);
    const fit = fitScale(p.scroller);
    expect(p.fitsAt(fit.scale)).toBe(true);
    expect(fit.over === null || !p.fitsAt(fit.over)).toBe(true);
    expect(fit.over === null ? 0 : fit.over - fit.scale).toBeLessThanOrEqual(EPS + 1e-9);
  });

  it('settles on MIN_FIT when nothing fits', () => {
    const p = pane(300, (s) => 2000 * s);
    expect(fitScale(p.scroller).scale).toBe(MIN_FIT);
  });

  it('keeps the previous fit when the content is unchanged, at the cost of one layout', () => {
    const p = pane(600, (s) => 40 + 900 * s);
    const first: Fit = fitScale(p.scroller);
    const before = p.layouts();
    const again = fitScale(p.scroller, null, first);
    expect(again.scale).toBe(first.scale);
    expect(p.layouts() - before).toBeLessThanOrEqual(1);
  });
});
