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

type Edge = 'start' | 'end';
type Action =
  | 'onFirst'
  | 'onPrevHandoff'
  | 'onStepBack'
  | 'onStepForward'
  | 'onNextHandoff'
  | 'onLast';

/** A step button: its name, keys, icon, what it calls, and the end of the trace that disables it. */
interface StepButton {
  readonly label: string;
  readonly keys: string;
  readonly shortcut: string;
  readonly icon: keyof typeof icons;
  readonly action: Action;
  readonly edge: Edge;
}

/** Before the Play button: towards the start. */
const BACK: readonly StepButton[] = [
  {
    label: 'First step',
    keys: 'Home',
    shortcut: 'Home',
    icon: 'first',
    action: 'onFirst',
    edge: 'start',
  },
  {
    label: 'Previous handoff',
    keys: 'Shift+ArrowLeft',
    shortcut: 'Shift+←',
    icon: 'prevHandoff',
    action: 'onPrevHandoff',
    edge: 'start',
  },
  {
    label: 'Step back',
    keys: 'ArrowLeft',
    shortcut: '←',
    icon: 'stepBack',
    action: 'onStepBack',
    edge: 'start',
  },
];

/** After the Play button: towards the end. */
const FORWARD: readonly StepButton[] = [
  {
    label: 'Step forward',
    keys: 'ArrowRight',
    shortcut: '→',
    icon: 'stepForward',
    action: 'onStepForward',
    edge: 'end',
  },
  {
    label: 'Next handoff',
    keys: 'Shift+ArrowRight',
    shortcut: 'Shift+→: to the next moment control changes hands',
    icon: 'nextHandoff',
    action: 'onNextHandoff',
    edge: 'end',
  },
  { label: 'Last step', keys: 'End', shortcut: 'End', icon: 'last', action: 'onLast', edge: 'end' },
];

export function Transport(props: TransportProps) {
  const { step, last, playing, disabled } = props;
  const speedId = useId();
  const atEdge: Record<Edge, boolean> = {
    start: disabled || step <= 0,
    end: disabled || step >= last,
  };
  const stepButton = (b: StepButton) => (
    <ControlButton
      key={b.label}
      label={b.label}
      keys={b.keys}
      shortcut={b.shortcut}
      disabled={atEdge[b.edge]}
      onClick={props[b.action]}
    >
      {icons[b.icon]}
    </ControlButton>
  );
  return (
    <fieldset className="transport">
      <legend className="sr-only">Replay</legend>
      <div className="transport__buttons">
        {BACK.map(stepButton)}
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
        {FORWARD.map(stepButton)}
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
