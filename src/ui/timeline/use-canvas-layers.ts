/**
 * The plot's two canvases (renderer/): the base layer, redrawn only when the picture changes,
 * and the overlay (cursor and hover line), redrawn on every step.
 */
import { type RefObject, useCallback, useLayoutEffect, useMemo, useRef } from 'react';
import type { TimelineRow } from './model/describe.ts';
import type { TimelineModel } from './model/lanes.ts';
import type { Scale } from './model/scale.ts';
import { drawBase } from './renderer/base-layer.ts';
import type { Frame, LaneGeometry } from './renderer/frame.ts';
import { drawOverlay } from './renderer/overlay-layer.ts';
import { readTheme, type Theme } from './renderer/theme.ts';
import { useDisplay } from './use-display.ts';

export interface CanvasLayersInput {
  /** The element whose CSS variables hold the colours. */
  readonly rootRef: RefObject<HTMLElement | null>;
  readonly model: TimelineModel;
  readonly lanes: readonly TimelineRow[];
  readonly scale: Scale;
  /** Canvas height, CSS pixels. */
  readonly height: number;
  readonly scrollTop: number;
  /** The lanes' heights (compact when that shows every lane). */
  readonly geo: LaneGeometry;
  readonly cur: number;
  readonly hoverX: number | null;
}

export function useCanvasLayers(input: CanvasLayersInput): {
  baseRef: RefObject<HTMLCanvasElement | null>;
  overlayRef: RefObject<HTMLCanvasElement | null>;
} {
  const { rootRef, model, lanes, scale, height, scrollTop, geo, cur, hoverX } = input;
  const { themeVersion, dpr } = useDisplay();
  const baseRef = useRef<HTMLCanvasElement>(null);
  const overlayRef = useRef<HTMLCanvasElement>(null);

  // What the canvases show, but the colours: those are read from the CSS in the effects (the
  // DOM is only there after render), once per theme.
  const width = scale.width;
  const spec = useMemo<Omit<Frame, 'theme'> | null>(
    () => (width > 0 ? { model, lanes, scale, dpr, height, scrollTop, geo } : null),
    [model, lanes, scale, height, scrollTop, geo, width, dpr],
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
    [rootRef, themeVersion],
  );

  // Base layer: only when the picture (not the cursor) changes. It sizes both canvases, so it
  // runs before the overlay's effect.
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
    if (ctx) drawOverlay(ctx, frame, cur, hoverX);
  }, [spec, frameOf, cur, hoverX]);

  return { baseRef, overlayRef };
}
