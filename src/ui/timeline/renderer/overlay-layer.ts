/** The overlay layer: the cursor at the current step and the hover line, redrawn on every step. */
import { cursorText } from '../../../trace/index.ts';
import { timeOfStep } from '../model/lanes.ts';
import { xOfValue } from '../model/scale.ts';
import { spanAt } from '../model/spans.ts';
import type { Frame } from './frame.ts';

/** The cursor at `step` (and the hover line), on the overlay canvas. */
export function drawOverlay(
  ctx: CanvasRenderingContext2D,
  f: Frame,
  step: number,
  hoverX: number | null,
): void {
  const { dpr, scale, theme, model } = f;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  if (model.steps === 0 || scale.width <= 0) return;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);

  if (hoverX !== null) {
    ctx.fillStyle = theme.muted;
    ctx.globalAlpha = 0.5;
    ctx.fillRect(Math.round(hoverX * dpr) / dpr, f.geo.axisH, 1, f.height - f.geo.axisH);
    ctx.globalAlpha = 1;
  }

  const [x0, x1] = cursorExtent(f, step);
  if (x1 < -1 || x0 > scale.width + 1) return;
  drawCursor(ctx, f, x0, x1);
  drawCursorLabel(ctx, f, step, (x0 + x1) / 2);
}

/** Where the current step is drawn: its cell (steps), its instant, or the whole blocking call. */
function cursorExtent({ scale, model }: Frame, step: number): [number, number] {
  if (scale.axis === 'steps') return [xOfValue(scale, step), xOfValue(scale, step + 1)];
  const t = timeOfStep(model, step);
  const b = spanAt(model.loop.blocked, step);
  return [
    xOfValue(scale, b >= 0 ? (model.loop.blocked.t0[b] as number) : t),
    xOfValue(scale, t) + scale.minWidth,
  ];
}

function drawCursor(ctx: CanvasRenderingContext2D, f: Frame, x0: number, x1: number): void {
  const { scale, theme } = f;
  const top = f.geo.axisH;
  const rows = f.height - f.geo.axisH;
  // What has not happened yet is veiled a little, so "now" reads at a glance.
  ctx.fillStyle = theme.veil;
  ctx.fillRect(x1 + 1, top, scale.width - x1, rows);
  ctx.fillStyle = theme.cursor;
  if (x1 - x0 >= 6) {
    // Wide enough to see: shade it, with an edge each side.
    ctx.globalAlpha = 0.16;
    ctx.fillRect(x0, top, x1 - x0, rows);
    ctx.globalAlpha = 1;
    ctx.fillRect(x0 - 1, top - 2, 1.5, rows + 2);
    ctx.fillRect(x1 - 0.5, top - 2, 1.5, rows + 2);
  } else if (scale.axis === 'time') {
    // An instant is only a couple of pixels wide: bracket it rather than cover it.
    ctx.fillRect(x0 - 2.5, top - 2, 1.5, rows + 2);
    ctx.fillRect(x1 + 1, top - 2, 1.5, rows + 2);
  } else {
    ctx.fillRect((x0 + x1) / 2 - 1, top - 2, 2, rows + 2);
  }
}

/** The step (and time) in a pill on the axis, centred over the cursor (in the cursor's colour). */
function drawCursorLabel(ctx: CanvasRenderingContext2D, f: Frame, step: number, mid: number): void {
  const { scale, theme, model } = f;
  const label = cursorText(step, scale.axis === 'steps' ? null : timeOfStep(model, step));
  ctx.font = `600 13px ${theme.font}`;
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  const w = ctx.measureText(label).width + 14;
  const h = 20;
  const lx = Math.max(0, Math.min(scale.width - w, mid - w / 2));
  const ly = (f.geo.axisH - h) / 2 - 1;
  // Hide the axis labels the pill would half cover (the tick marks stay): a cut "10" beside
  // "step 115" reads as a number of its own. A label starts up to ~36 px left of where it shows.
  const pill = ctx.fillStyle;
  ctx.fillStyle = theme.bg;
  ctx.fillRect(Math.max(0, lx - 36), 0, w + 40, f.geo.axisH - 8);
  ctx.fillStyle = pill;
  ctx.beginPath();
  ctx.roundRect(lx, ly, w, h, 5);
  ctx.fill();
  ctx.fillStyle = theme.cursorFg;
  ctx.fillText(label, lx + 7, ly + h / 2 + 0.5);
}
