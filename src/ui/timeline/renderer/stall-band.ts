/**
 * Stalls on a task's lane: a hatched red band across the row where the task held the loop too
 * long (a blocking call, a long computation), drawn behind its bar so the bar still reads. The
 * legend's swatch (TimelineLegend) uses the same hatch, from CSS.
 */
import type { TaskLane } from '../model/lanes.ts';
import type { Frame } from './frame.ts';
import { coveredRuns } from './runs.ts';

/** The band's hatch, one tile per colour and pixel ratio (a pattern is costly to make). */
const patterns = new Map<string, CanvasPattern | null>();

function hatch(ctx: CanvasRenderingContext2D, color: string, dpr: number): CanvasPattern | null {
  const key = `${color} ${dpr}`;
  if (patterns.has(key)) return patterns.get(key) ?? null;
  const size = Math.round(8 * dpr);
  const tile = document.createElement('canvas');
  tile.width = size;
  tile.height = size;
  const t = tile.getContext('2d');
  let pattern: CanvasPattern | null = null;
  if (t) {
    t.strokeStyle = color;
    t.lineWidth = 1.5 * dpr;
    t.beginPath();
    // A diagonal, continued across the tile's corners so the stripes join.
    t.moveTo(-size / 2, size / 2);
    t.lineTo(size / 2, -size / 2);
    t.moveTo(0, size);
    t.lineTo(size, 0);
    t.moveTo(size / 2, size * 1.5);
    t.lineTo(size * 1.5, size / 2);
    t.stroke();
    pattern = ctx.createPattern(tile, 'repeat');
  }
  patterns.set(key, pattern);
  return pattern;
}

/** The band behind the lane's bars (call before drawing them). */
export function drawStallBands(
  ctx: CanvasRenderingContext2D,
  f: Frame,
  lane: TaskLane,
  y: number,
): void {
  const spans = lane.stalls.spans;
  if (spans.count === 0) return;
  const { dpr, theme } = f;
  const runs = coveredRuns(f, spans, 1);
  if (runs.length === 0) return;
  // A long computation takes no virtual time: on the time axis it is an instant, kept visible.
  const min = 4 * dpr;
  const y0 = Math.round((y + 2) * dpr);
  const y1 = Math.round((y + f.geo.rowH - 2) * dpr);
  ctx.save();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  const pattern = hatch(ctx, theme.blocked, dpr);
  for (const run of runs) {
    const w = Math.max(run.to - run.from, min);
    ctx.globalAlpha = 0.12;
    ctx.fillStyle = theme.blocked;
    ctx.fillRect(run.from, y0, w, y1 - y0);
    ctx.globalAlpha = 0.7;
    if (pattern) {
      ctx.fillStyle = pattern;
      ctx.fillRect(run.from, y0, w, y1 - y0);
    }
    ctx.globalAlpha = 1;
    ctx.fillStyle = theme.blocked;
    ctx.fillRect(run.from, y0, w, Math.round(2 * dpr));
    ctx.fillRect(run.from, y1 - Math.round(2 * dpr), w, Math.round(2 * dpr));
  }
  ctx.restore();
}
