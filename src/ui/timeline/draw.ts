/**
 * Canvas drawing. Two layers: the base (axis, lanes, bars, marks) is redrawn when the trace,
 * the window, the size, the scroll or the theme changes; the overlay (cursor, hover line) on
 * every step. The base is O(width × visible lanes) through per-column aggregation, so a
 * million-step trace draws as fast as a small one, and moving the cursor costs one line.
 *
 * Coordinates: the canvases are sized in device pixels (devicePixelRatio); everything here
 * converts from CSS pixels with `dpr`.
 */
import { formatCount, formatSeconds } from '../../trace/index.ts';
import { LOOP_STYLE, taskStyle } from '../task-style.ts';
import { aggregateSpans, type Run, rangeIn, runsOf } from './model/aggregate.ts';
import type { Lane } from './model/describe.ts';
import { formatTick, niceTicks } from './model/format.ts';
import type { Spans, TaskLane, TimelineModel } from './model/lanes.ts';
import { spanAt, timeAt } from './model/lanes.ts';
import { type Scale, xOfStep, xOfValue } from './model/scale.ts';

/** Layout, CSS pixels. */
export const AXIS_H = 30;
export const ROW_H = 34;
const BAR_H = 20;

/** Colours read from the `.timeline` root's CSS variables (light and dark themes). */
export interface Theme {
  readonly bg: string;
  readonly fg: string;
  readonly muted: string;
  readonly grid: string;
  readonly stripe: string;
  readonly cursor: string;
  readonly cursorFg: string;
  readonly module: string;
  readonly blocked: string;
  readonly idle: string;
  readonly failed: string;
  readonly cancelled: string;
  readonly edge: string;
  readonly veil: string;
  readonly font: string;
}

const VARS: Record<keyof Theme, string> = {
  bg: '--tl-bg',
  fg: '--tl-fg',
  muted: '--tl-muted',
  grid: '--tl-grid',
  stripe: '--tl-stripe',
  cursor: '--tl-cursor',
  cursorFg: '--tl-cursor-fg',
  module: '--tl-module',
  blocked: '--tl-blocked',
  idle: '--tl-idle',
  failed: '--tl-failed',
  cancelled: '--tl-cancelled',
  edge: '--tl-edge',
  veil: '--tl-veil',
  font: '--tl-font',
};

export function readTheme(el: Element): Theme {
  const css = getComputedStyle(el);
  const theme = {} as Record<keyof Theme, string>;
  for (const key of Object.keys(VARS) as (keyof Theme)[]) {
    theme[key] = css.getPropertyValue(VARS[key]).trim() || '#888';
  }
  return theme;
}

export interface Frame {
  readonly model: TimelineModel;
  readonly lanes: readonly Lane[];
  readonly scale: Scale;
  readonly dpr: number;
  /** Canvas height, CSS pixels. */
  readonly height: number;
  /** How far the lane rows are scrolled, CSS pixels. */
  readonly scrollTop: number;
  readonly theme: Theme;
}

/**
 * Rows: lanes[0] is the event loop's, pinned under the axis; the task lanes below it scroll.
 * Row r ≥ 1 is at y = AXIS_H + r·ROW_H − scrollTop (CSS pixels in the canvas).
 */
export const HEAD_H = AXIS_H + ROW_H;

/** Task rows visible in the frame: [first, last), first ≥ 1. */
export function visibleRows(f: Pick<Frame, 'lanes' | 'height' | 'scrollTop'>): [number, number] {
  const first = Math.max(1, Math.floor(f.scrollTop / ROW_H) + 1);
  const last = Math.min(f.lanes.length, Math.ceil((f.scrollTop + f.height - AXIS_H) / ROW_H));
  return [first, last];
}

/** The row under y in the canvas (-1: the axis, or below the last lane). */
export function rowAt(y: number, scrollTop: number, count: number): number {
  if (y < AXIS_H) return -1;
  if (y < HEAD_H) return 0;
  const r = Math.floor((y - AXIS_H + scrollTop) / ROW_H);
  return r >= 1 && r < count ? r : -1;
}

