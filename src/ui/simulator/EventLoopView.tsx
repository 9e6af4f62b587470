import { findTask, type LoopState, type Trace } from '../../trace/index.ts';
import {
  clockText,
  controlText,
  describeMoment,
  loopPhase,
  startsLoop,
} from '../../trace/words.ts';
import { TokenAnchor } from './ControlToken.tsx';
import { JumpIcon, StopIcon } from './Icons.tsx';
import { TaskChip } from './TaskChip.tsx';
import { WordsView } from './WordsView.tsx';

export interface EventLoopViewProps {
  trace: Trace;
  state: LoopState;
  previous?: LoopState | null;
  /** Whether the task holding control has a card on screen (internal tasks may be hidden). */
  holderShown: boolean;
}

/**
 * The loop as a hub: the control token rests here while no task holds control, the virtual
 * clock, who holds control (the status line), and one sentence on what the loop does now. A
 * blocked loop turns the caption into a red band; a stopped loop greys the hub.
 */
export function EventLoopView({ trace, state, previous, holderShown }: EventLoopViewProps) {
  const moment = describeMoment(trace, state, previous);
  const phase = loopPhase(trace, state);
  const holder = state.holder === null ? null : findTask(state, state.holder);
  // A blocking call outside a loop blocks no loop: the program just waits (see describeMoment).
  const loopBlocked = state.blocked !== null && state.loopRunning;
  const hubText = loopBlocked
    ? 'blocked'
    : phase === 'running'
      ? 'event loop'
      : phase === 'before'
        ? startsLoop(trace)
          ? 'no loop yet'
          : 'no event loop'
        : phase === 'after'
          ? 'stopped'
          : 'not running';
  // No loop runs: the top-level code holds control (the token rests beside it, not on the hub).
  const topLevel = state.holder === null && !state.loopRunning;
  return (
    <section
      aria-label="Event loop"
      className="sim-loop"
      data-phase={phase}
      data-tone={moment.tone}
      data-blocked={loopBlocked ? 'true' : undefined}
    >
      <div className="sim-loop__hub">
        <div className="sim-hub" data-running={state.loopRunning ? 'true' : 'false'}>
          <svg className="sim-hub__ring" viewBox="0 0 100 100" aria-hidden="true">
            <circle cx="50" cy="50" r="44" />
            <path d="M 50 6 A 44 44 0 0 1 94 50" className="sim-hub__arc" />
            <polygon points="94,58 86,44 102,44" className="sim-hub__arrow" />
          </svg>
          <span className="sim-hub__label">{hubText}</span>
          <span className="sim-hub__slot">
            <TokenAnchor at="loop" />
          </span>
        </div>
      </div>
      <div className="sim-loop__info">
        <div className="sim-clock">
          <span className="sim-clock__label">virtual clock</span>
          <span className="sim-clock__value">{clockText(state.time)}</span>
        </div>
        <div className="sim-control">
          {holder ? (
            <TaskChip task={holder.id} />
          ) : topLevel ? (
            <span className="sim-control__program">
              <TokenAnchor at="program" />
            </span>
          ) : (
            <span className="sim-control__loop">∞</span>
          )}
          <p role="status" className="sim-control__text">
            {controlText(state, trace)}
          </p>
          {holder && !holderShown ? (
            <span className="sim-internal-tag">internal task, hidden</span>
          ) : null}
        </div>
      </div>
      <p className="sim-moment" data-tone={moment.tone}>
        {moment.tone === 'blocked' || moment.tone === 'deadlock' ? (
          <span className="sim-moment__icon">
            <StopIcon />
          </span>
        ) : moment.tone === 'clock' ? (
          <span className="sim-moment__icon">
            <JumpIcon />
          </span>
        ) : null}
        <span className="sim-moment__text">
          <WordsView words={moment.words} />
        </span>
      </p>
    </section>
  );
}
