/** The axis along the top: ticks at round steps or round times, with their labels. */
import { formatCount } from '../../../trace/index.ts';
import { formatTick, niceTicks } from '../model/format.ts';
import { type Scale, xOfValue } from '../model/scale.ts';
import type { Frame } from './frame.ts';

export interface Tick {
  readonly x: number;
  readonly label: string;
}

export function axisTicks(scale: Scale): { list: Tick[] } {
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

export function drawAxis(ctx: CanvasRenderingContext2D, f: Frame, ticks: { list: Tick[] }): void {
  const { theme, scale } = f;
  ctx.fillStyle = theme.bg;
  ctx.fillRect(0, 0, scale.width, f.geo.axisH);
  ctx.fillStyle = theme.grid;
  ctx.fillRect(0, f.geo.axisH - 1, scale.width, 1);
  ctx.font = `13px ${theme.font}`;
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  for (const t of ticks.list) {
    ctx.fillStyle = theme.muted;
    ctx.fillRect(t.x, f.geo.axisH - 7, 1, 6);
    if (t.x + 3 < scale.width - 20) ctx.fillText(t.label, t.x + 4, f.geo.axisH / 2 - 2);
  }
}
