/** What the lane under the pointer did there, in words, beside the pointer. */
import { useMemo } from 'react';
import type { Trace } from '../../trace/index.ts';
import { describeLane, type TimelineRow } from './model/describe.ts';
import type { TimelineModel } from './model/lanes.ts';
import { type Scale, stepsInX, valueOfX } from './model/scale.ts';
import { type LaneGeometry, ROOMY, rowAt } from './renderer/frame.ts';
import type { Hover } from './use-pointer-seek.ts';

export interface LaneTooltipProps {
  readonly trace: Trace;
  readonly model: TimelineModel;
  readonly lanes: readonly TimelineRow[];
  readonly scale: Scale;
  readonly scrollTop: number;
  readonly geo?: LaneGeometry;
  readonly hover: Hover | null;
}

export function LaneTooltip(props: LaneTooltipProps) {
  const { trace, model, lanes, scale, scrollTop, hover, geo = ROOMY } = props;
  const tip = useMemo(() => {
    if (!hover || scale.width <= 0) return null;
    const lane = lanes[rowAt(hover.y, scrollTop, lanes.length, geo)];
    if (!lane) return null;
    const x0 = Math.floor(hover.x);
    const probe = {
      axis: scale.axis,
      v0: valueOfX(scale, x0),
      v1: valueOfX(scale, x0 + 1),
      instant: scale.axis === 'time' ? (scale.minWidth / scale.width) * (scale.d1 - scale.d0) : 0,
      steps: stepsInX(model, scale, x0, x0 + 1),
    };
    return describeLane(trace, model, lane, probe);
  }, [hover, lanes, scrollTop, geo, scale, model, trace]);
  if (!tip || !hover) return null;
  return (
    <div
      className="timeline__tooltip"
      aria-hidden="true"
      // Fixed, so that no scrolling or clipping container cuts it; flipped near the edges.
      style={{
        left: hover.cx + 16,
        top: hover.cy + 18,
        transform: `translate(${hover.cx > window.innerWidth - 340 ? 'calc(-100% - 32px)' : '0'}, ${
          hover.cy > window.innerHeight - 140 ? 'calc(-100% - 36px)' : '0'
        })`,
      }}
    >
      <strong>{tip.title}</strong>
      {tip.lines.map((line) => (
        <span key={line}>{line}</span>
      ))}
    </div>
  );
}
