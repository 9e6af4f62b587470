/**
 * A run that did not finish, in a learner's words: why it stopped (a deadlock, the step limit, a
 * timer that never fires, an exception) and which tasks were left waiting, at which line, for
 * what. Exercise checks say this instead of judging a run that has no end (a deadlocked run
 * "takes at most 2 s" only because it stopped there).
 */
import { stateAt } from '../replay.ts';
import type { Trace } from '../types.ts';
import { isFinished } from './names.ts';
import { seconds } from './numbers.ts';
import { describeWait } from './waits.ts';

/** A task left unfinished when the run ended: its name, coroutine, line and what it waits for. */
export interface StuckTask {
  readonly name: string;
  readonly coro: string;
  readonly line: number | null;
  /** "queue.get() on q — empty"; null when it never started or waits for its turn. */
  readonly waits: string | null;
}

/** Every task (asyncio's own shutdown tasks aside) not finished at the run's last step. */
export function stuckTasks(trace: Trace): StuckTask[] {
  if (trace.events.length === 0) return [];
  const last = stateAt(trace, trace.events.length - 1);
  return last.tasks
    .filter((t) => !isFinished(t.state) && !t.coro.startsWith('BaseEventLoop.'))
    .map((t) => ({
      name: t.name,
      coro: t.coro,
      line: t.line,
      waits: t.wait ? describeWait(last, t.wait, trace) : null,
    }));
}

/** "Task-2 (worker) at line 5, waiting for queue.get() on q — empty" */
export function stuckTaskText(t: StuckTask): string {
  const who = t.name === t.coro ? t.name : `${t.name} (${t.coro})`;
  const where = t.line !== null ? ` at line ${t.line}` : '';
  const what = t.waits ? `, waiting for ${t.waits}` : t.line === null ? ', never started' : '';
  return `${who}${where}${what}`;
}

/**
 * Why the run did not finish, as a clause that follows "the run " ("stopped in a deadlock at
 * 2.0 s, …"), or null
 * when it did (completed, or ended by an exception: that is an end, said by its own check).
 */
export function unfinishedWhy(trace: Trace): string | null {
  if (trace.status !== 'limit' || trace.limit === null) return null;
  const n = trace.events.length;
  const time = n > 0 ? stateAt(trace, n - 1).time : 0;
  switch (trace.limit.kind) {
    case 'deadlock':
      return `stopped in a deadlock at ${seconds(time)}, ${stuckTasks(trace).length === 1 ? 'its last task' : 'every task'} waiting for something that nothing left could give it`;
    case 'steps':
      return `was stopped after ${n.toLocaleString('en-US')} steps, most likely a loop that never ends`;
    case 'time':
      return 'was still waiting after a whole day of virtual time, for a timer that never comes';
    case 'output':
      return 'printed more than the output limit allows, most likely in a loop that never ends';
    case 'stopped':
      return 'was stopped (by you) before the end';
    case 'busy-wait':
      return 'was stopped while a loop kept checking something without ever waiting';
    default:
      return `was stopped: ${trace.limit.message}`;
  }
}
