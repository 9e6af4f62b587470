import { useLayoutEffect, useRef } from 'react';

/** The smallest scale the picture takes (about 10 px type from 16): still readable up close. */
export const MIN_FIT = 0.6;
/** Halvings of the search between MIN_FIT and 1: 1/128 of the range is finer than a pixel row. */
const STEPS = 7;

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

/** How close the largest scale that fits is found: 1/128 of the range is finer than a pixel row. */
const PRECISION = (1 - MIN_FIT) / 2 ** STEPS;

/**
 * The largest scale that fits, to within PRECISION. Each scale tried is a layout, and on a first
 * picture one at a new type size costs tens of milliseconds: so not a plain halving from the
 * whole range (nine layouts), but a start where the overflow says it just fits (the content's
 * height is nearly proportional to the scale), a step or two out from there until the largest
 * scale that fits is bracketed, then halving: six layouts when the content is proportional, five when nothing fits.
 */
function search(
  scroller: HTMLElement,
  content: HTMLElement | null,
  setScale: (scale: number) => void,
): Fit {
  let last = 1;
  const set = (scale: number) => {
    setScale(scale);
    last = scale;
  };
  set(1);
  if (fits(scroller)) return { scale: 1, over: null, box: sizesOf(scroller, content) };
  let lo = MIN_FIT;
  let hi = 1;
  const guess = Math.min(
    1 - PRECISION,
    Math.max(MIN_FIT, (scroller.clientHeight - 1) / scroller.scrollHeight),
  );
  set(guess);
  const up = fits(scroller);
  if (up) lo = guess;
  else hi = guess;
  // Two steps out at most: content far from proportional is left to the halving.
  for (let i = 0, step = 4 * PRECISION; i < 2 && hi - lo > step; i++, step *= 2) {
    const next = up ? lo + step : hi - step;
    set(next);
    if (fits(scroller)) lo = next;
    else hi = next;
    if (up ? hi === next : lo === next) break;
  }
  // Still over after stepping down: when even the smallest scale is over, no halving finds more.
  if (!up && lo === MIN_FIT) {
    set(MIN_FIT);
    if (!fits(scroller)) return { scale: MIN_FIT, over: hi, box: sizesOf(scroller, content) };
  }
  while (hi - lo > PRECISION + 1e-9) {
    const mid = (lo + hi) / 2;
    set(mid);
    if (fits(scroller)) lo = mid;
    else hi = mid;
  }
  // `lo` itself, not rounded: it was measured to fit, and a scale a hair away may not (the
  // cards re-flow at thresholds, so the height is not even monotonic in the scale). Should
  // the content have changed under the search, step down until it fits.
  let scale = lo;
  if (last !== scale) set(scale);
  while (!fits(scroller) && scale > MIN_FIT) {
    hi = scale;
    scale = Math.max(MIN_FIT, scale - 0.02);
    set(scale);
  }
  return { scale, over: hi, box: sizesOf(scroller, content) };
}

/** Re-fits closer together than this come from playing fast or a held key (see useFit). */
const RAPID_MS = 250;

/**
 * A fit for a picture that changes many times a second: the previous scale while it fits (one
 * layout, as in fitScale); when it overflows, scaled down by as much as it overflows (the
 * content's height is nearly proportional to the scale) until it fits, a layout or two instead
 * of a search's ten. The result fits but may not be the largest scale that does, so it says
 * nothing of the sizes (`box` empty): fitScale given it checks the next larger scale again.
 */
export function quickFit(scroller: HTMLElement, content: HTMLElement | null, previous: Fit): Fit {
  const set = (scale: number) => scroller.style.setProperty('--sim-fit', String(scale));
  let scale = previous.scale;
  if (scroller.style.getPropertyValue('--sim-fit') !== String(scale)) set(scale);
  if (fits(scroller)) return previous;
  for (let i = 0; i < 4 && scale > MIN_FIT && !fits(scroller); i++) {
    scale = Math.max(MIN_FIT, (scale * (scroller.clientHeight - 1)) / scroller.scrollHeight);
    set(scale);
  }
  // Still over after four tries (cards re-flowed at a threshold): the whole search.
  if (!fits(scroller)) return fitScale(scroller, content);
  return { scale, over: Math.min(1, scale + (1 - MIN_FIT) / 128), box: '' };
}

/**
 * Keeps the simulator's whole picture inside its pane (issue 9 §1): whenever the pane resizes,
 * the content changes size, or `key` (the state shown) changes, the picture's type — and with
 * it, since everything is sized in em, its paddings, gaps and cards — scales down until nothing
 * needs scrolling, and back up when there is room. The CSS reads `--sim-fit`.
 *
 * While the picture changes many times a second (playing fast, a held arrow key) a search in a
 * frame made it a long task: then it only shrinks, by quickFit, and the search for the largest
 * scale waits until the changes stop for RAPID_MS.
 */
export function useFit(scroller: HTMLElement | null, content: HTMLElement | null, key: unknown) {
  // The last fit of this box, kept across steps: checking it is one layout, a search is nine.
  const last = useRef<Fit | null>(null);
  // When the last change was fitted, and the search waiting for the changes to stop.
  const changedAt = useRef(Number.NEGATIVE_INFINITY);
  const settle = useRef(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: key is the re-fit signal
  useLayoutEffect(() => {
    if (!scroller || !content) return;
    let busy = false;
    let frame = 0;
    const refit = () => {
      if (busy) return;
      busy = true;
      const rapid = performance.now() - changedAt.current < RAPID_MS && last.current !== null;
      last.current =
        rapid && last.current
          ? quickFit(scroller, content, last.current)
          : fitScale(scroller, content, last.current);
      busy = false;
      clearTimeout(settle.current);
      if (rapid) settle.current = window.setTimeout(refit, RAPID_MS);
    };
    refit();
    changedAt.current = performance.now();
    // A re-fit settles on the same scale for the same content, so its own resize ends here.
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(refit);
    });
    observer.observe(scroller);
    observer.observe(content);
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(settle.current);
      observer.disconnect();
    };
  }, [scroller, content, key]);
}
