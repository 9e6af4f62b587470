/**
 * Facts about a trace that moments, questions and checks all need: the virtual time and the
 * party holding control at every step, every name each task had, and when each task started
 * and finished. One scan, cached per trace (a learner's trace may have a million steps).
 */
import type { Step, TaskId, Trace } from '../trace/index.ts';

export interface TaskFacts {
  readonly id: TaskId;
  /** The name at the end of the run (as `Task.get_name()` gives it). */
  readonly name: string;
  /** Every name it had, in order (set_name renames it). */
  readonly names: readonly string[];
  readonly coro: string;
  readonly user: boolean;
  readonly created: Step;
  /** Step of its first `resume`, or null if it never ran. */
  readonly started: Step | null;
  /** Step of its `task-done`, or null if it never finished. */
  readonly done: Step | null;
  /** How it ended, or null if it never finished. */
  readonly outcome: 'result' | 'exception' | 'cancelled' | null;
  /** The repr of its result or exception, when it has one. */
  readonly value: string | null;
}

export interface TraceFacts {
  /** Virtual time after each step. */
  readonly time: Float64Array;
  /** Task holding control after each step; 0: no task. */
  readonly holder: Int32Array;
  /** By task id − 1 (ids are 1, 2, … in creation order). */
  readonly tasks: readonly TaskFacts[];
  /** Virtual time at the end of the run. */
  readonly endTime: number;
}

const cache = new WeakMap<Trace, TraceFacts>();

interface MutableTask {
  id: TaskId;
  name: string;
  names: string[];
  coro: string;
  user: boolean;
  created: Step;
  started: Step | null;
  done: Step | null;
  outcome: 'result' | 'exception' | 'cancelled' | null;
  value: string | null;
}

export function traceFacts(trace: Trace): TraceFacts {
  const cached = cache.get(trace);
  if (cached) return cached;
  const events = trace.events;
  const n = events.length;
  const time = new Float64Array(n);
  const holder = new Int32Array(n);
  const tasks: MutableTask[] = [];
  let now = 0;
  let held = 0;
  for (let i = 0; i < n; i++) {
    const e = events[i];
    if (typeof e === 'object') {
      switch (e.k) {
        case 'clock':
        case 'block':
          now = Math.max(now, e.at);
          break;
        case 'resume': {
          held = e.t;
          const task = tasks[e.t - 1];
          if (task && task.started === null) task.started = i as Step;
          break;
        }
        case 'suspend':
        case 'callback':
          held = 0;
          break;
        case 'task-done': {
          held = 0;
          const task = tasks[e.t - 1];
          if (task) {
            task.done = i as Step;
            if (e.c === 1) {
              task.outcome = 'cancelled';
            } else if (e.x !== undefined) {
              task.outcome = 'exception';
              task.value = e.x;
            } else {
              task.outcome = 'result';
              task.value = e.r ?? 'None';
            }
          }
          break;
        }
        case 'task-created':
          tasks[e.t - 1] = {
            id: e.t,
            name: e.name,
            names: [e.name],
            coro: e.coro,
            user: e.user,
            created: i as Step,
            started: null,
            done: null,
            outcome: null,
            value: null,
          };
          break;
        case 'task-name': {
          const task = tasks[e.t - 1];
          if (task) {
            task.name = e.name;
            if (!task.names.includes(e.name)) task.names.push(e.name);
          }
          break;
        }
      }
    }
    time[i] = now;
    holder[i] = held;
  }
  // The header's table is authoritative for final names (and covers a trace cut short).
  for (const info of trace.tasks) {
    const task = tasks[info.id - 1];
    if (task) {
      task.name = info.name;
      if (!task.names.includes(info.name)) task.names.push(info.name);
    }
  }
  const facts: TraceFacts = {
    time,
    holder,
    tasks: tasks.filter((t): t is MutableTask => t !== undefined),
    endTime: now,
  };
  cache.set(trace, facts);
  return facts;
}

/** The time after `step` (-1: before the first event, time 0). */
export function timeAt(trace: Trace, step: number): number {
  return step < 0 ? 0 : (traceFacts(trace).time[step] ?? traceFacts(trace).endTime);
}

export function taskById(trace: Trace, id: number): TaskFacts | undefined {
  const tasks = traceFacts(trace).tasks;
  const guess = tasks[id - 1];
  return guess?.id === id ? guess : tasks.find((t) => t.id === id);
}

/** The name task `id` had at `step`. */
export function taskNameAt(trace: Trace, id: number, step: number): string {
  let name: string | null = null;
  const events = trace.events;
  for (let i = 0; i <= step && i < events.length; i++) {
    const e = events[i];
    if (typeof e === 'object' && (e.k === 'task-created' || e.k === 'task-name') && e.t === id) {
      name = e.name;
    }
  }
  return name ?? taskById(trace, id)?.name ?? `task ${id}`;
}

/** "worker-1 (worker)" or "main" when the name and coroutine say the same. */
export function describeTask(task: TaskFacts): string {
  return task.name === task.coro ? task.name : `${task.name} (${task.coro})`;
}

/**
 * Tasks asyncio creates for itself while `asyncio.run` shuts down: not the program's, so checks
 * about "every task" leave them out.
 */
export function isShutdownTask(task: TaskFacts): boolean {
  return task.coro.startsWith('BaseEventLoop.');
}

/** Seconds, without float noise: 3 → "3 s", 0.30000000000000004 → "0.3 s". */
export function seconds(t: number): string {
  return `${formatNumber(t)} s`;
}

export function formatNumber(x: number): string {
  return String(Number.parseFloat(x.toFixed(6)));
}

/** An output text as one quoted line: trailing newline dropped, inner newlines shown as ⏎. */
export function quoteOutput(text: string): string {
  return `“${text.replace(/\n$/, '').replace(/\n/g, '⏎')}”`;
}
