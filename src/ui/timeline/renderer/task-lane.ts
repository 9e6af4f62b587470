/** A task's lane: its lifetime, the bars where it held control, its awaits and its end. */
import { type TaskStyle, taskStyle } from '../../task-style.ts';
import type { Run } from '../model/aggregate.ts';
import { rangeIn } from '../model/aggregate.ts';
import type { TaskLane } from '../model/lanes.ts';
import { xOfStep, xOfValue } from '../model/scale.ts';
import type { Frame } from './frame.ts';
import { createdMark, endMark, notch } from './marks.ts';
import { drawRuns, LEVELS } from './runs.ts';
import { drawStallBands } from './stall-band.ts';

export function drawTaskLane(
  ctx: CanvasRenderingContext2D,
  f: Frame,
  lane: TaskLane,
  y: number,
): void {
  const { scale, theme } = f;
  const style = taskStyle(lane.task);
  const cy = y + f.geo.rowH / 2;
  const steps = scale.axis === 'steps';

  drawStallBands(ctx, f, lane, y);
  const [xa, xb] = drawLifetime(ctx, f, lane, style, cy);
  const top = cy - f.geo.barH / 2;
  const runs = drawRuns(ctx, f, lane.held, style.color, top, f.geo.barH, steps);
  outlineRuns(ctx, f, runs, style, top);
  drawNotches(ctx, f, lane, style, top + f.geo.barH + 1.5);

  // Marks sit just outside the lifetime, so they never hide a bar: created on the left,
  // done / failed / cancelled on the right.
  if (xa >= -8 && xa <= scale.width + 12) createdMark(ctx, xa - 6, cy, style.color, theme.bg);
  if (lane.doneAt !== null && xb >= -16 && xb <= scale.width + 8) {
    endMark(ctx, xb + 8, cy, lane, theme);
  }
}

/**
 * Lifetime: a thin line while the task exists but waits, so waiting reads as a gap in the bar.
 * It runs from the creation step to the task-done step (or the end of the trace). Returns where
 * it starts and ends.
 */
function drawLifetime(
  ctx: CanvasRenderingContext2D,
  f: Frame,
  lane: TaskLane,
  style: TaskStyle,
  cy: number,
): [number, number] {
  const { scale, model } = f;
  const steps = scale.axis === 'steps';
  const xa = steps ? xOfValue(scale, lane.createdAt) : xOfValue(scale, lane.createdTime);
  const end = lane.doneAt !== null ? lane.doneAt : model.steps;
  const endTime = lane.doneTime !== null ? lane.doneTime : model.endTime;
  const xb = steps ? xOfValue(scale, end) : xOfValue(scale, endTime) + scale.minWidth;
  if (xb >= 0 && xa <= scale.width) {
    ctx.globalAlpha = 0.6;
    ctx.fillStyle = style.color;
    ctx.fillRect(Math.max(-2, xa), cy - 1, Math.min(scale.width + 2, xb) - Math.max(-2, xa), 2);
    ctx.globalAlpha = 1;
  }
  return [xa, xb];
}

/** An outline keeps light colours (yellow, sky blue) readable on a light background. */
function outlineRuns(
  ctx: CanvasRenderingContext2D,
  f: Frame,
  runs: readonly Run[],
  style: TaskStyle,
  top: number,
): void {
  const { theme, dpr } = f;
  const steps = f.scale.axis === 'steps';
  const cy = top + f.geo.barH / 2;
  ctx.strokeStyle = theme.edge;
  ctx.lineWidth = 1;
  ctx.font = `600 12px ${theme.font}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  for (const run of runs) {
    const x = run.from / dpr;
    const w = (run.to - run.from) / dpr;
    if (w >= 4) ctx.strokeRect(x + 0.5, top + 0.5, w - 1, f.geo.barH - 1);
    if (w >= 20 && run.level >= (steps ? LEVELS - 1 : 1)) {
      ctx.fillStyle = style.onColor;
      ctx.fillText(style.letter, x + w / 2, cy + 0.5);
    }
  }
}

/** Awaits: a small notch under the bar where it gave control back, where they do not crowd. */
function drawNotches(
  ctx: CanvasRenderingContext2D,
  f: Frame,
  lane: TaskLane,
  style: TaskStyle,
  y: number,
): void {
  const { scale, model } = f;
  const steps = scale.axis === 'steps';
  const [lo, hi] = steps
    ? rangeIn(lane.suspends, Math.floor(scale.d0), Math.ceil(scale.d1))
    : rangeIn(lane.suspendTimes, scale.d0, scale.d1);
  if (hi - lo > scale.width / 4) return;
  const xOf = (s: number) => (steps ? xOfValue(scale, s) : xOfStep(model, scale, s));
  ctx.fillStyle = style.color;
  let prev = Number.NEGATIVE_INFINITY;
  for (let j = lo; j < hi; j++) {
    const x = xOf(lane.suspends[j] as number);
    const nextX = j + 1 < hi ? xOf(lane.suspends[j + 1] as number) : Number.POSITIVE_INFINITY;
    // Only notches with room on both sides: a crowd of them says nothing.
    if (x - prev >= 12 && nextX - x >= 12) notch(ctx, x, y);
    prev = x;
  }
}
