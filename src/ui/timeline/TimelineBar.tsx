/**
 * The timeline's bar: which axis (steps or time), zoom buttons, the legend, and where the cursor
 * is.
 */
import { useId } from 'react';
import type { Axis } from './model/scale.ts';
import { TimelineLegend } from './TimelineLegend.tsx';
import { ZOOM_STEP } from './use-timeline-keys.ts';

export interface TimelineBarProps {
  readonly axis: Axis;
  onAxis(axis: Axis): void;
  readonly zoomed: boolean;
  readonly canZoomIn: boolean;
  zoomBy(factor: number): void;
  onShowAll(): void;
  /** "step 12 of 80 · t = 1.5 s" (shown; the slider says it to screen readers). */
  readonly readout: string;
  /** On the time axis, a run in which no virtual time passes. */
  readonly timeless: boolean;
}

export function TimelineBar(props: TimelineBarProps) {
  const { axis, zoomed, zoomBy } = props;
  const radioName = useId();
  return (
    <div className="timeline__bar">
      <div role="radiogroup" aria-label="Timeline axis" className="timeline__axis-toggle">
        {(['steps', 'time'] as const).map((a) => (
          <label key={a} className="timeline__segment">
            <input
              type="radio"
              name={radioName}
              value={a}
              checked={axis === a}
              aria-label={`X axis: ${a}`}
              onChange={() => props.onAxis(a)}
            />
            <span>{a === 'steps' ? 'Steps' : 'Time'}</span>
          </label>
        ))}
      </div>
      <div className="timeline__zoom">
        <button
          type="button"
          className="timeline__button"
          aria-label="Zoom out"
          title="Zoom out (−, or Ctrl + wheel)"
          disabled={!zoomed}
          onClick={() => zoomBy(1 / ZOOM_STEP)}
        >
          −
        </button>
        <button
          type="button"
          className="timeline__button"
          aria-label="Zoom in"
          title="Zoom in (+, or Ctrl + wheel)"
          disabled={!props.canZoomIn}
          onClick={() => zoomBy(ZOOM_STEP)}
        >
          +
        </button>
        <button
          type="button"
          className="timeline__button timeline__button--text"
          disabled={!zoomed}
          onClick={props.onShowAll}
        >
          Show all
        </button>
      </div>
      <TimelineLegend />
      <p className="timeline__readout" aria-hidden="true">
        {props.readout}
      </p>
      {props.timeless && (
        <p className="timeline__note">
          No virtual time passes in this run: it all happens at t = 0 s.
        </p>
      )}
    </div>
  );
}
