import { type UIEvent, useEffect, useRef, useState } from 'react';
import { type LaneGeometry, ROOMY } from './renderer/frame.ts';

/**
 * The lanes' vertical scroll: where it is (the canvases draw the rows that are in view), and
 * following the running task's lane when it changes and is scrolled out of view (playback with
 * many tasks). `followRow` is that lane's row, or -1 for none: not the loop's lane, as control
 * returns to it between every two turns.
 */
export function useRowScroll(followRow: number, geo: LaneGeometry = ROOMY) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  useEffect(() => {
    const box = scrollRef.current;
    if (!box || followRow < 0) return;
    // Row r is in view when axisH + r·rowH − scrollTop lies within [axisH + rowH, clientHeight).
    const { axisH, rowH } = geo;
    const top = followRow * rowH - rowH;
    const bottom = axisH + (followRow + 1) * rowH - box.clientHeight;
    if (box.scrollTop > top) box.scrollTop = top;
    else if (box.scrollTop < bottom) box.scrollTop = bottom;
  }, [followRow, geo]);
  const onScroll = (e: UIEvent<HTMLDivElement>) => setScrollTop(e.currentTarget.scrollTop);
  return { scrollRef, scrollTop, onScroll };
}
