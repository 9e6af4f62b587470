import { AnimatePresence, motion, useReducedMotion } from 'motion/react';
import { groupTimers, type LoopState, type Trace } from '../../trace/index.ts';
import { timerGroupWords, timeUntil } from '../../trace/words.ts';
import { WordsView } from './WordsView.tsx';

export interface TimersViewProps {
  trace: Trace;
  state: LoopState;
}

/**
 * Pending timers by due time: when each fires, and which task or callback it wakes. Timers due
 * at one instant that wake tasks are one entry (timer-groups.ts): eight sleeping workers read as
 * three lines a class can take in, not eight.
 */
export function TimersView({ trace, state }: TimersViewProps) {
  const reduce = useReducedMotion() ?? false;
  const groups = groupTimers(state.timers);
  // Entries move only when timers come, go or join a group: motion measures them then only.
  const order = groups.map((g) => g.timers.map((t) => t.handle).join(',')).join(' ');
  return (
    <div className="sim-box sim-box--timers">
      <h3 className="sim-box__title">
        Timers <span className="sim-box__hint">soonest first</span>
      </h3>
      <ol aria-label="Timers" className="sim-timers">
        <AnimatePresence initial={false} mode="popLayout">
          {groups.map(({ at, timers }) => {
            const { head, tasks } = timerGroupWords(state, timers, trace);
            return (
              <motion.li
                // The group's first timer: it stays the key while later ones join or fire.
                key={timers[0]?.handle}
                layout="position"
                layoutDependency={order}
                initial={reduce ? false : { opacity: 0, y: -8 }}
                animate={{ opacity: 1, y: 0 }}
                exit={reduce ? undefined : { opacity: 0, x: -24 }}
                transition={{ duration: 0.25 }}
                className="sim-timers__entry"
                data-why={timers[0]?.why}
                data-count={timers.length > 1 ? timers.length : undefined}
              >
                <span className="sim-timers__text">
                  <WordsView words={head} />
                </span>
                <span className="sim-timers__until">{timeUntil(state, at)}</span>
                {/* The tasks under the line, the whole entry wide: a narrow column fits more. */}
                {tasks.length > 0 ? (
                  <span className="sim-timers__tasks">
                    <WordsView words={tasks} />
                  </span>
                ) : null}
              </motion.li>
            );
          })}
        </AnimatePresence>
      </ol>
      {state.timers.length === 0 ? <p className="sim-empty">no timers</p> : null}
    </div>
  );
}
