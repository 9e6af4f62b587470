/**
 * The timeline: a swimlane per task plus one for the event loop, bars where each held control,
 * marks where tasks were created, awaited and finished; x by step or by virtual time. Click or
 * drag to seek; the cursor shows the current step.
 *
 * Props in, callbacks out: the component keeps only view state (zoom window, hover, scroll), each
 * in its hook. Drawing is on two canvases (renderer/); the lane model is built once per trace
 * (model/lanes.ts).
 */
import { type CSSProperties, useMemo, useRef, useState } from 'react';
import { clockText, stepOf, type Trace } from '../../trace/index.ts';
import { useElementWidth } from '../layout/use-element-size.ts';
import { HScrollBar } from './HScrollBar.tsx';
import { LabelColumn } from './LaneLabels.tsx';
import { LaneTooltip } from './LaneTooltip.tsx';
import { buildTimeline } from './model/build-timeline.ts';
import type { TimelineRow } from './model/describe.ts';
import { positionText } from './model/format.ts';
import { holderAt, timeOfStep } from './model/lanes.ts';
import type { Axis } from './model/scale.ts';
import { type LaneGeometry, ROOMY } from './renderer/frame.ts';
import { TimelineBar } from './TimelineBar.tsx';
import { useCanvasLayers } from './use-canvas-layers.ts';
import { lanesView, useLanesRoom } from './use-lanes-room.ts';
import { usePointerSeek } from './use-pointer-seek.ts';
import { useRowScroll } from './use-row-scroll.ts';
import { useTimelineKeys } from './use-timeline-keys.ts';
import { useZoomWindow } from './use-zoom-window.ts';
import './timeline.css';

export interface TimelineProps {
  readonly trace: Trace;
  /** The current step (the cursor). */
  readonly step: number;
  /** Called with the step to move to (click, drag, keyboard). */
  onSeek(step: number): void;
  /** The x axis; uncontrolled (starting at 'steps') when absent. */
  readonly axis?: Axis;
  onAxisChange?(axis: Axis): void;
  /** Show lanes for asyncio's own tasks (coroutines not defined in the program). */
  readonly showInternal?: boolean;
  /** The room for the whole timeline (its bar included), CSS pixels: the lanes get what is left. */
  readonly height?: number;
}

export function Timeline(props: TimelineProps) {
  const { trace, step, onSeek, showInternal = false, height = 280 } = props;
  const [axis, chooseAxis] = useAxis(props);
  const { model, lanes, last, cur, time, holder } = useTimelineModel(trace, step, showInternal);

  const rootRef = useRef<HTMLElement>(null);
  const plotRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(plotRef);
  const zoom = useZoomWindow(model, axis, width, cur, plotRef);
  const { geo, room } = useLanesRoom(rootRef, height, lanes.length);
  const rows = useRowScroll(holder ? lanes.indexOf(holder) : -1, geo);
  const { scale } = zoom;
  const { scrollTop } = rows;
  const seek = usePointerSeek(model, lanes, scale, scrollTop, onSeek, geo);
  const onKeyDown = useTimelineKeys(cur, model.steps, onSeek, zoom.zoomBy);
  const rowsHeight = lanes.length * geo.rowH;
  const viewHeight = lanesView(geo, rowsHeight, room);
  const canvases = useCanvasLayers({
    rootRef,
    model,
    lanes,
    scale,
    height: viewHeight,
    scrollTop,
    geo,
    cur,
    hoverX: seek.hover?.x ?? null,
  });

  return (
    <section ref={rootRef} className="timeline" aria-label="Timeline">
      <TimelineBar
        axis={axis}
        onAxis={chooseAxis}
        zoomed={zoom.zoomed}
        canZoomIn={model.steps >= 2}
        zoomBy={zoom.zoomBy}
        onShowAll={() => zoom.setWindow(null)}
        readout={model.steps === 0 ? 'No steps' : readout(cur, last, time)}
        timeless={axis === 'time' && model.steps > 0 && model.endTime === 0}
      />
      <div
        ref={rows.scrollRef}
        className="timeline__scroll"
        data-lanes-view=""
        style={{ maxHeight: viewHeight }}
        onScroll={rows.onScroll}
      >
        <div className="timeline__rows" {...rowsProps(geo, rowsHeight)}>
          <LabelColumn
            lanes={lanes}
            active={model.steps > 0 ? (holder ?? model.loop) : null}
            hiddenCount={model.tasks.filter((t) => !showInternal && !t.user).length}
          />
          <div
            ref={plotRef}
            className="timeline__plot"
            style={{ height: viewHeight }}
            role="slider"
            tabIndex={0}
            aria-label="Timeline position"
            aria-orientation="horizontal"
            aria-valuemin={0}
            aria-valuemax={last}
            aria-valuenow={cur}
            aria-valuetext={positionText(cur, last, time)}
            {...seek.handlers}
            onKeyDown={onKeyDown}
          >
            {/* A slider's content is presentational: the canvases need no text of their own. */}
            <canvas ref={canvases.baseRef} className="timeline__canvas" />
            <canvas ref={canvases.overlayRef} className="timeline__canvas" />
          </div>
        </div>
      </div>
      {zoom.zoomed && <HScrollBar scale={scale} full={zoom.full} setWindow={zoom.setWindow} />}
      <LaneTooltip {...{ trace, model, lanes, scale, scrollTop, geo }} hover={seek.hover} />
    </section>
  );
}

const readout = (cur: number, last: number, time: number) =>
  `${stepOf(cur, last)} · ${clockText(time)}`;

/** The lane model of the trace, the lanes shown, and the cursor clamped to the trace. */
function useTimelineModel(trace: Trace, step: number, showInternal: boolean) {
  const model = useMemo(() => buildTimeline(trace), [trace]);
  const lanes = useMemo<readonly TimelineRow[]>(
    () => [
      model.loop,
      ...model.tasks.filter((t) => showInternal || t.user),
      ...model.threads.filter((t) => showInternal || t.user),
    ],
    [model, showInternal],
  );
  const last = Math.max(0, model.steps - 1);
  const cur = Math.max(0, Math.min(last, Math.round(step)));
  const time = timeOfStep(model, cur);
  const holder = useMemo(() => holderAt(model, cur), [model, cur]);
  return { model, lanes, last, cur, time, holder };
}

/** The x axis: controlled by the `axis` prop when given, else the component's own. */
function useAxis({ axis: axisProp, onAxisChange }: TimelineProps): [Axis, (next: Axis) => void] {
  const [ownAxis, setOwnAxis] = useState<Axis>('steps');
  const chooseAxis = (next: Axis) => {
    if (axisProp === undefined) setOwnAxis(next);
    onAxisChange?.(next);
  };
  return [axisProp ?? ownAxis, chooseAxis];
}

/** The rows' height, and the lanes' heights for the labels' CSS (--tl-axis-h, --tl-row-h). */
function rowsProps(geo: LaneGeometry, rowsHeight: number) {
  const style = {
    height: geo.axisH + rowsHeight,
    '--tl-axis-h': `${geo.axisH}px`,
    '--tl-row-h': `${geo.rowH}px`,
  } as CSSProperties;
  return { style, 'data-compact': geo === ROOMY ? undefined : 'true' };
}
