import { useEffect, useRef } from 'react';
import type { MonacoHandle } from './use-monaco.ts';

function prefersReducedMotion(): boolean {
  return globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
}

/** Monaco's smooth scroll takes 125 ms; a little more for a slow frame. */
const SMOOTH_MS = 250;

/** Whether every row of `line` is inside the editor's viewport, which is not scrolled sideways. */
function inView(editor: MonacoHandle['editor'], line: number): boolean {
  const top = editor.getTopForLineNumber(line);
  const bottom = editor.getBottomForLineNumber(line);
  const scrollTop = editor.getScrollTop();
  const { height, horizontalScrollbarHeight } = editor.getLayoutInfo();
  return (
    editor.getScrollLeft() === 0 &&
    top >= scrollTop &&
    bottom <= scrollTop + height - horizontalScrollbarHeight
  );
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
  // Until when a smooth scroll this hook started may still be moving the view.
  const gliding = useRef(0);
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
    // Already wholly in view (most steps): nothing to scroll, and asking Monaco anyway costs it a
    // forced layout of its lines on the next frame (it measures them for a sideways reveal). Not
    // while a smooth scroll glides: the view is then still on its way to another line.
    const out = !inView(editor, line);
    if (out || performance.now() < gliding.current) {
      reveal(scroll);
      if (out && scroll === ScrollType.Smooth) gliding.current = performance.now() + SMOOTH_MS;
    }
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
