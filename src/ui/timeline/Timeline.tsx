/**
 * The timeline: a swimlane per task plus one for the event loop, bars where each held control,
 * marks where tasks were created, awaited and finished; x by step or by virtual time. Click or
 * drag to seek; the cursor shows the current step.
 *
 * Props in, callbacks out: the component keeps only view state (zoom window, hover, scroll).
 * Drawing is on two canvases (see draw.ts); the lane model is built once per trace (lanes.ts).
 */
import {
  type KeyboardEvent,
  memo,
  type PointerEvent,
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { Trace } from '../../trace/index.ts';
import { LOOP_STYLE, taskStyle } from '../task-style.ts';
import {
  AXIS_H,
  drawBase,
  drawOverlay,
  type Frame,
  ROW_H,
  readTheme,
  rowAt,
  type Theme,
} from './draw.ts';
import { firstSpanIn } from './model/aggregate.ts';
import { describeLane, type Lane, laneSummary } from './model/describe.ts';
import { formatStep, formatTime, positionText } from './model/format.ts';
import { buildTimeline, holderAt, type Spans, type TimelineModel, timeAt } from './model/lanes.ts';
import {
  type Axis,
  fullDomain,
  MIN_INSTANT_PX,
  minSpan,
  panScale,
  type Scale,
  stepAtX,
  stepsInX,
  valueOfX,
  xOfStep,
  zoomScale,
} from './model/scale.ts';
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
  /** Maximum height of the lanes area with its axis, CSS pixels. */
  readonly height?: number;
}

interface Hover {
  readonly x: number;
  readonly y: number;
  readonly cx: number;
  readonly cy: number;
}

type Window = readonly [number, number] | null;
interface Windows {
  readonly model: TimelineModel | null;
  readonly steps: Window;
  readonly time: Window;
}

const ZOOM_STEP = 2;
const SEEK_SLOP_PX = 4;

