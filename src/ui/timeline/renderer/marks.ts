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

type Stroke = readonly (readonly [number, number])[];
/** The strokes inside each end mark, relative to its centre. */
const CHECK: readonly Stroke[] = [
  [
    [-3.2, 0.2],
    [-0.8, 2.6],
    [3.4, -2.6],
  ],
];
const CROSS: readonly Stroke[] = [
  [
    [-3, -3],
    [3, 3],
  ],
  [
    [3, -3],
    [-3, 3],
  ],
];
const STRIKE: readonly Stroke[] = [
  [
    [-4.5, 4.5],
    [4.5, -4.5],
  ],
];

/** Done (a check mark), failed (a cross) or cancelled (a hollow circle, struck through). */
export function endMark(
  ctx: CanvasRenderingContext2D,
  x: number,
  cy: number,
  lane: TaskLane,
  theme: Theme,
): void {
  const style = taskStyle(lane.task);
  const look =
    lane.end === 'done'
      ? { fill: style.color, ring: theme.bg, ink: style.onColor, strokes: CHECK }
      : lane.end === 'failed'
        ? { fill: theme.failed, ring: theme.bg, ink: '#ffffff', strokes: CROSS }
        : { fill: theme.bg, ring: theme.cancelled, ink: theme.cancelled, strokes: STRIKE };
  ctx.beginPath();
  ctx.arc(x, cy, 7, 0, Math.PI * 2);
  ctx.lineWidth = 2;
  ctx.lineCap = 'round';
  ctx.fillStyle = look.fill;
  ctx.fill();
  ctx.strokeStyle = look.ring;
  ctx.stroke();
  ctx.beginPath();
  for (const stroke of look.strokes) {
    stroke.forEach(([dx, dy], k) => {
      if (k === 0) ctx.moveTo(x + dx, cy + dy);
      else ctx.lineTo(x + dx, cy + dy);
    });
  }
  ctx.strokeStyle = look.ink;
  ctx.stroke();
  ctx.lineCap = 'butt';
}
