/**
 * The event loop's lane: module-level code and the loop's own turns, and on the time axis the
 * idle jumps of the clock and the blocking calls, labelled where they are wide enough.
 */

import { seconds } from '../../../trace/index.ts';
import { LOOP_STYLE } from '../../task-style.ts';
import { rangeIn } from '../model/aggregate.ts';
import type { Spans } from '../model/lanes.ts';
import { type Scale, xOfValue } from '../model/scale.ts';
import type { Frame } from './frame.ts';
import { drawRuns } from './runs.ts';

export function drawLoopLane(ctx: CanvasRenderingContext2D, f: Frame, y: number): void {
  const { scale, model, theme } = f;
  const loop = model.loop;
  const cy = y + f.geo.rowH / 2;
  const top = cy - f.geo.barH / 2;
  const steps = scale.axis === 'steps';

  if (!steps) drawIdle(ctx, f, cy);
  drawRuns(ctx, f, loop.module, theme.module, top, f.geo.barH, steps);
  drawRuns(ctx, f, loop.held, LOOP_STYLE.color, top, f.geo.barH, steps);

  // Blocked: the clock ran inside one step while nothing else could run.
  // On the steps axis a blocking call is one step: full height while a step is a few pixels
  // wide, a short tick when zoomed out (hundreds of them would stripe the whole lane).
  const stepPx = scale.width / (scale.d1 - scale.d0);
  if (!steps || stepPx >= 3)
    drawRuns(ctx, f, loop.blocked, theme.blocked, y + 3, f.geo.rowH - 6, false);
  else drawRuns(ctx, f, loop.blocked, theme.blocked, y + f.geo.rowH - 9, 6, false);
  if (!steps) labelBlocked(ctx, f, cy);
}

/**
 * Calls `each` with the spans of `spans` that reach into the window on the time axis, in order,
 * at most `max` of them (a cap on the work when zoomed far out).
 */
function forEachInWindow(
  spans: Spans,
  scale: Scale,
  max: number,
  each: (j: number, t0: number, t1: number) => void,
): void {
  const [lo, hi] = rangeIn(spans.t1, scale.d0, Number.POSITIVE_INFINITY);
  const end = Math.min(hi, lo + max);
  for (let j = lo; j < end; j++) {
    const t0 = spans.t0[j] as number;
    if (t0 > scale.d1) break;
    each(j, t0, spans.t1[j] as number);
  }
}

/** Idle: the clock jumped because nothing was ready. A dashed line, labelled when it is wide. */
function drawIdle(ctx: CanvasRenderingContext2D, f: Frame, cy: number): void {
  const { scale, theme } = f;
  ctx.strokeStyle = theme.idle;
  ctx.fillStyle = theme.muted;
  ctx.lineWidth = 2;
  ctx.setLineDash([4, 4]);
  ctx.font = `12px ${theme.font}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  forEachInWindow(f.model.loop.idle, scale, 2000, (_j, t0, t1) => {
    const x0 = xOfValue(scale, t0) + scale.minWidth;
    const x1 = xOfValue(scale, t1);
    if (x1 - x0 < 6) return;
    ctx.beginPath();
    ctx.moveTo(x0 + 2, cy);
    ctx.lineTo(x1 - 2, cy);
    ctx.stroke();
    const label = `idle ${seconds(t1 - t0)}`;
    const w = ctx.measureText(label).width;
    if (x1 - x0 > w + 16) {
      const mid = (Math.max(x0, 0) + Math.min(x1, scale.width)) / 2;
      if (Math.min(x1, scale.width) - Math.max(x0, 0) > w + 16) {
        ctx.fillStyle = theme.bg;
        ctx.fillRect(mid - w / 2 - 4, cy - 8, w + 8, 16);
        ctx.fillStyle = theme.muted;
        ctx.fillText(label, mid, cy);
      }
    }
  });
  ctx.setLineDash([]);
}

/** What blocked the loop, written on the blocking call's bar where it fits. */
function labelBlocked(ctx: CanvasRenderingContext2D, f: Frame, cy: number): void {
  const { scale, theme } = f;
  const loop = f.model.loop;
  ctx.font = `600 12px ${theme.font}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillStyle = '#ffffff';
  forEachInWindow(loop.blocked, scale, 500, (j, t0, t1) => {
    const x0 = Math.max(0, xOfValue(scale, t0));
    const x1 = Math.min(scale.width, xOfValue(scale, t1));
    const label = `blocked: ${loop.blockBy[j] ?? 'a blocking call'}`;
    if (x1 - x0 > ctx.measureText(label).width + 12) ctx.fillText(label, (x0 + x1) / 2, cy);
  });
}
