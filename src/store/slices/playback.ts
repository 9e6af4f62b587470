/**
 * The playback slice: a cursor over the (immutable) trace. Stepping, jumping and scrubbing only
 * move `step`; every panel is derived from `stateAt(trace, step)`. Playing is a clock the page
 * drives (`tick(ms)` from requestAnimationFrame, see src/app/use-player.ts), so the slice itself
 * stays a plain function of time and is tested without a browser.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { Trace } from '../../runtime/run-trace.ts';
import { nextHandoff, prevHandoff } from '../../trace/index.ts';
import type { LabState } from '../lab-state.ts';

/** Steps per second, or one handoff at a time. */
export type Speed = 1 | 2 | 5 | 10 | 50 | 'handoffs';

export const SPEEDS: readonly Speed[] = [1, 2, 5, 10, 50, 'handoffs'];
export const DEFAULT_SPEED: Speed = 5;

/** How long one handoff stays on screen when playing handoff by handoff. */
export const HANDOFF_INTERVAL_MS = 800;

/**
 * Play time not spent after a long frame (a background tab, a slow device) is dropped rather
 * than caught up, so playing never lurches forward by hundreds of steps.
 */
const MAX_CREDIT_MS = 250;

export function speedLabel(speed: Speed): string {
  if (speed === 'handoffs') return 'handoffs only';
  return speed === 1 ? '1 step/s' : `${speed} steps/s`;
}

export interface PlaybackSlice {
  /** The cursor: the step whose picture is shown (0 … steps − 1; 0 when there is no trace). */
  step: number;
  playing: boolean;
  speed: Speed;
  /** Moves the cursor (clamped to the trace). Stops playing. */
  seek(step: number): void;
  stepForward(): void;
  stepBack(): void;
  /** To the next / previous moment control changes hands. */
  nextHandoff(): void;
  prevHandoff(): void;
  firstStep(): void;
  lastStep(): void;
  /** Plays from the cursor (from the start when the cursor is at the end). */
  play(): void;
  pause(): void;
  togglePlay(): void;
  setSpeed(speed: Speed): void;
  /** Advances playing by `ms` of wall time. */
  tick(ms: number): void;
}

/** The last step of a trace (-1 when it has no events). */
export function lastStepOf(trace: Trace | null): number {
  return trace ? trace.events.length - 1 : -1;
}

export function clampStep(trace: Trace | null, step: number): number {
  const last = lastStepOf(trace);
  if (last < 0 || !Number.isFinite(step)) return 0;
  return Math.min(Math.max(0, Math.trunc(step)), last);
}

/**
 * Steps that change nothing on screen: `in` says which frame the holder is executing, which the
 * next line event shows anyway. Playing passes over them; Step forward does not skip anything.
 */
export function isQuietStep(trace: Trace, step: number): boolean {
  const e = trace.events[step];
  return typeof e === 'object' && e.k === 'in';
}

/** The step playing moves to after `step`, or null at the end. */
export function nextPlayStep(trace: Trace, step: number, speed: Speed): number | null {
  const last = lastStepOf(trace);
  if (step >= last) return null;
  if (speed === 'handoffs') return nextHandoff(trace, step) ?? last;
  let next = step + 1;
  while (next < last && isQuietStep(trace, next)) next++;
  return next;
}

export function createPlaybackSlice(): StateCreator<LabState, [], [], PlaybackSlice> {
  return (set, get) => {
    /** Wall time played but not yet turned into a step. */
    let credit = 0;
    const move = (step: number) => set({ step: clampStep(get().trace, step), playing: false });
    return {
      step: 0,
      playing: false,
      speed: DEFAULT_SPEED,
      seek: move,
      stepForward: () => move(get().step + 1),
      stepBack: () => move(get().step - 1),
      nextHandoff() {
        const { trace, step } = get();
        if (trace) move(nextHandoff(trace, step) ?? lastStepOf(trace));
      },
      prevHandoff() {
        const { trace, step } = get();
        if (trace) move(prevHandoff(trace, step) ?? 0);
      },
      firstStep: () => move(0),
      lastStep: () => move(lastStepOf(get().trace)),
      play() {
        const { trace, step, running } = get();
        if (!trace || running || lastStepOf(trace) <= 0) return;
        credit = 0;
        set({ playing: true, step: step >= lastStepOf(trace) ? 0 : step });
      },
      pause() {
        if (get().playing) set({ playing: false });
      },
      togglePlay() {
        if (get().playing) get().pause();
        else get().play();
      },
      setSpeed(speed) {
        credit = 0;
        set({ speed });
      },
      tick(ms) {
        const { trace, playing, speed } = get();
        if (!playing || !trace) return;
        const interval = speed === 'handoffs' ? HANDOFF_INTERVAL_MS : 1000 / speed;
        credit = Math.min(credit + Math.max(0, ms), Math.max(MAX_CREDIT_MS, interval));
        let step = get().step;
        let moved = false;
        while (credit >= interval) {
          credit -= interval;
          const next = nextPlayStep(trace, step, speed);
          if (next === null) break;
          step = next;
          moved = true;
        }
        const atEnd = step >= lastStepOf(trace);
        if (moved || atEnd) set({ step, playing: !atEnd });
      },
    };
  };
}
