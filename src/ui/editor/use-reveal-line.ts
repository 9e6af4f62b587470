import { useEffect } from 'react';
import type { MonacoHandle } from './use-monaco.ts';

function prefersReducedMotion(): boolean {
  return globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
}

/**
 * Scrolls `line` into view when it changes (if it is out of view), without taking the focus from
 * wherever it is. `gentle`: jump instead of gliding when the learner prefers reduced motion.
 * When the editor's size changes (a window resize, presenter mode's zoom steps, long lines
 * wrapping anew) the line is brought back into view at once if the new layout pushed it out.
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
    const { editor } = handle;
    // The whole line, every row of it when long lines wrap (presenter mode), not its first row.
    const reveal = (how: typeof scroll) => {
      const end = editor.getModel()?.getLineMaxColumn(line) ?? 1;
      editor.revealRangeInCenterIfOutsideViewport(
        { startLineNumber: line, startColumn: 1, endLineNumber: line, endColumn: end },
        how,
      );
    };
    reveal(scroll);
    let frame = 0;
    // After the layout, on the next frame: the wrapped lines are measured by then.
    const layout = editor.onDidLayoutChange(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => reveal(ScrollType.Immediate));
    });
    return () => {
      cancelAnimationFrame(frame);
      layout.dispose();
    };
  }, [handle, line, gentle]);
}
