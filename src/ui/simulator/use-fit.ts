import { useLayoutEffect, useRef } from 'react';

/** The smallest scale the picture takes (about 10 px type from 16): still readable up close. */
export const MIN_FIT = 0.6;
/** Scales this close count as one: 1/128 of the range is finer than a pixel row. */
const EPS = (1 - MIN_FIT) / 128;
/** Probes guided by the content's height before plain halving takes over (see `search`). */
const GUIDED = 3;
/** Probes at most below 1: the guided ones, then halvings enough for the whole range. */
const MAX_PROBES = GUIDED + 7;

/** Whether the scroll box shows all it holds (a pixel of rounding allowed). */
function fits(scroller: HTMLElement): boolean {
  return scroller.scrollHeight - scroller.clientHeight <= 1;
}

/**
 * What a fit found: the scale set, the next larger scale measured not to fit (null when the
 * scale is 1), and the sizes it was found for (the box's, and the content's at that scale).
 */
export interface Fit {
  readonly scale: number;
  readonly over: number | null;
  readonly box: string;
}

/** The box's size and the content's height: when all are unchanged, so is the fit. */
function sizesOf(scroller: HTMLElement, content: HTMLElement | null): string {
  return `${scroller.clientWidth}x${scroller.clientHeight}:${scroller.scrollHeight}:${content?.offsetHeight}`;
}

/**
 * The largest scale in [MIN_FIT, 1] at which the content fits the scroll box, set as `--sim-fit`
 * on it. A binary search of synchronous layouts: the content's height is not proportional to
 * the scale (cards re-flow into more or fewer rows), so it is measured, not computed. Returns
 * the scale set; MIN_FIT when nothing fits (the box then scrolls, as the last resort).
 *
 * Given the previous fit, it first checks that one: each layout costs milliseconds, and a step
 * usually changes a value or two, not the picture's size. The previous scale still fits and the
 * sizes are those it was found for: it stands, at the cost of the one layout the frame needs
 * anyway. Sizes changed but the previous scale still fits and the next larger one still does
 * not: it stands too (two layouts). Anything else searches afresh, as without `previous`.
 */
export function fitScale(
  scroller: HTMLElement,
  content: HTMLElement | null = null,
  previous: Fit | null = null,
): Fit {
  const set = (scale: number) => scroller.style.setProperty('--sim-fit', String(scale));
  if (previous && scroller.style.getPropertyValue('--sim-fit') === String(previous.scale)) {
    if (fits(scroller)) {
      const box = sizesOf(scroller, content);
      if (previous.over === null || box === previous.box) return { ...previous, box };
      set(previous.over);
      const grows = fits(scroller);
      set(previous.scale);
      if (!grows) return { ...previous, box: sizesOf(scroller, content) };
    }
  }
  return search(scroller, content, set);
}

/**
 * The next scale to try. Everything is sized in em, so the content's height is nearly a straight
 * line of the scale: through the two latest scales that overflowed (or, with one, through 0) it
 * says where the content meets the box; the probe goes half an EPS below that, to fit. Just
 * after a fit, one EPS higher: if that overflows, the search is done.
 */
function guess(
  lo: number,
  hi: number,
  over: readonly (readonly [number, number])[],
  box: number,
  lastFit: boolean,
): number {
  if (lastFit) return lo + EPS;
  const [s1, h1] = over[over.length - 1] ?? [hi, Number.NaN];
  const [s0, h0] = over[over.length - 2] ?? [0, 0];
  const meets = s1 + ((box - h1) * (s0 - s1)) / (h0 - h1);
  const g = over.length > 1 ? meets - EPS / 2 : meets;
  return Number.isFinite(g) ? Math.min(hi - EPS / 2, Math.max(lo + EPS / 2, g)) : (lo + hi) / 2;
}

/**
 * The largest scale that fits, within EPS: each probe is a synchronous layout (milliseconds, and
 * while playing several in one frame made it a long task), so the first probes are guesses from
 * the heights measured (`guess`), usually done in four; cards re-flow at thresholds, so the
 * height is not quite a line, and halving the bracket left finishes the search either way.
 */
function search(
  scroller: HTMLElement,
  content: HTMLElement | null,
  set: (scale: number) => void,
): Fit {
  set(1);
  if (fits(scroller)) return { scale: 1, over: null, box: sizesOf(scroller, content) };
  const box = scroller.clientHeight;
  const over: [number, number][] = [[1, scroller.scrollHeight]];
  let lo = MIN_FIT;
  let hi = 1;
  let lastFit = false;
  for (let probe = 0; probe < MAX_PROBES && hi - lo > EPS * 1.001; probe++) {
    const mid = probe < GUIDED ? guess(lo, hi, over, box, lastFit) : (lo + hi) / 2;
    set(mid);
    lastFit = fits(scroller);
    if (lastFit) lo = mid;
    else {
      hi = mid;
      over.push([mid, scroller.scrollHeight]);
    }
  }
  // `lo` itself, not rounded: it was measured to fit, and a scale a hair away may not (the
  // cards re-flow at thresholds, so the height is not even monotonic in the scale). Should
  // the content have changed under the search, step down until it fits.
  let scale = lo;
  set(scale);
  while (!fits(scroller) && scale > MIN_FIT) {
    hi = scale;
    scale = Math.max(MIN_FIT, scale - 0.02);
    set(scale);
  }
  return { scale, over: hi, box: sizesOf(scroller, content) };
}

/**
 * Keeps the simulator's whole picture inside its pane (issue 9 §1): whenever the pane resizes,
 * the content changes size, or `key` (the state shown) changes, the picture's type — and with
 * it, since everything is sized in em, its paddings, gaps and cards — scales down until nothing
 * needs scrolling, and back up when there is room. The CSS reads `--sim-fit`.
 */
export function useFit(scroller: HTMLElement | null, content: HTMLElement | null, key: unknown) {
  // The last fit of this box, kept across steps: checking it is one layout, a search is nine.
  const last = useRef<Fit | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: key is the re-fit signal
  useLayoutEffect(() => {
    if (!scroller || !content) return;
    let busy = false;
    let frame = 0;
    const refit = () => {
      if (busy) return;
      busy = true;
      last.current = fitScale(scroller, content, last.current);
      busy = false;
    };
    refit();
    // A re-fit settles on the same scale for the same content, so its own resize ends here.
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(refit);
    });
    observer.observe(scroller);
    observer.observe(content);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
    };
  }, [scroller, content, key]);
}
