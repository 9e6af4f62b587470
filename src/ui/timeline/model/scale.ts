/**
 * Step ↔ x in both axes. A `Scale` shows the domain window [d0, d1) — steps, or virtual seconds
 * — across `width` CSS pixels.
 *
 * Steps axis: step n is the cell [n, n + 1); its x is the cell's centre.
 * Time axis: a step's x is its virtual time. Every step at one instant lands on the same x, and
 * is drawn `minWidth` pixels wide so that instantaneous work stays visible; the gaps between
 * instants are time when nothing ran (the clock jumped) or when a blocking call held the loop.
 */
import {
  firstStepAfter,
  firstStepAtOrAfter,
  lastStepAtOrBefore,
  lastStepBefore,
  type TimelineModel,
  timeOfStep,
} from './lanes.ts';
import { lowerBound, upperBound } from './search.ts';

export type Axis = 'steps' | 'time';

export interface Scale {
  readonly axis: Axis;
  /** Domain value at x = 0 (a step, or seconds). */
  readonly d0: number;
  /** Domain value at x = width. */
  readonly d1: number;
  /** CSS pixels. */
  readonly width: number;
  /** Drawn width of an instant on the time axis (CSS pixels). */
  readonly minWidth: number;
}

/** Default instant width on the time axis, CSS pixels. */
export const MIN_INSTANT_PX = 2;

/**
 * Room kept left of the first step and right of the last one for their marks (a task's
 * "created" and "done" circles), CSS pixels.
 */
const START_PAD_PX = 14;
const END_PAD_PX = 20;

/**
 * The whole domain of an axis, with the pads to spare at `width`. A run where no time passes
 * gets a nominal second on the time axis.
 */
export function fullDomain(
  model: TimelineModel,
  axis: Axis,
  width = 1000,
): readonly [number, number] {
  const end = axis === 'steps' ? model.steps : model.endTime;
  if (!(end > 0)) return [-0.02, 1];
  const inner = Math.max(width / 2, width - START_PAD_PX - END_PAD_PX);
  const perPx = end / inner;
  return [-START_PAD_PX * perPx, end + END_PAD_PX * perPx];
}

export function xOfValue(scale: Scale, v: number): number {
  return ((v - scale.d0) / (scale.d1 - scale.d0)) * scale.width;
}

export function valueOfX(scale: Scale, x: number): number {
  return scale.d0 + (x / scale.width) * (scale.d1 - scale.d0);
}

/** Where a step is drawn: its cell's centre (steps) or its instant's centre (time). */
export function xOfStep(model: TimelineModel, scale: Scale, step: number): number {
  if (scale.axis === 'steps') return xOfValue(scale, step + 0.5);
  return xOfValue(scale, timeOfStep(model, step)) + scale.minWidth / 2;
}

const clampStep = (model: TimelineModel, s: number) =>
  Math.max(0, Math.min(Math.max(0, model.steps - 1), s));

/**
 * The step to seek to for a pointer at x (the inverse of `xOfStep`, monotonic in x).
 *
 * Time axis: on an instant's drawn width, steps at that instant spread across it; in a gap after
 * it, the last step at that instant (the picture while the loop idles) — or, inside a blocking
 * call, the `block` step itself (the picture while blocked).
 */
export function stepAtX(model: TimelineModel, scale: Scale, x: number): number {
  if (model.steps === 0) return 0;
  const v = valueOfX(scale, x);
  if (scale.axis === 'steps') return clampStep(model, Math.floor(v));
  const k = lastStepAtOrBefore(model, v);
  if (k < 0) return 0;
  const t = timeOfStep(model, k);
  const xt = xOfValue(scale, t);
  if (x < xt + scale.minWidth) {
    const f = firstStepAtOrAfter(model, t);
    const frac = Math.max(0, (x - xt) / scale.minWidth);
    return clampStep(model, Math.min(k, f + Math.floor(frac * (k - f + 1))));
  }
  const j = upperBound(model.times, t);
  if (j < model.times.length && model.timeIsBlock[j] === 1) return model.timeSteps[j] as number;
  return k;
}

/**
 * The steps drawn in [x0, x1) (inclusive first and last), or null if none: a pixel column's
 * min/max step, for hover and lane-aware seeking.
 */
export function stepsInX(
  model: TimelineModel,
  scale: Scale,
  x0: number,
  x1: number,
): readonly [number, number] | null {
  if (model.steps === 0) return null;
  if (scale.axis === 'steps') {
    // Cells [n, n + 1) that meet the range.
    const a = Math.max(0, Math.floor(valueOfX(scale, x0)));
    const b = Math.min(model.steps - 1, Math.ceil(valueOfX(scale, x1)) - 1);
    return a <= b ? [a, b] : null;
  }
  // Time: steps whose instant, drawn over [x(t), x(t) + minWidth), meets [x0, x1).
  const a = firstStepAfter(model, valueOfX(scale, x0 - scale.minWidth));
  const b = lastStepBefore(model, valueOfX(scale, x1));
  if (a < model.steps && a === b + 1) {
    // No instant here; inside a blocking call, its `block` step spans the range.
    const j = lowerBound(model.timeSteps, a);
    if (model.timeSteps[j] === a && model.timeIsBlock[j] === 1) return [a, a];
  }
  return a <= b ? [a, b] : null;
}

/** The scale after zooming by `factor` around x (clamped to the full domain and `minSpan`). */
export function zoomScale(
  scale: Scale,
  full: readonly [number, number],
  factor: number,
  x: number,
  minSpan: number,
): Scale {
  const span = scale.d1 - scale.d0;
  const fullSpan = full[1] - full[0];
  const next = Math.max(Math.min(fullSpan, minSpan), Math.min(fullSpan, span / factor));
  const anchor = valueOfX(scale, x);
  const d0 = anchor - (x / scale.width) * next;
  return panScale({ ...scale, d0, d1: d0 + next }, full, 0);
}

/** The scale moved by `dv` domain units, kept inside the full domain. */
export function panScale(scale: Scale, full: readonly [number, number], dv: number): Scale {
  const span = scale.d1 - scale.d0;
  const d0 = Math.max(full[0], Math.min(full[1] - span, scale.d0 + dv));
  return { ...scale, d0, d1: d0 + span };
}

/** The smallest window worth zooming to: ~40 px per step, or a millisecond of virtual time. */
export function minSpan(model: TimelineModel, axis: Axis, width: number): number {
  if (axis === 'steps') return Math.min(Math.max(1, model.steps), Math.max(4, width / 40));
  return Math.max(1e-3, model.endTime / 1e7);
}
