/**
 * The replay's transport: first/last step, step back/forward, previous/next handoff, play/pause
 * with its speed, and a step slider. Every control is a button with a fixed accessible name (the
 * e2e specs and screen readers use them) and a keyboard shortcut shown in its tooltip.
 */
import { type ReactNode, useId } from 'react';
import type { Speed } from '../../store/index.ts';
import { icons } from './icons.tsx';

/** The Play / Pause button's id: "Skip to the replay controls" focuses it. */
export const PLAY_BUTTON_ID = 'replay-play';

export interface TransportProps {
  /** The cursor, and the last step (-1: nothing to replay). */
  step: number;
  last: number;
  playing: boolean;
  speed: Speed;
  speeds: readonly Speed[];
  speedLabel(speed: Speed): string;
  /** Text read out for the slider's value, e.g. "step 24 of 115, 1.0 s". */
  valueText: string;
  disabled: boolean;
  onSeek(step: number): void;
  onFirst(): void;
  onLast(): void;
  onStepBack(): void;
  onStepForward(): void;
  onPrevHandoff(): void;
  onNextHandoff(): void;
  onTogglePlay(): void;
  onSpeed(speed: Speed): void;
}

function ControlButton({
  label,
  keys,
  shortcut,
  disabled,
  onClick,
  children,
  wide = false,
  id,
}: {
  id?: string;
  label: string;
  keys: string;
  shortcut: string;
  disabled: boolean;
  onClick(): void;
  children: ReactNode;
  wide?: boolean;
}) {
  return (
    <button
      type="button"
      id={id}
      className={`button button--icon${wide ? ' button--play' : ''}`}
      aria-label={label}
      aria-keyshortcuts={keys}
      title={`${label} (${shortcut})`}
      // aria-disabled, not disabled: a button that stops working at the end of the trace keeps
      // the keyboard focus instead of dropping it on the page.
      aria-disabled={disabled || undefined}
      onClick={disabled ? undefined : onClick}
    >
      {children}
    </button>
  );
}

export function Transport(props: TransportProps) {
  const { step, last, playing, disabled } = props;
  const speedId = useId();
  const atStart = disabled || step <= 0;
  const atEnd = disabled || step >= last;
  return (
    <fieldset className="transport">
      <legend className="sr-only">Replay</legend>
      <div className="transport__buttons">
        <ControlButton
          label="First step"
          keys="Home"
          shortcut="Home"
          disabled={atStart}
          onClick={props.onFirst}
        >
          {icons.first}
        </ControlButton>
        <ControlButton
          label="Previous handoff"
          keys="Shift+ArrowLeft"
          shortcut="Shift+←"
          disabled={atStart}
          onClick={props.onPrevHandoff}
        >
          {icons.prevHandoff}
        </ControlButton>
        <ControlButton
          label="Step back"
          keys="ArrowLeft"
          shortcut="←"
          disabled={atStart}
          onClick={props.onStepBack}
        >
          {icons.stepBack}
        </ControlButton>
        <ControlButton
          label={playing ? 'Pause' : 'Play'}
          keys="Space"
          shortcut="Space"
          disabled={disabled || last <= 0}
          onClick={props.onTogglePlay}
          id={PLAY_BUTTON_ID}
          wide
        >
          {playing ? icons.pause : icons.play}
        </ControlButton>
        <ControlButton
          label="Step forward"
          keys="ArrowRight"
          shortcut="→"
          disabled={atEnd}
          onClick={props.onStepForward}
        >
          {icons.stepForward}
        </ControlButton>
        <ControlButton
          label="Next handoff"
          keys="Shift+ArrowRight"
          shortcut="Shift+→: to the next moment control changes hands"
          disabled={atEnd}
          onClick={props.onNextHandoff}
        >
          {icons.nextHandoff}
        </ControlButton>
        <ControlButton
          label="Last step"
          keys="End"
          shortcut="End"
          disabled={atEnd}
          onClick={props.onLast}
        >
          {icons.last}
        </ControlButton>
      </div>
      <input
        className="transport__slider"
        type="range"
        aria-label="Step"
        aria-valuetext={props.valueText}
        min={0}
        max={Math.max(0, last)}
        step={1}
        value={Math.max(0, Math.min(step, last))}
        disabled={disabled || last <= 0}
        onChange={(event) => props.onSeek(Number(event.target.value))}
      />
      <label className="transport__speed" htmlFor={speedId}>
        <span>Speed</span>
        <select
          id={speedId}
          value={String(props.speed)}
          onChange={(event) => {
            const v = event.target.value;
            props.onSpeed(v === 'handoffs' ? 'handoffs' : (Number(v) as Speed));
          }}
        >
          {props.speeds.map((s) => (
            <option key={String(s)} value={String(s)}>
              {props.speedLabel(s)}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}
