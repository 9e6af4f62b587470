/** Names: task states, tasks, objects, callbacks, and what a finished task ended with. */
import type { ObjectId, TaskId, ThreadId } from '../ids.ts';
import { findObject, findTask, type LoopState, type TaskState, type TaskView } from '../state.ts';
import type { TaskOutcome, Trace } from '../types.ts';
import { formatCount } from './numbers.ts';
import type { ObjectPart, TaskPart, Words } from './parts.ts';

/** The word for a task state, as cards and their accessible names show it. */
export function taskStateLabel(state: TaskState): string {
  switch (state) {
    case 'running':
      return 'running';
    case 'ready':
      return 'ready';
    case 'waiting':
      return 'waiting';
    case 'done':
      return 'done';
    case 'cancelled':
      return 'cancelled';
    case 'failed':
      return 'failed';
  }
}

/** A glyph per state, so that a state never rests on colour alone. */
export function taskStateGlyph(state: TaskState): string {
  switch (state) {
    case 'running':
      return '▶';
    case 'ready':
      return '⋯';
    case 'waiting':
      return '◷';
    case 'done':
      return '✓';
    case 'cancelled':
      return '⊘';
    case 'failed':
      return '✕';
  }
}

/** Done, failed or cancelled: the task will not run again. */
export function isFinished(state: TaskState): state is 'done' | 'failed' | 'cancelled' {
  return state === 'done' || state === 'failed' || state === 'cancelled';
}

/** The accessible name of a task card: `worker-1, running`. */
export function taskCardLabel(task: Pick<TaskView, 'name' | 'state'>): string {
  return `${task.name}, ${taskStateLabel(task.state)}`;
}

/**
 * The name of task `id` at this step (a task can be renamed), falling back to the trace's table
 * (the name it ended with), then to asyncio's default `Task-<id>`. Without a state: the table.
 */
export function taskName(state: LoopState | null, id: TaskId, trace?: Trace): string {
  return (
    (state && findTask(state, id)?.name) ??
    trace?.tasks.find((t) => t.id === id)?.name ??
    `Task-${id}`
  );
}

/** Who holds control: the task's name, or `the event loop`. */
export function holderName(state: LoopState, id: TaskId | null, trace?: Trace): string {
  return id === null ? 'the event loop' : taskName(state, id, trace);
}

export function taskPart(state: LoopState, id: TaskId, trace?: Trace): TaskPart {
  return { task: id, name: taskName(state, id, trace) };
}

/**
 * How the program calls an object: its variable name when it has one, else `a Queue` (the type
 * with an article).
 */
export function objectName(state: LoopState, id: ObjectId, trace?: Trace): string {
  const o = findObject(state, id) ?? trace?.objects.find((x) => x.id === id);
  if (!o) return `object ${id}`;
  return o.label ? o.label : withArticle(o.type);
}

/** `a Queue`, `an Event`: a type name with its article. */
export function withArticle(type: string): string {
  return `${/^[AEIOU]/.test(type) ? 'an' : 'a'} ${type}`;
}

export function objectPart(state: LoopState, id: ObjectId, trace?: Trace): ObjectPart {
  return { object: id, name: objectName(state, id, trace) };
}

/**
 * `gather.<locals>._done_callback` → `gather._done_callback()`: a callback as a call; `a callback`
 * when the tracer could not name it (never "null").
 */
export function callbackText(name: string | null): string {
  return name === null ? 'a callback' : `${name.replace(/\.<locals>\./g, '.')}()`;
}

/**
 * A callback as a party that holds control (an editor marker's name, a narration's subject):
 * `callback say()`, or `a callback` when the tracer could not name it.
 */
export function callbackLabel(name: string | null): string {
  return name === null ? 'a callback' : `callback ${callbackText(name)}`;
}

/** A callback in a sentence: `the callback f()`, or `a callback` when it has no name. */
export function callbackNoun(name: string | null): string {
  return name === null ? 'a callback' : `the callback ${callbackText(name)}`;
}

/** A simulated thread's name (`ThreadPoolExecutor-0_0`), or `#2` before its `thread` event. */
export function threadName(state: LoopState, id: ThreadId): string {
  return state.threads.find((t) => t.id === id)?.name ?? `#${id}`;
}

/** What a finished task ended with: `returned 42`, `raised ValueError('x')`, `was cancelled`. */
export function describeOutcome(outcome: TaskOutcome): Words {
  switch (outcome.kind) {
    case 'result':
      return ['returned ', { code: outcome.repr }];
    case 'exception':
      return ['raised ', { code: outcome.repr }];
    case 'cancelled':
      return ['was cancelled'];
  }
}

/** What the UI calls Python's `<module>` frame. */
export const TOP_LEVEL = 'the top-level code';

/** A function as the UI names it: `worker`, or `the top-level code` for `<module>`. */
export function functionText(fn: string): string {
  return fn === '<module>' ? TOP_LEVEL : fn;
}

/**
 * `Printed by main at step 1,204`: where a console line came from. `who` is the task's name, or
 * null for output written while no task held control.
 */
export function outputOriginText(stderr: boolean, who: string | null, step: number): string {
  const by = who ?? 'the program (no task)';
  return `${stderr ? 'Written to stderr' : 'Printed'} by ${by} at step ${formatCount(step)}`;
}
