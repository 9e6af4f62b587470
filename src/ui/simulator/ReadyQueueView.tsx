import { AnimatePresence, motion, useReducedMotion } from 'motion/react';
import { findTask, type LoopState, type Trace } from '../../trace/index.ts';
import { describeReadyEntry, describeReadyEntryWords } from '../../trace/words.ts';
import { WordsView } from './WordsView.tsx';

export interface ReadyQueueViewProps {
  trace: Trace;
  state: LoopState;
  /**
   * Entries shown before "+N more" (the rest in its title and accessible text); all when not
   * given. Many tasks (issue 9 §1): the side column keeps 12 px type by showing fewer entries, and
   * each task's card says its place already ("starts 3rd").
   */
  limit?: number;
}

/** The entries shown: all, or `limit` of them when that leaves at least two for "+N more". */
export function shownReady(count: number, limit: number | undefined): number {
  return limit === undefined || count <= limit + 1 ? count : limit;
}

/** The ready queue, front first: what the loop runs next, in FIFO order. */
export function ReadyQueueView({ trace, state, limit }: ReadyQueueViewProps) {
  // Entries slide in at the back and out at the front; with reduced motion they just appear.
  const reduce = useReducedMotion() ?? false;
  const shown = shownReady(state.ready.length, limit);
  const rest = state.ready.slice(shown).map((entry) => describeReadyEntry(state, entry, trace));
  // Entries move only when the queue does: motion measures them then, not at every step.
  const order = state.ready
    .slice(0, shown)
    .map((e) => e.handle)
    .join(' ');
  return (
    <div className="sim-box sim-box--ready">
      <h3 className="sim-box__title" id="sim-ready-title">
        Ready queue <span className="sim-box__hint">front first: the loop runs these next</span>
      </h3>
      <ol aria-label="Ready queue" className="sim-ready">
        <AnimatePresence initial={false} mode="popLayout">
          {state.ready.slice(0, shown).map((entry, i) => {
            const task = entry.task === null ? undefined : findTask(state, entry.task);
            return (
              <motion.li
                key={entry.handle}
                layout="position"
                layoutDependency={order}
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
        {rest.length > 0 ? (
          <li className="sim-ready__more" title={`Then: ${rest.join(', ')}`}>
            <span aria-hidden="true">+{rest.length} more</span>
            <span className="sr-only">{`${rest.length} more: ${rest.join(', ')}`}</span>
          </li>
        ) : null}
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
