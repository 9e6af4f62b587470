/**
 * Bars from span lists, aggregated per device-pixel column: O(width) whatever the number of
 * spans, so a million-step trace draws as fast as a small one.
 */
import { aggregateSpans, type Run, runsOf } from '../model/aggregate.ts';
import type { Spans } from '../model/lanes.ts';
import type { Scale } from '../model/scale.ts';
import type { Frame } from './frame.ts';

/** Shades of a bar on the steps axis, by how much of a column it covers. */
export const LEVELS = 4;
const ALPHA = [0, 0.4, 0.6, 0.8, 1];

let buffer = new Float32Array(0);
/** How much of each column the spans cover (a buffer reused between calls). */
function cover(spans: Spans, scale: Scale, cols: number): Float32Array {
  if (buffer.length < cols) buffer = new Float32Array(cols);
  return aggregateSpans(spans, scale, cols, buffer);
}

/** The runs of columns the spans cover, in device pixels: `levels` shades, or 1 (covered or not). */
export function coveredRuns(f: Frame, spans: Spans, levels: number): Run[] {
  const cols = Math.round(f.scale.width * f.dpr);
  return runsOf(cover(spans, f.scale, cols), cols, levels);
}

/** Bars of a span list, as runs of aggregated columns. */
export function drawRuns(
  ctx: CanvasRenderingContext2D,
  f: Frame,
  spans: Spans,
  color: string,
  y: number,
  h: number,
  shaded: boolean,
): Run[] {
  const { dpr, scale } = f;
  const runs = coveredRuns(f, spans, shaded ? LEVELS : 1);
  const min = (scale.axis === 'time' ? scale.minWidth : 1) * dpr;
  ctx.save();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.fillStyle = color;
  const y0 = Math.round(y * dpr);
  const y1 = Math.round((y + h) * dpr);
  for (const run of runs) {
    ctx.globalAlpha = shaded ? (ALPHA[run.level] ?? 1) : 1;
    ctx.fillRect(run.from, y0, Math.max(run.to - run.from, min), y1 - y0);
  }
  ctx.restore();
  return runs;
}
