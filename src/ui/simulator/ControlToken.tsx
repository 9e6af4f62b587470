import { motion } from 'motion/react';
import { useLayoutEffect, useState } from 'react';
import { StopIcon } from './Icons.tsx';

/** Marks where the token rests: `loop` (the hub) or `task-<id>` (the running card). */
export function TokenAnchor({ at }: { at: string }) {
  return <span className="sim-token-anchor" data-sim-token-anchor={at} aria-hidden="true" />;
}

export interface ControlTokenProps {
  /** The element the anchors and the token are positioned in (see WaitArrows). */
  container: HTMLElement | null;
  /** The anchor the token should rest on now. */
  at: string;
  blocked: boolean;
  /** Changes whenever the picture changes: anchors may have moved, so measure again. */
  measureKey: unknown;
}

/** Where `el` sits in `container` by layout alone: transforms (running animations) excluded. */
function layoutOffset(el: HTMLElement, container: HTMLElement): { x: number; y: number } | null {
  let x = 0;
  let y = 0;
  let node: HTMLElement | null = el;
  while (node && node !== container) {
    x += node.offsetLeft;
    y += node.offsetTop;
    const parent = node.offsetParent as HTMLElement | null;
    if (parent === null) return null;
    // The container is positioned, so the chain passes through it unless `el` is outside it.
    if (parent !== container && !container.contains(parent)) return null;
    node = parent;
  }
  return node === container ? { x, y } : null;
}

/**
 * The control token: exactly one on screen, resting on the loop's hub or on the running task's
 * card. It lives in one overlay and glides between anchors, so it visibly travels from the loop
 * to the task that gets control and back when that task awaits. Positions are measured by
 * layout (not on screen), so the token heads for where a gliding card will land. Under
 * prefers-reduced-motion the MotionConfig in SimulatorPanel makes the move instant.
 */
export function ControlToken({ container, at, blocked, measureKey }: ControlTokenProps) {
  const [pos, setPos] = useState<{ x: number; y: number } | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: measureKey is the re-measure signal
  useLayoutEffect(() => {
    if (!container) return;
    const measure = () => {
      const anchor = container.querySelector<HTMLElement>(`[data-sim-token-anchor="${at}"]`);
      const next = anchor ? layoutOffset(anchor, container) : null;
      setPos((prev) =>
        next === null || (prev && prev.x === next.x && prev.y === next.y) ? prev : next,
      );
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(container);
    return () => observer.disconnect();
  }, [container, at, measureKey]);

  if (pos === null) return null;
  return (
    <motion.span
      className={`sim-token${blocked ? ' sim-token--blocked' : ''}`}
      data-at={at}
      aria-hidden="true"
      initial={false}
      animate={{ x: pos.x, y: pos.y }}
      // Slow enough to follow from the back of a classroom, quick enough for playback.
      transition={{ type: 'tween', ease: 'easeInOut', duration: 0.45 }}
    >
      <span className="sim-token__glyph">{blocked ? <StopIcon /> : '▶'}</span>
      <span className="sim-token__text">control</span>
    </motion.span>
  );
}
