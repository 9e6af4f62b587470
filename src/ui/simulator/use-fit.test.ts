/**
 * fitScale and quickFit on a stand-in for the pane: its content's height is a function of
 * `--sim-fit`, and every read of it after a change counts as the layout it costs in a browser.
 */
import { describe, expect, it } from 'vitest';
import { fitScale, MIN_FIT, quickFit } from './use-fit.ts';

/** A scroll box `box` px high whose content is `height(scale)` px high. */
function pane(box: number, initial: (scale: number) => number) {
  let height = initial;
  const props = new Map<string, string>();
  let layouts = 0;
  let dirty = true;
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
      return Math.max(box, Math.round(height(Number(props.get('--sim-fit') ?? 1))));
    },
  };
  return {
    scroller: scroller as unknown as HTMLElement,
    layouts: () => layouts,
    fitsAt: (s: number) => Math.round(height(s)) <= box + 1,
    /** The content changes: a new height function. */
    change(next: (scale: number) => number) {
      height = next;
      dirty = true;
    },
  };
}

const EPS = (1 - MIN_FIT) / 128;

describe('fitScale', () => {
  it('keeps scale 1 when the content fits, and finds the largest scale that fits otherwise', () => {
    expect(fitScale(pane(600, (s) => 500 * s).scroller).scale).toBe(1);
    const p = pane(600, (s) => 40 + 900 * s);
    const fit = fitScale(p.scroller);
    expect(p.fitsAt(fit.scale)).toBe(true);
    expect(fit.over === null ? true : !p.fitsAt(fit.over)).toBe(true);
    expect((fit.over ?? 1) - fit.scale).toBeLessThanOrEqual(EPS + 1e-9);
  });
});

describe('fitScale’s search', () => {
  const contents: [string, (s: number) => number][] = [
    ['proportional', (s) => 900 * s],
    ['with a fixed part', (s) => 200 + 700 * s],
    ['mostly fixed', (s) => 560 + 100 * s],
    ['re-flowing at a threshold', (s) => 100 + 800 * s + (s > 0.7 ? 120 : 0)],
    ['never fitting', (s) => 2000 * s],
  ];
  for (const [name, height] of contents) {
    it(`finds the largest scale that fits, in fewer layouts than halving (${name})`, () => {
      const p = pane(600, height);
      const fit = fitScale(p.scroller);
      if (!p.fitsAt(MIN_FIT)) expect(fit.scale).toBe(MIN_FIT);
      else {
        expect(p.fitsAt(fit.scale)).toBe(true);
        expect(fit.over === null || !p.fitsAt(fit.over)).toBe(true);
        expect((fit.over ?? 1) - fit.scale).toBeLessThanOrEqual(EPS + 1e-9);
      }
      // Halving the whole range took nine layouts; a proportional picture (all in em) takes six.
      expect(p.layouts()).toBeLessThanOrEqual(name === 'proportional' ? 6 : 9);
    });
  }
});

describe('quickFit (the picture changing many times a second)', () => {
  it('keeps the previous scale while it fits, at the cost of one layout', () => {
    const p = pane(600, (s) => 40 + 900 * s);
    const first = fitScale(p.scroller);
    p.change((s) => 30 + 900 * s);
    const before = p.layouts();
    expect(quickFit(p.scroller, null, first)).toBe(first);
    expect(p.layouts() - before).toBe(1);
  });

  it('shrinks by the overflow to a scale that fits in a layout or two, not a search', () => {
    const p = pane(700, (s) => 40 + 900 * s);
    const first = fitScale(p.scroller);
    p.change((s) => 40 + 980 * s);
    const before = p.layouts();
    const quick = quickFit(p.scroller, null, first);
    expect(p.fitsAt(quick.scale)).toBe(true);
    expect(p.layouts() - before).toBeLessThanOrEqual(3);
    // It claims no sizes: fitScale given it checks again, and finds the largest scale.
    const settled = fitScale(p.scroller, null, quick);
    expect(p.fitsAt(settled.scale)).toBe(true);
    expect((settled.over ?? 1) - settled.scale).toBeLessThanOrEqual(EPS + 1e-9);
  });

  it('searches when cards re-flow at a threshold and scaling by the overflow is not enough', () => {
    const p = pane(700, (s) => 40 + 800 * s);
    const first = fitScale(p.scroller);
    // A row of cards wraps below 0.83: the height jumps there.
    p.change((s) => 40 + 800 * s + (s < 0.83 ? 400 : 0));
    const quick = quickFit(p.scroller, null, first);
    expect(p.fitsAt(quick.scale) || quick.scale === MIN_FIT).toBe(true);
  });
});