export function Timeline({
  trace,
  step,
  onSeek,
  axis: axisProp,
  onAxisChange,
  showInternal = false,
  height = 280,
}: TimelineProps) {
  const [ownAxis, setOwnAxis] = useState<Axis>('steps');
  const axis = axisProp ?? ownAxis;
  const model = useMemo(() => buildTimeline(trace), [trace]);
  const lanes = useMemo<readonly Lane[]>(
    () => [model.loop, ...model.tasks.filter((t) => showInternal || t.user)],
    [model, showInternal],
  );
  const hiddenCount = model.tasks.length - (lanes.length - 1);
  const last = Math.max(0, model.steps - 1);
  const cur = Math.max(0, Math.min(last, Math.round(step)));
  const time = timeAt(model, cur);

  const rootRef = useRef<HTMLElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const plotRef = useRef<HTMLDivElement>(null);
  const baseRef = useRef<HTMLCanvasElement>(null);
  const overlayRef = useRef<HTMLCanvasElement>(null);
  const hscrollRef = useRef<HTMLDivElement>(null);

  const [width, setWidth] = useState(0);
  const [scrollTop, setScrollTop] = useState(0);
  const [themeVersion, setThemeVersion] = useState(0);
  /** Pointer over the plot: x, y in the plot; cx, cy in the viewport (for the tooltip). */
  const [hover, setHover] = useState<Hover | null>(null);
  const [windows, setWindows] = useState<Windows>({ model: null, steps: null, time: null });

  // Size: the plot's CSS width.
  useLayoutEffect(() => {
    const plot = plotRef.current;
    if (!plot) return;
    setWidth(plot.clientWidth);
    const observer = new ResizeObserver(() => setWidth(plot.clientWidth));
    observer.observe(plot);
    return () => observer.disconnect();
  }, []);

  // Redraw when the colour scheme flips or the window moves to a screen of another density.
  const [dprNow, setDprNow] = useState(() =>
    typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1,
  );
  useEffect(() => {
    const scheme = window.matchMedia?.('(prefers-color-scheme: dark)');
    const density = window.matchMedia?.(`(resolution: ${dprNow}dppx)`);
    const changed = () => setThemeVersion((v) => v + 1);
    const moved = () => setDprNow(window.devicePixelRatio || 1);
    scheme?.addEventListener('change', changed);
    density?.addEventListener('change', moved);
    return () => {
      scheme?.removeEventListener('change', changed);
      density?.removeEventListener('change', moved);
    };
  }, [dprNow]);

  const full = useMemo(() => fullDomain(model, axis, width), [model, axis, width]);
  const win = windows.model === model ? windows[axis] : null;
  const zoomed = win !== null;
  const scale = useMemo<Scale>(
    () => ({
      axis,
      d0: win ? win[0] : full[0],
      d1: win ? win[1] : full[1],
      width,
      minWidth: MIN_INSTANT_PX,
    }),
    [axis, win, full, width],
  );
  const setWindow = useCallback(
    (next: Scale | null) => {
      setWindows((w) => {
        const base: Windows = w.model === model ? w : { model, steps: null, time: null };
        const full = fullDomain(model, axis, next?.width);
        const value: Window =
          next === null || (next.d0 <= full[0] && next.d1 >= full[1]) ? null : [next.d0, next.d1];
        return { ...base, [axis]: value };
      });
    },
    [model, axis],
  );

  const rowsHeight = lanes.length * ROW_H;
  const viewHeight = Math.max(AXIS_H + ROW_H, Math.min(height, AXIS_H + rowsHeight));

  // What the canvases show, but the colours: those are read from the CSS in the effects (the
  // DOM is only there after render), once per theme.
  const spec = useMemo<Omit<Frame, 'theme'> | null>(
    () => (width > 0 ? { model, lanes, scale, dpr: dprNow, height: viewHeight, scrollTop } : null),
    [model, lanes, scale, viewHeight, scrollTop, width, dprNow],
  );
  const themeCache = useRef<{ version: number; theme: Theme } | null>(null);
  const frameOf = useCallback(
    (s: Omit<Frame, 'theme'>): Frame | null => {
      const root = rootRef.current;
      if (!root) return null;
      if (themeCache.current?.version !== themeVersion) {
        themeCache.current = { version: themeVersion, theme: readTheme(root) };
      }
      return { ...s, theme: themeCache.current.theme };
    },
    [themeVersion],
  );

  // Base layer: only when the picture (not the cursor) changes.
  useLayoutEffect(() => {
    const canvas = baseRef.current;
    const overlay = overlayRef.current;
    const frame = spec && frameOf(spec);
    if (!frame || !canvas || !overlay) return;
    const w = Math.round(frame.scale.width * frame.dpr);
    const h = Math.round(frame.height * frame.dpr);
    for (const c of [canvas, overlay]) {
      if (c.width !== w) c.width = w;
      if (c.height !== h) c.height = h;
    }
    const ctx = canvas.getContext('2d');
    if (ctx) drawBase(ctx, frame);
  }, [spec, frameOf]);

  // Overlay: the cursor and hover line, on every step.
  useLayoutEffect(() => {
    const overlay = overlayRef.current;
    const frame = spec && frameOf(spec);
    if (!frame || !overlay) return;
    const ctx = overlay.getContext('2d');
    if (ctx) drawOverlay(ctx, frame, cur, hover?.x ?? null);
  }, [spec, frameOf, cur, hover]);

  // Follow the cursor when zoomed in and it leaves the window (playback, keyboard).
  const scaleRef = useRef(scale);
  scaleRef.current = scale;
  useEffect(() => {
    const s = scaleRef.current;
    if (!zoomed || s.width <= 0) return;
    const x = xOfStep(model, s, cur);
    if (x >= 0 && x <= s.width) return;
    setWindow(panScale(s, full, valueOfX(s, x) - valueOfX(s, s.width / 2)));
  }, [cur, model, zoomed, full, setWindow]);

  // Horizontal scrollbar (when zoomed): its position mirrors the window.
  const span = scale.d1 - scale.d0;
  const fullSpan = full[1] - full[0];
  const spacer = Math.min(4_000_000, width * (fullSpan / span));
  useLayoutEffect(() => {
    const bar = hscrollRef.current;
    if (!bar || !zoomed) return;
    const room = bar.scrollWidth - bar.clientWidth;
    const want = fullSpan > span ? ((scale.d0 - full[0]) / (fullSpan - span)) * room : 0;
    if (Math.abs(bar.scrollLeft - want) > 1) bar.scrollLeft = want;
  }, [zoomed, scale.d0, span, fullSpan, full]);
  const onHScroll = () => {
    const bar = hscrollRef.current;
    if (!bar) return;
    const room = bar.scrollWidth - bar.clientWidth;
    if (room <= 0) return;
    const d0 = full[0] + (bar.scrollLeft / room) * (fullSpan - span);
    if (Math.abs(d0 - scale.d0) > span / Math.max(1, width) / 2) {
      setWindow(panScale(scale, full, d0 - scale.d0));
    }
  };

  const zoomBy = useCallback(
    (factor: number, x?: number) => {
      const s = scaleRef.current;
      if (s.width <= 0) return;
      const anchor = x ?? Math.max(0, Math.min(s.width, xOfStep(model, s, cur)));
      setWindow(
        zoomScale(
          s,
          fullDomain(model, s.axis, s.width),
          factor,
          anchor,
          minSpan(model, s.axis, s.width),
        ),
      );
    },
    [model, cur, setWindow],
  );

  // Wheel: ctrl/⌘ zooms around the pointer, shift (or a sideways swipe) pans. Needs a
  // non-passive listener to keep the page from zooming or scrolling.
  useEffect(() => {
    const plot = plotRef.current;
    if (!plot) return;
    const onWheel = (e: WheelEvent) => {
      const s = scaleRef.current;
      const x = e.clientX - plot.getBoundingClientRect().left;
      if (e.ctrlKey || e.metaKey) {
        e.preventDefault();
        zoomBy(Math.exp(-e.deltaY * 0.002), x);
      } else if (e.shiftKey || Math.abs(e.deltaX) > Math.abs(e.deltaY)) {
        e.preventDefault();
        const d = e.shiftKey && e.deltaX === 0 ? e.deltaY : e.deltaX;
        setWindow(panScale(s, fullDomain(model, s.axis, s.width), (d / s.width) * (s.d1 - s.d0)));
      }
    };
    plot.addEventListener('wheel', onWheel, { passive: false });
    return () => plot.removeEventListener('wheel', onWheel);
  }, [model, zoomBy, setWindow]);

  // Seeking.
  const laneAtY = (y: number): Lane | null => {
    return lanes[rowAt(y, scrollTop, lanes.length)] ?? null;
  };
  /** A click on a bar goes to a step of that bar (the nearest one); elsewhere, by x. */
  const seekAt = (x: number, y: number, snap: boolean) => {
    const byX = stepAtX(model, scale, x);
    const lane = snap ? laneAtY(y) : null;
    if (lane) {
      const v0 = valueOfX(scale, x - SEEK_SLOP_PX);
      const v1 = valueOfX(scale, x + SEEK_SLOP_PX);
      const instant = (scale.minWidth / scale.width) * span;
      const lists: Spans[] = lane.kind === 'loop' ? [lane.held, lane.module] : [lane.held];
      for (const spans of lists) {
        const i = firstSpanIn(spans, axis, v0, v1, axis === 'time' ? instant : 0);
        if (i >= 0) {
          const a = spans.start[i] as number;
          const b = (spans.end[i] as number) - 1;
          onSeek(Math.max(a, Math.min(b, byX)));
          return;
        }
      }
    }
    onSeek(byX);
  };
  const drag = useRef<{ x: number; moved: boolean } | null>(null);
  const pointIn = (e: PointerEvent<HTMLElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    return { x: e.clientX - rect.left, y: e.clientY - rect.top };
  };
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0 || model.steps === 0) return;
    const p = pointIn(e);
    e.currentTarget.setPointerCapture?.(e.pointerId);
    e.currentTarget.focus();
    drag.current = { x: p.x, moved: false };
    seekAt(p.x, p.y, true);
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const p = pointIn(e);
    const d = drag.current;
    if (d) {
      if (!d.moved && Math.abs(p.x - d.x) > 3) d.moved = true;
      if (d.moved) onSeek(stepAtX(model, scale, Math.max(0, Math.min(width, p.x))));
    }
    if (e.pointerType !== 'touch') setHover({ ...p, cx: e.clientX, cy: e.clientY });
  };
  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    drag.current = null;
    e.currentTarget.releasePointerCapture?.(e.pointerId);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const page = Math.max(1, Math.round(model.steps * 0.1));
    let next: number | null = null;
    switch (e.key) {
      case 'ArrowRight':
      case 'ArrowUp':
        next = cur + 1;
        break;
      case 'ArrowLeft':
      case 'ArrowDown':
        next = cur - 1;
        break;
      case 'PageUp':
        next = cur + page;
        break;
      case 'PageDown':
        next = cur - page;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = last;
        break;
      case '+':
      case '=':
        zoomBy(ZOOM_STEP);
        break;
      case '-':
        zoomBy(1 / ZOOM_STEP);
        break;
      default:
        return;
    }
    e.preventDefault();
    if (next !== null) onSeek(Math.max(0, Math.min(last, next)));
  };

  const chooseAxis = (next: Axis) => {
    if (axisProp === undefined) setOwnAxis(next);
    onAxisChange?.(next);
  };

  const holder = useMemo(() => holderAt(model, cur), [model, cur]);

  // Follow the running task's lane when it changes and is scrolled out of view (playback with
  // many tasks). Not the loop's lane: control returns to it between every two turns.
  const holderRow = holder ? lanes.indexOf(holder) : -1;
  useEffect(() => {
    const box = scrollRef.current;
    if (!box || holderRow < 0) return;
    // Row r is in view when AXIS_H + r·ROW_H − scrollTop lies within [HEAD_H, clientHeight).
    const top = holderRow * ROW_H - ROW_H;
    const bottom = AXIS_H + (holderRow + 1) * ROW_H - box.clientHeight;
    if (box.scrollTop > top) box.scrollTop = top;
    else if (box.scrollTop < bottom) box.scrollTop = bottom;
  }, [holderRow]);
  const radioName = useId();

  // Hover tooltip.
  const tip = useMemo(() => {
    if (!hover || width <= 0) return null;
    const lane = lanes[rowAt(hover.y, scrollTop, lanes.length)];
    if (!lane) return null;
    const x0 = Math.floor(hover.x);
    const probe = {
      axis,
      v0: valueOfX(scale, x0),
      v1: valueOfX(scale, x0 + 1),
      instant: axis === 'time' ? (scale.minWidth / scale.width) * span : 0,
      steps: stepsInX(model, scale, x0, x0 + 1),
    };
    return describeLane(trace, model, lane, probe);
  }, [hover, lanes, scrollTop, axis, scale, span, model, trace, width]);

  const readout =
    model.steps === 0
      ? 'No steps'
      : `step ${formatStep(cur)} of ${formatStep(last)} · t = ${formatTime(time)} s`;

  return (
    <section ref={rootRef} className="timeline" aria-label="Timeline">
      <div className="timeline__bar">
        <div role="radiogroup" aria-label="Timeline axis" className="timeline__axis-toggle">
          {(['steps', 'time'] as const).map((a) => (
            <label key={a} className="timeline__segment">
              <input
                type="radio"
                name={radioName}
                value={a}
                checked={axis === a}
                aria-label={`X axis: ${a}`}
                onChange={() => chooseAxis(a)}
              />
              <span>{a === 'steps' ? 'Steps' : 'Time'}</span>
            </label>
          ))}
        </div>
        <div className="timeline__zoom">
          <button
            type="button"
            className="timeline__button"
            aria-label="Zoom out"
            title="Zoom out (−, or Ctrl + wheel)"
            disabled={!zoomed}
            onClick={() => zoomBy(1 / ZOOM_STEP)}
          >
            −
          </button>
          <button
            type="button"
            className="timeline__button"
            aria-label="Zoom in"
            title="Zoom in (+, or Ctrl + wheel)"
            disabled={model.steps < 2}
            onClick={() => zoomBy(ZOOM_STEP)}
          >
            +
          </button>
          <button
            type="button"
            className="timeline__button timeline__button--text"
            disabled={!zoomed}
            onClick={() => setWindow(null)}
          >
            Show all
          </button>
        </div>
        <p className="timeline__readout" aria-hidden="true">
          {readout}
        </p>
        {axis === 'time' && model.steps > 0 && model.endTime === 0 && (
          <p className="timeline__note">
            No virtual time passes in this run: it all happens at t = 0 s.
          </p>
        )}
      </div>
      <div
        ref={scrollRef}
        className="timeline__scroll"
        style={{ maxHeight: viewHeight }}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      >
        <div className="timeline__rows" style={{ height: AXIS_H + rowsHeight }}>
          <div className="timeline__labels">
            <div className="timeline__corner" style={{ height: AXIS_H }}>
              {hiddenCount > 0 && (
                <span title="asyncio's own tasks, e.g. the ones asyncio.run starts to shut down">
                  {hiddenCount} internal task{hiddenCount === 1 ? '' : 's'} hidden
                </span>
              )}
            </div>
            <LaneLabels lanes={lanes} active={model.steps > 0 ? (holder ?? model.loop) : null} />
          </div>
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
            onPointerDown={onPointerDown}
            onPointerMove={onPointerMove}
            onPointerUp={onPointerUp}
            onPointerCancel={onPointerUp}
            onPointerLeave={() => setHover(null)}
            onKeyDown={onKeyDown}
          >
            {/* A slider's content is presentational: the canvases need no text of their own. */}
            <canvas ref={baseRef} className="timeline__canvas" />
            <canvas ref={overlayRef} className="timeline__canvas" />
          </div>
        </div>
      </div>
      {zoomed && (
        <div className="timeline__hscroll-row">
          <div
            ref={hscrollRef}
            className="timeline__hscroll"
            onScroll={onHScroll}
            aria-hidden="true"
          >
            <div style={{ width: spacer, height: 1 }} />
          </div>
        </div>
      )}
      {tip && hover && (
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
      )}
    </section>
  );
}

