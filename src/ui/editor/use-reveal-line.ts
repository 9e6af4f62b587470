import { useEffect } from 'react';
import type { MonacoHandle } from './use-monaco.ts';

function prefersReducedMotion(): boolean {
  return globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
}

/**
 * Scrolls `line` into view when it changes (if it is out of view), without taking the focus from
 * wherever it is. `gentle`: jump instead of gliding when the learner prefers reduced motion.
 */
export function useRevealLine(
  handle: MonacoHandle | null,
  line: number | null | undefined,
  gentle = false,
): void {
  useEffect(() => {
    if (!handle || line === null || line === undefined) return;
    const { ScrollType } = handle.monaco.editor;
    const scroll = gentle && prefersReducedMotion() ? ScrollType.Immediate : ScrollType.Smooth;
    handle.editor.revealLineInCenterIfOutsideViewport(line, scroll);
  }, [handle, line, gentle]);
}
