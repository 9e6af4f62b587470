/** The small marks on a task's lane: created, each await, and how it ended. */
import { taskStyle } from '../../task-style.ts';
import type { TaskLane } from '../model/lanes.ts';
import type { Theme } from './theme.ts';

/** An await: a small notch under the bar where the task gave control back. */
export function notch(ctx: CanvasRenderingContext2D, x: number, y: number): void {
  ctx.beginPath();
  ctx.moveTo(x - 4, y + 5);
  ctx.lineTo(x + 4, y + 5);
  ctx.lineTo(x, y);
  ctx.closePath();
  ctx.fill();
}

export function createdMark(
  ctx: CanvasRenderingContext2D,
  x: number,
  cy: number,
  color: string,
  bg: string,
): void {
  ctx.beginPath();
  ctx.arc(x, cy, 5, 0, Math.PI * 2);
  ctx.fillStyle = bg;
  ctx.fill();
  ctx.lineWidth = 2;
  ctx.strokeStyle = color;
  ctx.stroke();
}

/** Done (a check mark), failed (a cross) or cancelled (a hollow circle, struck through). */
export function endMark(
  ctx: CanvasRenderingContext2D,
  x: number,
  cy: number,
  lane: TaskLane,
  theme: Theme,
): void {
  const style = taskStyle(lane.task);
  const r = 7;
  ctx.beginPath();
  ctx.arc(x, cy, r, 0, Math.PI * 2);
  ctx.lineWidth = 2;
  ctx.lineCap = 'round';
  if (lane.end === 'done') {
    ctx.fillStyle = style.color;
    ctx.fill();
    ctx.strokeStyle = theme.bg;
    ctx.stroke();
    // A check mark.
    ctx.beginPath();
    ctx.moveTo(x - 3.2, cy + 0.2);
    ctx.lineTo(x - 0.8, cy + 2.6);
    ctx.lineTo(x + 3.4, cy - 2.6);
    ctx.strokeStyle = style.onColor;
    ctx.stroke();
  } else if (lane.end === 'failed') {
    ctx.fillStyle = theme.failed;
    ctx.fill();
    ctx.strokeStyle = theme.bg;
    ctx.stroke();
    ctx.beginPath();
    ctx.moveTo(x - 3, cy - 3);
    ctx.lineTo(x + 3, cy + 3);
    ctx.moveTo(x + 3, cy - 3);
    ctx.lineTo(x - 3, cy + 3);
    ctx.strokeStyle = '#ffffff';
    ctx.stroke();
  } else {
    // Cancelled: a hollow circle, struck through.
    ctx.fillStyle = theme.bg;
    ctx.fill();
    ctx.strokeStyle = theme.cancelled;
    ctx.stroke();
    ctx.beginPath();
    ctx.moveTo(x - 4.5, cy + 4.5);
    ctx.lineTo(x + 4.5, cy - 4.5);
    ctx.stroke();
  }
  ctx.lineCap = 'butt';
}