/**
 * The lane labels (a list, so screen readers get the lanes too). Memoised: while playing, the
 * step changes every frame but the labels only when control changes hands.
 */
const LaneLabels = memo(function LaneLabels({
  lanes,
  active,
}: {
  lanes: readonly Lane[];
  active: Lane | null;
}) {
  return (
    <ul aria-label="Lanes" className="timeline__lane-list">
      {lanes.map((lane) => {
        const style = lane.kind === 'loop' ? LOOP_STYLE : taskStyle(lane.task);
        const isActive = lane === active;
        return (
          <li
            key={lane.kind === 'loop' ? 'loop' : lane.task}
            className={`timeline__lane${lane.kind === 'loop' ? ' timeline__lane--loop' : ''}${isActive ? ' timeline__lane--active' : ''}`}
            // The loop's label stays under the axis, as its lane does.
            style={{ height: ROW_H, top: lane.kind === 'loop' ? AXIS_H : undefined }}
          >
            <span
              className="timeline__chip"
              style={{ background: style.color, color: style.onColor }}
              aria-hidden="true"
            >
              {style.letter} {style.shape}
            </span>
            <span className="timeline__name">
              {lane.kind === 'loop' ? 'event loop' : lane.name}
            </span>
            {lane.kind === 'task' && (
              <span className="timeline__coro" aria-hidden="true">
                {lane.coro}()
              </span>
            )}
            <span className="visually-hidden">
              {` — ${laneSummary(lane)}${isActive ? ' Holds control now.' : ''}`}
            </span>
          </li>
        );
      })}
    </ul>
  );
});
