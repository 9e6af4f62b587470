/**
 * Asks for exact locals (a focus re-run, src/store/slices/focus.ts) once the cursor settles:
 * not for every step while the learner scrubs, only where they stop. While playing, at once: a
 * focus run covers a block of steps (FOCUS_BLOCK), so that asks once per block, not per step.
 */
import { useEffect } from 'react';
import { useLab } from '../store/react.tsx';

/** How long the cursor stays on a step before that step's locals are asked for. */
export const SETTLE_MS = 200;

export function useFocusRequests(): void {
  const trace = useLab((s) => s.trace);
  const step = useLab((s) => s.step);
  const playing = useLab((s) => s.playing);
  const running = useLab((s) => s.running);
  const requestFocus = useLab((s) => s.requestFocus);
  useEffect(() => {
    if (trace === null || running) return;
    if (playing) {
      requestFocus(step);
      return;
    }
    const timer = setTimeout(() => requestFocus(step), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [trace, step, playing, running, requestFocus]);
}
