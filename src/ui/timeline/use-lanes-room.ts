/**
 * How much of the timeline's room its lanes get: the room less the bar (measured), and a view of
 * whole lanes when they do not all fit.
 */
import { type RefObject, useLayoutEffect, useMemo, useState } from 'react';
import { type LaneGeometry, laneGeometry } from './renderer/frame.ts';

/**
 * The lanes' view height: all rows when they fit in `room`, else as many whole rows as fit (at
 * least the pinned loop lane), so no lane is ever cut through its middle; the rest scroll.
 */
export function lanesView(geo: LaneGeometry, rowsHeight: number, room: number): number {
  const all = geo.axisH + rowsHeight;
  if (all <= room) return all;
  const whole = Math.max(1, Math.floor((room - geo.axisH) / geo.rowH));
  return Math.min(all, geo.axisH + whole * geo.rowH);
}

/**
 * The height of everything in the timeline but its lanes (the bar, the zoomed scroll bar),
 * measured: it differs with the width (the bar wraps) and the zoom, so no estimate fits them all.
 */
function useChromeHeight(rootRef: RefObject<HTMLElement | null>): number {
  const [chrome, setChrome] = useState(36);
  useLayoutEffect(() => {
    const root = rootRef.current;
    const lanes = root?.querySelector<HTMLElement>('[data-lanes-view]');
    if (!root || !lanes) return;
    // Not the root's height less the lanes': the root may stretch to its box, and the chrome
    // would then grow as the lanes shrink. What is above the lanes, plus what flows below them.
    const measure = () => {
      let px = lanes.getBoundingClientRect().top - root.getBoundingClientRect().top;
      for (let el = lanes.nextElementSibling; el; el = el.nextElementSibling) {
        if (el instanceof HTMLElement && getComputedStyle(el).position === 'static')
          px += el.offsetHeight;
      }
      const box = getComputedStyle(root);
      px += Number.parseFloat(box.borderBottomWidth) + Number.parseFloat(box.paddingBottom);
      setChrome(Math.ceil(px));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(root);
    for (const el of root.children) observer.observe(el);
    return () => observer.disconnect();
  }, [rootRef]);
  return chrome;
}

/** The lanes' room in `height` (the whole timeline's), and their geometry for `count` lanes. */
export function useLanesRoom(
  rootRef: RefObject<HTMLElement | null>,
  height: number,
  count: number,
) {
  const room = Math.max(0, height - useChromeHeight(rootRef));
  const geo = useMemo(() => laneGeometry(room, count), [room, count]);
  return { geo, room };
}
