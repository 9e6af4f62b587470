import { AnimatePresence, motion, useReducedMotion } from 'motion/react';
import type { LoopState, Trace } from '../../trace/index.ts';
import { describeTimerWords, timeUntil } from '../../trace/words.ts';
import { WordsView } from './WordsView.tsx';

export interface TimersViewProps {
  trace: Trace;
  state: LoopState;
}

/** Pending timers by due time: when each fires, and which task or callback it wakes. */
export function TimersView({ trace, state }: TimersViewProps) {
  const reduce = useReducedMotion() ?? false;
  return (
    <div className="sim-box sim-box--timers">
      <h3 className="sim-box__title">
        Timers <span className="sim-box__hint">soonest first</span>
      </h3>
      <ol aria-label="Timers" className="sim-timers">
        <AnimatePresence initial={false} mode="popLayout">
          {state.timers.map((timer) => (
            <motion.li
              key={timer.handle}
              layout="position"
              initial={reduce ? false : { opacity: 0, y: -8 }}
              animate={{ opacity: 1, y: 0 }}
              exit={reduce ? undefined : { opacity: 0, x: -24 }}
              transition={{ duration: 0.25 }}
              className="sim-timers__entry"
              data-why={timer.why}
            >
              <span className="sim-timers__text">
                <WordsView words={describeTimerWords(state, timer, trace)} />
              </span>
              <span className="sim-timers__until">{timeUntil(state, timer.at)}</span>
            </motion.li>
          ))}
        </AnimatePresence>
      </ol>
      {state.timers.length === 0 ? <p className="sim-empty">no timers</p> : null}
    </div>
  );
}
