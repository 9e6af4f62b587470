import {
  findTask,
  type LoopState,
  type ThreadJob,
  type ThreadView,
  type Trace,
} from '../../trace/index.ts';
import {
  describeOutcome,
  taskName,
  threadActivityText,
  threadActivityWords,
  threadJobText,
} from '../../trace/words.ts';
import { TaskRef } from './TaskChip.tsx';
import { WordsView } from './WordsView.tsx';
import './ThreadsView.css';

export interface ThreadsViewProps {
  trace: Trace;
  state: LoopState;
}

/**
 * The simulated threads (executor workers, `to_thread`, `threading.Thread`): which thread runs
 * what, until when, beside the tasks, so a learner sees the loop stay free while a thread
 * blocks. Shown only once the program has a thread of its own; asyncio's shutdown thread (made
 * by its internal task) is left out with the other internals.
 */
export function ThreadsView({ trace, state }: ThreadsViewProps) {
  const threads = state.threads.filter((t) => isProgramThread(state, t));
  if (threads.length === 0) return null;
  return (
    <section aria-label="Threads" className="sim-threads">
      <h3 className="sim-section-title">Threads</h3>
      <ul className="sim-threads__list">
        {threads.map((t) => (
          <ThreadBox key={t.id} thread={t} trace={trace} state={state} />
        ))}
      </ul>
    </section>
  );
}

function isProgramThread(state: LoopState, t: ThreadView): boolean {
  return t.createdBy === null || findTask(state, t.createdBy)?.user !== false;
}

function ThreadBox({
  thread,
  trace,
  state,
}: {
  thread: ThreadView;
  trace: Trace;
  state: LoopState;
}) {
  const now = threadActivityText(thread, state.time);
  const busy = !now.startsWith('idle');
  return (
    <li
      className="sim-thread"
      aria-label={`Thread ${thread.name}: ${now}`}
      data-busy={busy ? 'true' : 'false'}
    >
      <div className="sim-thread__head">
        <code className="sim-code sim-thread__name">{thread.name}</code>
        {thread.createdBy === null ? null : (
          <span className="sim-thread__by">
            {' started by '}
            <TaskRef task={thread.createdBy} name={taskName(state, thread.createdBy, trace)} />
          </span>
        )}
      </div>
      <div className="sim-thread__now">
        <WordsView words={threadActivityWords(thread, state.time)} />
      </div>
      {thread.jobs.length === 0 ? null : (
        <ol className="sim-thread__jobs" aria-label={`Jobs of ${thread.name}`}>
          {thread.jobs.map((job) => (
            <li key={`${job.fn}@${job.from}`} data-current={isCurrent(job, state.time)}>
              <code className="sim-code">{threadJobText(job)}</code>
              {job.outcome ? (
                <span className="sim-thread__outcome">
                  {' '}
                  <WordsView words={describeOutcome(job.outcome)} />
                </span>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </li>
  );
}

function isCurrent(job: ThreadJob, time: number): 'true' | undefined {
  return job.from <= time && (job.until === null || time < job.until) ? 'true' : undefined;
}
