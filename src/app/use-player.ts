/**
 * The play clock: while the store says `playing`, every animation frame hands the elapsed time
 * to `tick`, which moves the cursor. A frame does one cursor move and one render, so the main
 * thread is never held for long; a hidden tab gets no frames and simply pauses.
 */
import { useEffect } from 'react';
import { useLab, useLabStore } from '../store/react.tsx';

export function usePlayer(): void {
  const store = useLabStore();
  const playing = useLab((s) => s.playing);
  useEffect(() => {
    if (!playing) return;
    let last = performance.now();
    let id = requestAnimationFrame(function frame(now) {
      store.getState().tick(now - last);
      last = now;
      if (store.getState().playing) id = requestAnimationFrame(frame);
    });
    return () => cancelAnimationFrame(id);
  }, [playing, store]);
}
