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

/** Layout, CSS pixels: the roomy geometry, used whenever every lane fits at this height. */
export const AXIS_H = 30;
export const ROW_H = 34;
export const BAR_H = 20;

/**
 * How tall the axis, each lane and each bar in it are (CSS pixels). Roomy when the lanes fit;
 * compact (down to MIN_ROW_H) when that lets every lane be seen at once without scrolling: the
 * default program's five lanes at 1280×720, where the timeline shares a short bottom row.
 */
export interface LaneGeometry {
  readonly axisH: number;
  readonly rowH: number;
  readonly barH: number;
}

export const ROOMY: LaneGeometry = Object.freeze({ axisH: AXIS_H, rowH: ROW_H, barH: BAR_H });
const COMPACT_AXIS_H = 20;
export const MIN_ROW_H = 14;

/** Pixels of `height` kept spare for the lanes' borders (the bar above is measured: Timeline.tsx). */
const SPARE = 2;

/**
 * The geometry for `count` lanes in at most `height` CSS pixels (axis included): roomy if they
 * fit, else lanes as tall as lets them all fit, never under MIN_ROW_H (more lanes then scroll).
 */
export function laneGeometry(height: number, count: number): LaneGeometry {
  if (count <= 0 || AXIS_H + count * ROW_H <= height - SPARE) return ROOMY;
  const rowH = Math.max(MIN_ROW_H, Math.floor((height - SPARE - COMPACT_AXIS_H) / count));
  if (rowH >= ROW_H) return ROOMY;
  const barH = Math.min(BAR_H, Math.max(8, Math.round(rowH * 0.6)));
  return Object.freeze({ axisH: COMPACT_AXIS_H, rowH, barH });
}

/** The axis and the pinned loop lane together: where the scrolling task lanes begin. */
export const headH = (g: LaneGeometry) => g.axisH + g.rowH;

export interface Frame {
  readonly model: TimelineModel;
  readonly lanes: readonly TimelineRow[];
  readonly scale: Scale;
  readonly dpr: number;
  /** Canvas height, CSS pixels. */
  readonly height: number;
  /** How far the lane rows are scrolled, CSS pixels. */
  readonly scrollTop: number;
  readonly geo: LaneGeometry;
  readonly theme: Theme;
}

/**
 * Rows: lanes[0] is the event loop's, pinned under the axis; the task lanes below it scroll.
 * Row r ≥ 1 is at y = axisH + r·rowH − scrollTop (CSS pixels in the canvas).
 */
/** Task rows visible in the frame: [first, last), first ≥ 1. */
export function visibleRows(
  f: Pick<Frame, 'lanes' | 'height' | 'scrollTop' | 'geo'>,
): [number, number] {
  const { axisH, rowH } = f.geo;
  const first = Math.max(1, Math.floor(f.scrollTop / rowH) + 1);
  const last = Math.min(f.lanes.length, Math.ceil((f.scrollTop + f.height - axisH) / rowH));
  return [first, last];
}

/** The row under y in the canvas (-1: the axis, or below the last lane). */
export function rowAt(y: number, scrollTop: number, count: number, geo = ROOMY): number {
  if (y < geo.axisH) return -1;
  if (y < headH(geo)) return 0;
  const r = Math.floor((y - geo.axisH + scrollTop) / geo.rowH);
  return r >= 1 && r < count ? r : -1;
}

/** The top of row r in the canvas. */
export function rowY(f: Pick<Frame, 'scrollTop' | 'geo'>, r: number): number {
  return r === 0 ? f.geo.axisH : f.geo.axisH + r * f.geo.rowH - f.scrollTop;
}
