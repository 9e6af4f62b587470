/** The horizontal scrollbar under a zoomed-in plot: its position mirrors the zoom window. */
import { useLayoutEffect, useRef } from 'react';
import { panScale, type Scale } from './model/scale.ts';

export interface HScrollBarProps {
  readonly scale: Scale;
  /** The whole domain of the axis. */
  readonly full: readonly [number, number];
  setWindow(next: Scale): void;
}

export function HScrollBar({ scale, full, setWindow }: HScrollBarProps) {
  const barRef = useRef<HTMLDivElement>(null);
  const span = scale.d1 - scale.d0;
  const fullSpan = full[1] - full[0];
  const spacer = Math.min(4_000_000, scale.width * (fullSpan / span));
  useLayoutEffect(() => {
    const bar = barRef.current;
    if (!bar) return;
    const room = bar.scrollWidth - bar.clientWidth;
    const want = fullSpan > span ? ((scale.d0 - full[0]) / (fullSpan - span)) * room : 0;
    if (Math.abs(bar.scrollLeft - want) > 1) bar.scrollLeft = want;
  }, [scale.d0, span, fullSpan, full]);
  const onScroll = () => {
    const bar = barRef.current;
    if (!bar) return;
    const room = bar.scrollWidth - bar.clientWidth;
    if (room <= 0) return;
    const d0 = full[0] + (bar.scrollLeft / room) * (fullSpan - span);
    if (Math.abs(d0 - scale.d0) > span / Math.max(1, scale.width) / 2) {
      setWindow(panScale(scale, full, d0 - scale.d0));
    }
  };
  return (
    <div className="timeline__hscroll-row">
      <div ref={barRef} className="timeline__hscroll" onScroll={onScroll} aria-hidden="true">
        <div style={{ width: spacer, height: 1 }} />
      </div>
    </div>
  );
}
