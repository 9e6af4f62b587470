/** The timeline's keys (it is a slider): arrows, Page Up/Down, Home/End seek; + and − zoom. */
import { type KeyboardEvent, useCallback } from 'react';

/** How much one press of a zoom button or key zooms. */
export const ZOOM_STEP = 2;

type KeyAction = { readonly seek: number } | { readonly zoom: number };

/** What a key does at step `cur` of a run with `steps` steps (null: not the timeline's key). */
export function keyAction(key: string, cur: number, steps: number): KeyAction | null {
  const last = Math.max(0, steps - 1);
  const page = Math.max(1, Math.round(steps * 0.1));
  switch (key) {
    case 'ArrowRight':
    case 'ArrowUp':
      return { seek: cur + 1 };
    case 'ArrowLeft':
    case 'ArrowDown':
      return { seek: cur - 1 };
    case 'PageUp':
      return { seek: cur + page };
    case 'PageDown':
      return { seek: cur - page };
    case 'Home':
      return { seek: 0 };
    case 'End':
      return { seek: last };
    case '+':
    case '=':
      return { zoom: ZOOM_STEP };
    case '-':
      return { zoom: 1 / ZOOM_STEP };
    default:
      return null;
  }
}

export function useTimelineKeys(
  cur: number,
  steps: number,
  onSeek: (step: number) => void,
  zoomBy: (factor: number) => void,
) {
  return useCallback(
    (e: KeyboardEvent<HTMLDivElement>) => {
      const action = keyAction(e.key, cur, steps);
      if (!action) return;
      e.preventDefault();
      if ('zoom' in action) zoomBy(action.zoom);
      else onSeek(Math.max(0, Math.min(Math.max(0, steps - 1), action.seek)));
    },
    [cur, steps, onSeek, zoomBy],
  );
}
