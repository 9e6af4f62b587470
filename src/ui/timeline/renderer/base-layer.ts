/**
 * The base layer: axis, lanes, bars and marks. Redrawn when the trace, the window, the size, the
 * scroll or the theme changes (not when the cursor moves: that is the overlay). O(width × visible
 * lanes) through per-column aggregation (runs.ts).
 */
import { axisTicks, drawAxis, type Tick } from './axis.ts';
import { type Frame, headH, rowY, visibleRows } from './frame.ts';
import { drawLoopLane } from './loop-lane.ts';
import { coveredRuns } from './runs.ts';
import { drawTaskLane } from './task-lane.ts';
import { drawThreadLane } from './thread-lane.ts';

export function drawBase(ctx: CanvasRenderingContext2D, f: Frame): void {
  const { dpr, scale, theme } = f;
  const W = Math.round(scale.width * dpr);
  const H = Math.round(f.height * dpr);
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.globalAlpha = 1;
  ctx.fillStyle = theme.bg;
  ctx.fillRect(0, 0, W, H);
  if (scale.width <= 0) return;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);

  const ticks = f.model.steps > 0 ? axisTicks(scale) : { list: [] };
  drawTaskRows(ctx, f, ticks.list);
  drawLoopRow(ctx, f, ticks.list);
  ctx.fillStyle = theme.grid;
  ctx.fillRect(0, headH(f.geo) - 1, scale.width, 1);
  drawAxis(ctx, f, ticks);
}

/** Task rows: stripes, then grid lines, then contents, clipped below the pinned loop lane. */
function drawTaskRows(ctx: CanvasRenderingContext2D, f: Frame, ticks: readonly Tick[]): void {
  const { dpr, scale, theme } = f;
  const [first, last] = visibleRows(f);
  ctx.save();
  ctx.beginPath();
  ctx.rect(0, headH(f.geo), scale.width, f.height - headH(f.geo));
  ctx.clip();
  for (let r = first; r < last; r++) {
    if (r % 2 === 1) {
      // Same rows as the labels' :nth-child(even).
      ctx.fillStyle = theme.stripe;
      ctx.fillRect(0, rowY(f, r), scale.width, f.geo.rowH);
    }
  }
  ctx.fillStyle = theme.grid;
  for (const t of ticks) ctx.fillRect(Math.round(t.x * dpr) / dpr, headH(f.geo), 1 / dpr, f.height);
  if (scale.axis === 'time') drawBlockedBands(ctx, f);
  for (let r = first; r < last; r++) {
    const lane = f.lanes[r];
    if (lane?.kind === 'task') drawTaskLane(ctx, f, lane, rowY(f, r));
    else if (lane?.kind === 'thread') drawThreadLane(ctx, f, lane, rowY(f, r));
  }
  ctx.restore();
}

/** The loop's lane, always in view. */
function drawLoopRow(ctx: CanvasRenderingContext2D, f: Frame, ticks: readonly Tick[]): void {
  const { dpr, scale, theme } = f;
  ctx.save();
  ctx.beginPath();
  ctx.rect(0, f.geo.axisH, scale.width, f.geo.rowH);
  ctx.clip();
  ctx.fillStyle = theme.bg;
  ctx.fillRect(0, f.geo.axisH, scale.width, f.geo.rowH);
  ctx.fillStyle = theme.grid;
  for (const t of ticks)
    ctx.fillRect(Math.round(t.x * dpr) / dpr, f.geo.axisH, 1 / dpr, f.geo.rowH);
  if (f.lanes[0]?.kind === 'loop') drawLoopLane(ctx, f, f.geo.axisH);
  ctx.restore();
}

/** On the time axis, a faint band across every lane while a blocking call holds the loop. */
function drawBlockedBands(ctx: CanvasRenderingContext2D, f: Frame): void {
  const { dpr, theme } = f;
  const runs = coveredRuns(f, f.model.loop.blocked, 1);
  ctx.save();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.globalAlpha = 0.1;
  ctx.fillStyle = theme.blocked;
  for (const run of runs) {
    // Only where it is wide enough to matter; thin ones would stripe the whole picture.
    if (run.to - run.from < 12 * dpr) continue;
    ctx.fillRect(run.from, f.geo.axisH * dpr, run.to - run.from, f.height * dpr);
  }
  ctx.restore();
}
