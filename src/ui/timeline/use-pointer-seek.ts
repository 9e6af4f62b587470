/**
 * Seeking with the pointer: a click on a bar goes to a step of that bar (the nearest one),
 * elsewhere to the step under the pointer; a drag scrubs. Also tracks the hover point, for the
 * hover line and the tooltip.
 */
import { type PointerEvent, useRef, useState } from 'react';
import { firstSpanIn } from './model/aggregate.ts';
import type { TimelineRow } from './model/describe.ts';
import type { Spans, TimelineModel } from './model/lanes.ts';
import { type Scale, stepAtX, valueOfX } from './model/scale.ts';
import { type LaneGeometry, ROOMY, rowAt } from './renderer/frame.ts';

/** Pointer over the plot: x, y in the plot; cx, cy in the viewport (for the tooltip). */
export interface Hover {
  readonly x: number;
  readonly y: number;
  readonly cx: number;
  readonly cy: number;
}

const SEEK_SLOP_PX = 4;
/** How far the pointer moves before a press becomes a drag. */
const DRAG_PX = 3;

/** The step a click at x on `row` goes to: within a bar it hits (the nearest), else by x. */
export function clickStep(model: TimelineModel, scale: Scale, row: TimelineRow | null, x: number) {
  const byX = stepAtX(model, scale, x);
  if (!row) return byX;
  const v0 = valueOfX(scale, x - SEEK_SLOP_PX);
  const v1 = valueOfX(scale, x + SEEK_SLOP_PX);
  const instant = (scale.minWidth / scale.width) * (scale.d1 - scale.d0);
  const lists: Spans[] =
    row.kind === 'loop' ? [row.held, row.module] : row.kind === 'thread' ? [row.busy] : [row.held];
  for (const spans of lists) {
    const i = firstSpanIn(spans, scale.axis, v0, v1, scale.axis === 'time' ? instant : 0);
    if (i >= 0) {
      const a = spans.start[i] as number;
      const b = (spans.end[i] as number) - 1;
      return Math.max(a, Math.min(b, byX));
    }
  }
  return byX;
}

function pointIn(e: PointerEvent<HTMLElement>) {
  const rect = e.currentTarget.getBoundingClientRect();
  return { x: e.clientX - rect.left, y: e.clientY - rect.top };
}

export function usePointerSeek(
  model: TimelineModel,
  lanes: readonly TimelineRow[],
  scale: Scale,
  scrollTop: number,
  onSeek: (step: number) => void,
  geo: LaneGeometry = ROOMY,
) {
  const [hover, setHover] = useState<Hover | null>(null);
  const drag = useRef<{ x: number; moved: boolean } | null>(null);

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0 || model.steps === 0) return;
    const p = pointIn(e);
    e.currentTarget.setPointerCapture?.(e.pointerId);
    e.currentTarget.focus();
    drag.current = { x: p.x, moved: false };
    const row = lanes[rowAt(p.y, scrollTop, lanes.length, geo)] ?? null;
    onSeek(clickStep(model, scale, row, p.x));
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const p = pointIn(e);
    const d = drag.current;
    if (d) {
      if (!d.moved && Math.abs(p.x - d.x) > DRAG_PX) d.moved = true;
      if (d.moved) onSeek(stepAtX(model, scale, Math.max(0, Math.min(scale.width, p.x))));
    }
    if (e.pointerType !== 'touch') setHover({ ...p, cx: e.clientX, cy: e.clientY });
  };
  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    drag.current = null;
    e.currentTarget.releasePointerCapture?.(e.pointerId);
  };
  return {
    hover,
    handlers: {
      onPointerDown,
      onPointerMove,
      onPointerUp,
      onPointerCancel: onPointerUp,
      onPointerLeave: () => setHover(null),
    },
  };
}
