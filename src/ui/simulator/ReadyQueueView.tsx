import { AnimatePresence, motion, useReducedMotion } from 'motion/react';
import { findTask, type LoopState, type Trace } from '../../trace/index.ts';
import { describeReadyEntryWords } from '../../trace/words.ts';
import { WordsView } from './WordsView.tsx';

export interface ReadyQueueViewProps {
  trace: Trace;
  state: LoopState;
}

/** The ready queue, front first: what the loop runs next, in FIFO order. */
export function ReadyQueueView({ trace, state }: ReadyQueueViewProps) {
  // Entries slide in at the back and out at the front; with reduced motion they just appear.
  const reduce = useReducedMotion() ?? false;
  return (
    <div className="sim-box sim-box--ready">
      <h3 className="sim-box__title" id="sim-ready-title">
        Ready queue <span className="sim-box__hint">front first: the loop runs these next</span>
      </h3>
      <ol aria-label="Ready queue" className="sim-ready">
        <AnimatePresence initial={false} mode="popLayout">
          {state.ready.map((entry, i) => {
            const task = entry.task === null ? undefined : findTask(state, entry.task);
            return (
              <motion.li
                key={entry.handle}
                layout="position"
                initial={reduce ? false : { opacity: 0, x: 24 }}
                animate={{ opacity: 1, x: 0 }}
                exit={reduce ? undefined : { opacity: 0, x: -24 }}
                transition={{ duration: 0.25 }}
                className="sim-ready__entry"
                data-internal={task && !task.user ? 'true' : undefined}
                data-kind={entry.task === null ? 'callback' : 'task'}
              >
                <span className="sim-ready__pos" aria-hidden="true">
                  {i === 0 ? 'next' : i + 1}
                </span>
                {entry.task === null ? (
                  <span className="sim-ready__cb" aria-hidden="true">
                    ƒ
                  </span>
                ) : null}
                <span className="sim-ready__text">
                  <WordsView words={describeReadyEntryWords(state, entry, trace)} />
                </span>
              </motion.li>
            );
          })}
        </AnimatePresence>
      </ol>
      {state.ready.length === 0 ? (
        <p className="sim-empty">empty: nothing is ready to run</p>
      ) : null}
      {state.blocked ? (
        <p className="sim-box__blocked">The loop is blocked: none of these can run.</p>
      ) : null}
    </div>
  );
}