let buffer = new Float32Array(0);
function cover(spans: Spans, scale: Scale, cols: number): Float32Array {
  if (buffer.length < cols) buffer = new Float32Array(cols);
  return aggregateSpans(spans, scale, cols, buffer);
}

const LEVELS = 4;
const ALPHA = [0, 0.4, 0.6, 0.8, 1];

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
  const [first, last] = visibleRows(f);

  // Task rows: stripes, then grid lines, then contents, clipped below the pinned loop lane.
  ctx.save();
  ctx.beginPath();
  ctx.rect(0, HEAD_H, scale.width, f.height - HEAD_H);
  ctx.clip();
  for (let r = first; r < last; r++) {
    if (r % 2 === 1) {
      // Same rows as the labels' :nth-child(even).
      ctx.fillStyle = theme.stripe;
      ctx.fillRect(0, rowY(f, r), scale.width, ROW_H);
    }
  }
  ctx.fillStyle = theme.grid;
  for (const t of ticks.list) ctx.fillRect(Math.round(t.x * dpr) / dpr, HEAD_H, 1 / dpr, f.height);
  if (scale.axis === 'time') drawBlockedBands(ctx, f);
  for (let r = first; r < last; r++) {
    const lane = f.lanes[r] as Lane;
    if (lane.kind === 'task') drawTaskLane(ctx, f, lane, rowY(f, r));
  }
  ctx.restore();

  // The loop's lane, always in view.
  ctx.save();
  ctx.beginPath();
  ctx.rect(0, AXIS_H, scale.width, ROW_H);
  ctx.clip();
  ctx.fillStyle = theme.bg;
  ctx.fillRect(0, AXIS_H, scale.width, ROW_H);
  ctx.fillStyle = theme.grid;
  for (const t of ticks.list) ctx.fillRect(Math.round(t.x * dpr) / dpr, AXIS_H, 1 / dpr, ROW_H);
  if (f.lanes[0]?.kind === 'loop') drawLoopLane(ctx, f, AXIS_H);
  ctx.restore();
  ctx.fillStyle = theme.grid;
  ctx.fillRect(0, HEAD_H - 1, scale.width, 1);

  drawAxis(ctx, f, ticks);
}

function rowY(f: Pick<Frame, 'scrollTop'>, r: number): number {
  return r === 0 ? AXIS_H : AXIS_H + r * ROW_H - f.scrollTop;
}

interface Tick {
  readonly x: number;
  readonly label: string;
}

function axisTicks(scale: Scale): { list: Tick[] } {
  const minGap = ((scale.d1 - scale.d0) * 90) / scale.width;
  const integer = scale.axis === 'steps';
  const { spacing, ticks } = niceTicks(scale.d0, scale.d1, minGap, integer);
  return {
    list: ticks.map((v) =>
      scale.axis === 'steps'
        ? { x: xOfValue(scale, v + 0.5), label: formatCount(v) }
        : { x: xOfValue(scale, v), label: formatTick(v, spacing) },
    ),
  };
}

function drawAxis(ctx: CanvasRenderingContext2D, f: Frame, ticks: { list: Tick[] }): void {
  const { theme, scale } = f;
  ctx.fillStyle = theme.bg;
  ctx.fillRect(0, 0, scale.width, AXIS_H);
  ctx.fillStyle = theme.grid;
  ctx.fillRect(0, AXIS_H - 1, scale.width, 1);
  ctx.font = `13px ${theme.font}`;
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  for (const t of ticks.list) {
    ctx.fillStyle = theme.muted;
    ctx.fillRect(t.x, AXIS_H - 7, 1, 6);
    if (t.x + 3 < scale.width - 20) ctx.fillText(t.label, t.x + 4, AXIS_H / 2 - 2);
  }
}

