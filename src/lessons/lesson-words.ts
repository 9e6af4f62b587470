/**
 * The few phrases lessons add to src/trace/words.ts (which names tasks and spells times
 * everywhere else): a task with its coroutine, an output as one quoted line, and seconds as an
 * author writes them in a check or a moment ("3 s", not "3.0 s").
 */
import { type Step, stateAt, type TaskId, type TaskSummary, type Trace } from '../trace/index.ts';
import { formatSeconds, taskName } from '../trace/words.ts';

/** "worker-1 (worker)" or "main" when the name and coroutine say the same. */
export function describeTask(task: TaskSummary): string {
  return task.name === task.coro ? task.name : `${task.name} (${task.coro})`;
}

/**
 * Tasks asyncio creates for itself while `asyncio.run` shuts down: not the program's, so checks
 * about "every task" leave them out.
 */
export function isShutdownTask(task: TaskSummary): boolean {
  return task.coro.startsWith('BaseEventLoop.');
}

/** The program's tasks: every task except those asyncio.run creates for its own shutdown. */
export function programTasks(tasks: readonly TaskSummary[]): TaskSummary[] {
  return tasks.filter((t) => !isShutdownTask(t));
}

/** The name task `id` had at `step` (its final name if it did not exist yet). */
export function taskNameAt(trace: Trace, id: TaskId | number, step: Step | number): string {
  return taskName(stateAt(trace, step), id as TaskId, trace);
}

/** A number of seconds as an author writes it: 3 → "3", 0.30000000000000004 → "0.3". */
export function secondsNumber(t: number): string {
  return formatSeconds(t).replace(/\.0$/, '');
}

// Seconds in checks and answers are words.ts's own `seconds` (3 → "3.0 s"), re-exported so a
// lesson module imports its phrases from one place; there is no second spelling.
export { seconds } from '../trace/words.ts';

/** An output text as one quoted line: trailing newline dropped, inner newlines shown as ⏎. */
export function quoteOutput(text: string): string {
  return `“${text.replace(/\n$/, '').replace(/\n/g, '⏎')}”`;
}
