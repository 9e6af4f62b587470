/**
 * What one picture of the timeline is drawn from (a Frame), and the row geometry shared by the
 * renderer and the component (which row is under the pointer).
 *
 * Coordinates: the canvases are sized in device pixels (devicePixelRatio); everything here is in
 * CSS pixels, converted with `dpr` where it is drawn.
 */
import type { TimelineRow } from '../model/describe.ts';
import type { TimelineModel } from '../model/lanes.ts';
import type { Scale } from '../model/scale.ts';
import type { Theme } from './theme.ts';

/** Layout, CSS pixels. */
export const AXIS_H = 30;
export const ROW_H = 34;
export const BAR_H = 20;

export interface Frame {
  readonly model: TimelineModel;
  readonly lanes: readonly TimelineRow[];
  readonly scale: Scale;
  readonly dpr: number;
  /** Canvas height, CSS pixels. */
  readonly height: number;
  /** How far the lane rows are scrolled, CSS pixels. */
  readonly scrollTop: number;
  readonly theme: Theme;
}

/**
 * Rows: lanes[0] is the event loop's, pinned under the axis; the task lanes below it scroll.
 * Row r ≥ 1 is at y = AXIS_H + r·ROW_H − scrollTop (CSS pixels in the canvas).
 */
export const HEAD_H = AXIS_H + ROW_H;

/** Task rows visible in the frame: [first, last), first ≥ 1. */
export function visibleRows(f: Pick<Frame, 'lanes' | 'height' | 'scrollTop'>): [number, number] {
  const first = Math.max(1, Math.floor(f.scrollTop / ROW_H) + 1);
  const last = Math.min(f.lanes.length, Math.ceil((f.scrollTop + f.height - AXIS_H) / ROW_H));
  return [first, last];
}

/** The row under y in the canvas (-1: the axis, or below the last lane). */
export function rowAt(y: number, scrollTop: number, count: number): number {
  if (y < AXIS_H) return -1;
  if (y < HEAD_H) return 0;
  const r = Math.floor((y - AXIS_H + scrollTop) / ROW_H);
  return r >= 1 && r < count ? r : -1;
}

/** The top of row r in the canvas. */
export function rowY(f: Pick<Frame, 'scrollTop'>, r: number): number {
  return r === 0 ? AXIS_H : AXIS_H + r * ROW_H - f.scrollTop;
}
