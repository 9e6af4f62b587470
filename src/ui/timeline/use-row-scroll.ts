import { type UIEvent, useEffect, useRef, useState } from 'react';
import { AXIS_H, ROW_H } from './renderer/frame.ts';

/**
 * The lanes' vertical scroll: where it is (the canvases draw the rows that are in view), and
 * following the running task's lane when it changes and is scrolled out of view (playback with
 * many tasks). `followRow` is that lane's row, or -1 for none: not the loop's lane, as control
 * returns to it between every two turns.
 */
export function useRowScroll(followRow: number) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  useEffect(() => {
    const box = scrollRef.current;
    if (!box || followRow < 0) return;
    // Row r is in view when AXIS_H + r·ROW_H − scrollTop lies within [HEAD_H, clientHeight).
    const top = followRow * ROW_H - ROW_H;
    const bottom = AXIS_H + (followRow + 1) * ROW_H - box.clientHeight;
    if (box.scrollTop > top) box.scrollTop = top;
    else if (box.scrollTop < bottom) box.scrollTop = bottom;
  }, [followRow]);
  const onScroll = (e: UIEvent<HTMLDivElement>) => setScrollTop(e.currentTarget.scrollTop);
  return { scrollRef, scrollTop, onScroll };
}
