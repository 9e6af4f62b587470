/**
 * The zoom window: which part of the axis the plot shows (all of it until the learner zooms),
 * kept per axis and per trace. Zooms by buttons, keys or ctrl/⌘ + wheel around an anchor; pans by
 * shift + wheel or a sideways swipe; follows the cursor when it leaves the window.
 */
import { type RefObject, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { TimelineModel } from './model/lanes.ts';
import {
  type Axis,
  fullDomain,
  MIN_INSTANT_PX,
  minSpan,
  panScale,
  type Scale,
  valueOfX,
  xOfStep,
  zoomScale,
} from './model/scale.ts';

type Window = readonly [number, number] | null;
interface Windows {
  readonly model: TimelineModel | null;
  readonly steps: Window;
  readonly time: Window;
}

export interface ZoomWindow {
  readonly scale: Scale;
  /** The whole domain of the axis. */
  readonly full: readonly [number, number];
  readonly zoomed: boolean;
  /** Show this window (null, or one that covers everything: show all). */
  setWindow(next: Scale | null): void;
  /** Zoom in (factor > 1) or out around x (CSS pixels in the plot; the cursor by default). */
  zoomBy(factor: number, x?: number): void;
}

export function useZoomWindow(
  model: TimelineModel,
  axis: Axis,
  width: number,
  cur: number,
  plotRef: RefObject<HTMLElement | null>,
): ZoomWindow {
  const [windows, setWindows] = useState<Windows>({ model: null, steps: null, time: null });
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

  // Listeners and effects read the scale of the latest render.
  const scaleRef = useRef(scale);
  scaleRef.current = scale;
  useFollowCursor(model, scaleRef, zoomed, full, cur, setWindow);

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
  useWheelZoom(plotRef, model, scaleRef, zoomBy, setWindow);
  return { scale, full, zoomed, setWindow, zoomBy };
}

/** Follow the cursor when zoomed in and it leaves the window (playback, keyboard). */
function useFollowCursor(
  model: TimelineModel,
  scaleRef: RefObject<Scale>,
  zoomed: boolean,
  full: readonly [number, number],
  cur: number,
  setWindow: (next: Scale | null) => void,
): void {
  useEffect(() => {
    const s = scaleRef.current;
    if (!zoomed || s.width <= 0) return;
    const x = xOfStep(model, s, cur);
    if (x >= 0 && x <= s.width) return;
    setWindow(panScale(s, full, valueOfX(s, x) - valueOfX(s, s.width / 2)));
  }, [cur, model, zoomed, full, setWindow, scaleRef]);
}

/**
 * Wheel: ctrl/⌘ zooms around the pointer, shift (or a sideways swipe) pans. Needs a non-passive
 * listener to keep the page from zooming or scrolling.
 */
function useWheelZoom(
  plotRef: RefObject<HTMLElement | null>,
  model: TimelineModel,
  scaleRef: RefObject<Scale>,
  zoomBy: (factor: number, x?: number) => void,
  setWindow: (next: Scale | null) => void,
): void {
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
  }, [plotRef, model, scaleRef, zoomBy, setWindow]);
}
