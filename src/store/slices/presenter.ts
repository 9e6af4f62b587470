/**
 * The presenter slice: the projector layout's state (on or off, zoom step, high contrast, a
 * blanked screen), how far one clicker press moves (a line step or a whole handoff), and when the
 * talk started (the speaker window shows the elapsed time). Pure: the keys that drive it are in
 * src/app/presenter, and the second window is kept in sync by src/store/presenter-sync.ts.
 */
import type { StateCreator } from 'zustand/vanilla';
import { nextHandoff, prevHandoff } from '../../trace/index.ts';
import type { LabState } from '../lab-state.ts';
import { lastStepOf } from './playback.ts';

/** Zoom steps of the projector layout, in percent: the code and the picture grow together. */
export const ZOOM_STEPS = [100, 125, 150, 175, 200] as const;
export type Zoom = (typeof ZOOM_STEPS)[number];
/** 150 % reads from the back row of a classroom on a 1280×720 projector. */
export const DEFAULT_ZOOM: Zoom = 150;

/** What one press of PageDown / PageUp (a presentation clicker) moves over. */
export type Granularity = 'step' | 'handoff';

export interface PresenterSlice {
  presenting: boolean;
  zoom: Zoom;
  highContrast: boolean;
  /** The audience sees a black screen (B); any key brings the picture back. */
  blanked: boolean;
  granularity: Granularity;
  /** When presenting started (ms since the epoch), for the speaker window's clock. */
  presentingSince: number | null;
  /** The other presenter window (audience or speaker) is open and in sync. */
  peerConnected: boolean;
  setPresenting(on: boolean, now?: number): void;
  togglePresenting(now?: number): void;
  zoomIn(): void;
  zoomOut(): void;
  setZoom(zoom: number): void;
  setHighContrast(on: boolean): void;
  setBlanked(on: boolean): void;
  setGranularity(granularity: Granularity): void;
  /** Restarts the speaker window's clock. */
  restartClock(now?: number): void;
  /** One clicker press forward / back: a line step or a handoff, as `granularity` says. */
  presenterForward(): void;
  presenterBack(): void;
}

/** The zoom step nearest to `value` (a link or a stored value may say anything). */
export function nearestZoom(value: number): Zoom {
  if (!Number.isFinite(value)) return DEFAULT_ZOOM;
  let best: Zoom = ZOOM_STEPS[0];
  for (const z of ZOOM_STEPS) if (Math.abs(z - value) < Math.abs(best - value)) best = z;
  return best;
}

function zoomBy(zoom: Zoom, delta: 1 | -1): Zoom {
  const i = ZOOM_STEPS.indexOf(zoom) + delta;
  return ZOOM_STEPS[Math.min(ZOOM_STEPS.length - 1, Math.max(0, i))] as Zoom;
}

export function createPresenterSlice(): StateCreator<LabState, [], [], PresenterSlice> {
  return (set, get) => ({
    presenting: false,
    zoom: DEFAULT_ZOOM,
    highContrast: true,
    blanked: false,
    granularity: 'handoff',
    presentingSince: null,
    peerConnected: false,
    setPresenting(on, now = Date.now()) {
      if (on === get().presenting) return;
      set({
        presenting: on,
        blanked: false,
        presentingSince: on ? (get().presentingSince ?? now) : null,
      });
    },
    togglePresenting(now = Date.now()) {
      get().setPresenting(!get().presenting, now);
    },
    zoomIn: () => set({ zoom: zoomBy(get().zoom, 1) }),
    zoomOut: () => set({ zoom: zoomBy(get().zoom, -1) }),
    setZoom: (zoom) => set({ zoom: nearestZoom(zoom) }),
    setHighContrast: (highContrast) => set({ highContrast }),
    setBlanked: (blanked) => set({ blanked }),
    setGranularity: (granularity) => set({ granularity }),
    restartClock: (now = Date.now()) => set({ presentingSince: now }),
    presenterForward() {
      const { trace, step, granularity } = get();
      if (!trace) return;
      if (granularity === 'step') get().stepForward();
      else get().seek(nextHandoff(trace, step) ?? lastStepOf(trace));
    },
    presenterBack() {
      const { trace, step, granularity } = get();
      if (!trace) return;
      if (granularity === 'step') get().stepBack();
      else get().seek(prevHandoff(trace, step) ?? 0);
    },
  });
}
