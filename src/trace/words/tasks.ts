/**
 * Tasks, the ready queue and timers in words (the simulator's cards and queues), who has control,
 * and why a run stopped early.
 */

import { stateAt } from '../replay.ts';
import {
  findTask,
  type LoopState,
  type ReadyEntry,
  type TaskView,
  type TimerEntry,
} from '../state.ts';
import type { Trace } from '../types.ts';
import {
  callbackText,
  describeOutcome,
  isFinished,
  TOP_LEVEL,
  taskName,
  taskPart,
  taskStateLabel,
} from './names.ts';
import { ordinal, seconds } from './numbers.ts';
import { plain, type Words } from './parts.ts';
import { describeWait, describeWaitWords } from './waits.ts';

/** The coroutine as a call: `worker()`, `BaseEventLoop.shutdown_asyncgens()`. */
export function coroText(task: Pick<TaskView, 'coro'>): string {
  return `${task.coro}()`;
}

/** Said where asyncio's own task runs while such tasks are hidden from the cards. */
export function internalRunningText(task: Pick<TaskView, 'name' | 'coro'>): string {
  return `${task.name}, an internal asyncio task (${coroText(task)}), is running.`;
}

/**
 * One line about where a task is, for its card: `runs line 12`, `2nd in the ready queue`,
 * `sleep until 4.0 s`, `returned 42`. `short`, for the short cards of many tasks (under the
 * Ready lane's title, beside the ready queue that spells it out): `starts next`, `resumes 3rd`.
 */
export function describeTaskNow(
  state: LoopState,
  task: TaskView,
  trace?: Trace,
  short = false,
): Words {
  if (short && task.state === 'ready') return [readyShort(state, task)];
  switch (task.state) {
    case 'running':
      if (state.blocked && state.blocked.task === task.id) {
        return ['blocks the loop: ', { code: state.blocked.by }];
      }
      return task.line === null ? ['starts'] : ['runs line ', String(task.line)];
    case 'ready': {
      const i = state.ready.findIndex((r) => r.task === task.id);
      const where = i === 0 ? 'next in the ready queue' : `${ordinal(i + 1)} in the ready queue`;
      if (task.line === null) return [`ready to start: ${where}`];
      if (task.wait?.on === 'yield') return [`yielded: ${where}`];
      return [i < 0 ? 'ready' : `ready: ${where}`];
    }
    case 'waiting':
      if (task.wait) return describeWaitWords(state, task.wait, trace);
      return [task.line === null ? 'not started yet' : 'waiting'];
    case 'done':
    case 'failed':
    case 'cancelled':
      return task.outcome ? describeOutcome(task.outcome) : [taskStateLabel(task.state)];
  }
}

/** A ready task's turn in few words: `starts next`, `resumes 3rd`, or `ready` when not queued. */
function readyShort(state: LoopState, task: TaskView): string {
  const i = state.ready.findIndex((r) => r.task === task.id);
  if (i < 0) return 'ready';
  return `${task.line === null ? 'starts' : 'resumes'} ${i === 0 ? 'next' : ordinal(i + 1)}`;
}

/** Whether a ready-queue entry starts the task (it has run no line yet) or resumes it. */
export function describeReadyEntryWords(state: LoopState, entry: ReadyEntry, trace?: Trace): Words {
  if (entry.timer === 'sleep' && entry.task !== null) {
    return ['wake ', taskPart(state, entry.task, trace), ' (sleep over)'];
  }
  if (entry.timer === 'timeout' && entry.task !== null) {
    return ['time out ', taskPart(state, entry.task, trace)];
  }
  if (entry.task !== null) {
    const t = findTask(state, entry.task);
    return [taskPart(state, entry.task, trace), t?.line == null ? ' starts' : ' resumes'];
  }
  return ['call ', { code: callbackText(entry.callback) }, ...(entry.timer ? [' (timer)'] : [])];
}

export function describeReadyEntry(state: LoopState, entry: ReadyEntry, trace?: Trace): string {
  return plain(describeReadyEntryWords(state, entry, trace));
}

/** `4.0 s → wakes worker-1 (sleep)`, `1.0 s → cancels main (timeout)`, `0.1 s → calls f()`. */
export function describeTimerWords(state: LoopState, timer: TimerEntry, trace?: Trace): Words {
  const at = `${seconds(timer.at)} → `;
  if (timer.why === 'sleep' && timer.task !== null) {
    return [at, 'wakes ', taskPart(state, timer.task, trace), ' (sleep)'];
  }
  if (timer.why === 'timeout' && timer.task !== null) {
    return [at, 'cancels ', taskPart(state, timer.task, trace), ' (timeout)'];
  }
  return [at, 'calls ', { code: callbackText(timer.callback) }];
}

/**
 * A group of timers due together (timer-groups.ts), in two parts: what happens when
 * (`1.0 s → wakes 3 (sleep)`) and to whom (`Task-2, Task-5, Task-8`). One timer, or a callback's,
 * reads as `describeTimerWords`, with no second part.
 */
export function timerGroupWords(
  state: LoopState,
  timers: readonly TimerEntry[],
  trace?: Trace,
): { head: Words; tasks: Words } {
  const [first] = timers;
  if (!first) return { head: [], tasks: [] };
  if (timers.length === 1 || first.task === null) {
    return { head: describeTimerWords(state, first, trace), tasks: [] };
  }
  const deed = first.why === 'timeout' ? 'cancels' : 'wakes';
  const tasks = timers.flatMap((t, i) =>
    t.task === null ? [] : [...(i > 0 ? [', '] : []), taskPart(state, t.task, trace)],
  );
  return { head: [`${seconds(first.at)} → ${deed} ${timers.length} (${first.why})`], tasks };
}

export function describeTimer(state: LoopState, timer: TimerEntry, trace?: Trace): string {
  return plain(describeTimerWords(state, timer, trace));
}

/** `in 0.4 s` from now, or `now` when due. */
export function timeUntil(state: LoopState, at: number): string {
  const d = at - state.time;
  return Math.round(d * 1000) <= 0 ? 'due now' : `in ${seconds(d)}`;
}

/**
 * The status line: `Control: worker-1`, `Control: event loop`, or, while no loop runs (before
 * asyncio.run starts one, or in a program that never does), `Control: the top-level code`.
 */
export function controlText(state: LoopState, trace?: Trace): string {
  if (state.holder !== null) return `Control: ${taskName(state, state.holder, trace)}`;
  return state.loopRunning ? 'Control: event loop' : `Control: ${TOP_LEVEL}`;
}

/**
 * Why a run stopped before it completed, or null if it did not. The tracer writes its own sentence
 * into `trace.limit.message` (kept as it is: the format and the golden traces own it). A deadlock's
 * sentence names what every task waits for, so it is said again here from the last picture, in
 * the words and the time spelling the rest of the page uses; the other limits' sentences name a
 * limit, not the trace, and are shown as written.
 */
export function limitText(trace: Trace): string | null {
  const limit = trace.limit;
  if (limit === null) return null;
  if (limit.kind !== 'deadlock' || trace.events.length === 0) return limit.message;
  const state = stateAt(trace, trace.events.length - 1);
  const waiting = state.tasks
    .filter((t) => !isFinished(t.state))
    .map((t) => `${t.name} waits for ${t.wait ? describeWait(state, t.wait, trace) : 'its turn'}`);
  const detail = waiting.length > 0 ? waiting.join('; ') : 'the loop is running with nothing to do';
  return `Deadlock at ${seconds(state.time)}: nothing is ready and no timer is due, but ${detail}. Real Python would wait here forever.`;
}
