/**
 * A thread's lane: a bar while it runs a function, paler where it sleeps or blocks inside it.
 * Drawn beside the task lanes so that the picture shows the loop's own lane staying free (other
 * tasks' bars keep coming) while the thread's bar runs on.
 */
import type { ThreadLane } from '../model/lanes.ts';
import type { Frame } from './frame.ts';
import { drawRuns } from './runs.ts';

export function drawThreadLane(
  ctx: CanvasRenderingContext2D,
  f: Frame,
  lane: ThreadLane,
  y: number,
): void {
  const { theme } = f;
  const top = y + f.geo.rowH / 2 - f.geo.barH / 2;
  const runs = drawRuns(ctx, f, lane.busy, theme.thread, top, f.geo.barH, false);
  // Sleeping inside the function: the bar goes hollow (the thread waits; the loop does not).
  drawRuns(ctx, f, lane.sleeps, theme.bg, top + 3, f.geo.barH - 6, false);
  ctx.strokeStyle = theme.thread;
  ctx.lineWidth = 1;
  for (const run of runs) {
    const w = (run.to - run.from) / f.dpr;
    if (w >= 4) ctx.strokeRect(run.from / f.dpr + 0.5, top + 0.5, w - 1, f.geo.barH - 1);
  }
}