/** Bars of a span list, as runs of aggregated columns. */
function drawRuns(
  ctx: CanvasRenderingContext2D,
  f: Frame,
  spans: Spans,
  color: string,
  y: number,
  h: number,
  shaded: boolean,
): Run[] {
  const { dpr, scale } = f;
  const cols = Math.round(scale.width * dpr);
  const runs = runsOf(cover(spans, scale, cols), cols, shaded ? LEVELS : 1);
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

function drawTaskLane(ctx: CanvasRenderingContext2D, f: Frame, lane: TaskLane, y: number): void {
  const { scale, model, theme, dpr } = f;
  const style = taskStyle(lane.task);
  const cy = y + ROW_H / 2;
  const steps = scale.axis === 'steps';

  // Lifetime: a thin line while the task exists but waits, so waiting reads as a gap in the bar.
  // It runs from the creation step to the task-done step (or the end of the trace).
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

  const top = cy - BAR_H / 2;
  const runs = drawRuns(ctx, f, lane.held, style.color, top, BAR_H, steps);

  // An outline keeps light colours (yellow, sky blue) readable on a light background.
  ctx.strokeStyle = theme.edge;
  ctx.lineWidth = 1;
  ctx.font = `600 12px ${theme.font}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  for (const run of runs) {
    const x = run.from / dpr;
    const w = (run.to - run.from) / dpr;
    if (w >= 4) ctx.strokeRect(x + 0.5, top + 0.5, w - 1, BAR_H - 1);
    if (w >= 20 && run.level >= (steps ? LEVELS - 1 : 1)) {
      ctx.fillStyle = style.onColor;
      ctx.fillText(style.letter, x + w / 2, cy + 0.5);
    }
  }

  // Awaits: a small notch under the bar where it gave control back, where they do not crowd.
  const [lo, hi] = steps
    ? rangeIn(lane.suspends, Math.floor(scale.d0), Math.ceil(scale.d1))
    : rangeIn(lane.suspendTimes, scale.d0, scale.d1);
  if (hi - lo <= scale.width / 4) {
    ctx.fillStyle = style.color;
    let prev = Number.NEGATIVE_INFINITY;
    for (let j = lo; j < hi; j++) {
      const s = lane.suspends[j] as number;
      const x = steps ? xOfValue(scale, s) : xOfStep(model, scale, s);
      const next = j + 1 < hi ? (lane.suspends[j + 1] as number) : null;
      const nextX =
        next === null
          ? Number.POSITIVE_INFINITY
          : steps
            ? xOfValue(scale, next)
            : xOfStep(model, scale, next);
      // Only notches with room on both sides: a crowd of them says nothing.
      if (x - prev < 12 || nextX - x < 12) {
        prev = x;
        continue;
      }
      notch(ctx, x, top + BAR_H + 1.5);
      prev = x;
    }
  }

  // Marks sit just outside the lifetime, so they never hide a bar: created on the left,
  // done / failed / cancelled on the right.
  if (xa >= -8 && xa <= scale.width + 12) createdMark(ctx, xa - 6, cy, style.color, theme.bg);
  if (lane.doneAt !== null && xb >= -16 && xb <= scale.width + 8) {
    endMark(ctx, xb + 8, cy, lane, theme);
  }
}

function notch(ctx: CanvasRenderingContext2D, x: number, y: number): void {
  ctx.beginPath();
  ctx.moveTo(x - 4, y + 5);
  ctx.lineTo(x + 4, y + 5);
  ctx.lineTo(x, y);
  ctx.closePath();
  ctx.fill();
}

function createdMark(
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

function endMark(
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

function drawLoopLane(ctx: CanvasRenderingContext2D, f: Frame, y: number): void {
  const { scale, model, theme } = f;
  const loop = model.loop;
  const cy = y + ROW_H / 2;
  const top = cy - BAR_H / 2;
  const steps = scale.axis === 'steps';

  if (!steps) {
    // Idle: the clock jumped because nothing was ready. A dashed line, labelled when it is wide.
    const [lo, hi] = rangeIn(loop.idle.t1, scale.d0, Number.POSITIVE_INFINITY);
    const end = Math.min(hi, lo + 2000);
    ctx.strokeStyle = theme.idle;
    ctx.fillStyle = theme.muted;
    ctx.lineWidth = 2;
    ctx.setLineDash([4, 4]);
    ctx.font = `12px ${theme.font}`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    for (let j = lo; j < end; j++) {
      const t0 = loop.idle.t0[j] as number;
      if (t0 > scale.d1) break;
      const x0 = xOfValue(scale, t0) + scale.minWidth;
      const x1 = xOfValue(scale, loop.idle.t1[j] as number);
      if (x1 - x0 < 6) continue;
      ctx.beginPath();
      ctx.moveTo(x0 + 2, cy);
      ctx.lineTo(x1 - 2, cy);
      ctx.stroke();
      const label = `idle ${formatSeconds((loop.idle.t1[j] as number) - t0)} s`;
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
    }
    ctx.setLineDash([]);
  }

  drawRuns(ctx, f, loop.module, theme.module, top, BAR_H, steps);
  drawRuns(ctx, f, loop.held, LOOP_STYLE.color, top, BAR_H, steps);

  // Blocked: the clock ran inside one step while nothing else could run.
  // On the steps axis a blocking call is one step: full height while a step is a few pixels
  // wide, a short tick when zoomed out (hundreds of them would stripe the whole lane).
  const stepPx = scale.width / (scale.d1 - scale.d0);
  if (!steps || stepPx >= 3) drawRuns(ctx, f, loop.blocked, theme.blocked, y + 3, ROW_H - 6, false);
  else drawRuns(ctx, f, loop.blocked, theme.blocked, y + ROW_H - 9, 6, false);
  if (!steps) {
    ctx.font = `600 12px ${theme.font}`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillStyle = '#ffffff';
    const [lo, hi] = rangeIn(loop.blocked.t1, scale.d0, Number.POSITIVE_INFINITY);
    for (let j = lo; j < Math.min(hi, lo + 500); j++) {
      const t0 = loop.blocked.t0[j] as number;
      if (t0 > scale.d1) break;
      const x0 = Math.max(0, xOfValue(scale, t0));
      const x1 = Math.min(scale.width, xOfValue(scale, loop.blocked.t1[j] as number));
      const label = `blocked: ${loop.blockBy[j] ?? 'a blocking call'}`;
      if (x1 - x0 > ctx.measureText(label).width + 12) ctx.fillText(label, (x0 + x1) / 2, cy);
    }
  }
}

/** On the time axis, a faint band across every lane while a blocking call holds the loop. */
function drawBlockedBands(ctx: CanvasRenderingContext2D, f: Frame): void {
  const { dpr, scale, theme } = f;
  const cols = Math.round(scale.width * dpr);
  const runs = runsOf(cover(f.model.loop.blocked, scale, cols), cols, 1);
  ctx.save();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.globalAlpha = 0.1;
  ctx.fillStyle = theme.blocked;
  for (const run of runs) {
    // Only where it is wide enough to matter; thin ones would stripe the whole picture.
    if (run.to - run.from < 12 * dpr) continue;
    ctx.fillRect(run.from, AXIS_H * dpr, run.to - run.from, f.height * dpr);
  }
  ctx.restore();
}

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
    ctx.fillRect(Math.round(hoverX * dpr) / dpr, AXIS_H, 1, f.height - AXIS_H);
    ctx.globalAlpha = 1;
  }

  // Where the current step is drawn: its cell (steps), its instant, or the whole blocking call.
  let x0: number;
  let x1: number;
  if (scale.axis === 'steps') {
    x0 = xOfValue(scale, step);
    x1 = xOfValue(scale, step + 1);
  } else {
    const t = timeAt(model, step);
    const b = spanAt(model.loop.blocked, step);
    x0 = xOfValue(scale, b >= 0 ? (model.loop.blocked.t0[b] as number) : t);
    x1 = xOfValue(scale, t) + scale.minWidth;
  }
  if (x1 < -1 || x0 > scale.width + 1) return;
  const top = AXIS_H;
  const rows = f.height - AXIS_H;
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

  const label =
    scale.axis === 'steps'
      ? `step ${formatCount(step)}`
      : `${formatSeconds(timeAt(model, step))} s · step ${formatCount(step)}`;
  ctx.font = `600 13px ${theme.font}`;
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  const w = ctx.measureText(label).width + 14;
  const h = 20;
  const lx = Math.max(0, Math.min(scale.width - w, (x0 + x1) / 2 - w / 2));
  const ly = (AXIS_H - h) / 2 - 1;
  ctx.beginPath();
  ctx.roundRect(lx, ly, w, h, 5);
  ctx.fill();
  ctx.fillStyle = theme.cursorFg;
  ctx.fillText(label, lx + 7, ly + h / 2 + 0.5);
}
