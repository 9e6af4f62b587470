/** Checks on the program's tasks: how many run a coroutine, how many at once, how they end. */
import { type TaskSummary, type Trace, traceIndex } from '../../trace/index.ts';
import { cap, plural, stuckTasks, stuckTaskText, unfinishedWhy } from '../../trace/words.ts';
import { describeTask, programTasks } from '../lesson-words.ts';
import type { Bound } from './syntax.ts';
import type { Verdict } from './verdict.ts';
import { boundWords, within } from './words.ts';

export function taskCount(trace: Trace, b: Bound, goal: number, coro: string): Verdict {
  const tasks = traceIndex(trace).tasks.filter((t) => t.coro === coro);
  const n = tasks.length;
  const ok = within(b, n, goal);
  if (n === 0) {
    return {
      pass: ok,
      reason: ok
        ? `No task runs ${coro}.`
        : `No task runs ${coro}: it is called or awaited directly, never wrapped in a task (asyncio.create_task, gather, TaskGroup…).`,
    };
  }
  return {
    pass: ok,
    reason: `${plural(n, 'task')} ${n === 1 ? 'runs' : 'run'} ${coro}${ok ? '.' : `; the goal is ${boundWords(b)} ${goal}.`}`,
    step: tasks[0]?.created ?? null,
  };
}

/** "Running" a coroutine: started (first resume) and not yet finished (task-done). */
export function tasksAtOnce(trace: Trace, b: Bound, n: number, coro: string): Verdict {
  const tasks = traceIndex(trace).tasks.filter((t) => t.coro === coro && t.started !== null);
  if (tasks.length === 0) {
    return {
      pass: b === 'at-most',
      reason: `No task runs ${coro}${b === 'at-most' ? '.' : `: it is called or awaited directly, never wrapped in a task.`}`,
    };
  }
  const { best, step, running } = mostAtOnce(tasks);
  const ok = within(b, best, n);
  const names = running.map((t) => t.name).join(', ');
  return {
    pass: ok,
    // The most at once, said so that it reads right beside the goal: "at most" only for a cap.
    reason: ok
      ? b === 'at-most'
        ? `At most ${plural(best, 'task')} ran ${coro} at the same time (${names}).`
        : `${cap(plural(best, 'task'))} ran ${coro} at the same time (${names}).`
      : b === 'at-most'
        ? `${cap(plural(best, 'task'))} ran ${coro} at the same time (${names}); the goal is at most ${n}.`
        : `No more than ${plural(best, 'task')} ran ${coro} at the same time (${names}); the goal is at least ${n}.`,
    step,
  };
}

/** The most tasks running at the same time, the first step it happens, and which they are. */
function mostAtOnce(tasks: readonly TaskSummary[]): {
  best: number;
  step: number;
  running: TaskSummary[];
} {
  const points: { step: number; delta: number; task: TaskSummary }[] = [];
  for (const t of tasks) {
    points.push({ step: t.started as number, delta: 1, task: t });
    if (t.done !== null) points.push({ step: t.done, delta: -1, task: t });
  }
  // At one step a task cannot both finish and start, so the order within a step does not matter.
  points.sort((a, b) => a.step - b.step || a.delta - b.delta);
  const running = new Set<TaskSummary>();
  let most = { best: 0, step: 0, running: [] as TaskSummary[] };
  for (const p of points) {
    if (p.delta > 0) running.add(p.task);
    else running.delete(p.task);
    if (running.size > most.best)
      most = { best: running.size, step: p.step, running: [...running] };
  }
  return most;
}

export function everyTaskFinishes(trace: Trace): Verdict {
  for (const t of programTasks(traceIndex(trace).tasks)) {
    if (t.outcome?.kind === 'cancelled') {
      return {
        pass: false,
        reason: `${describeTask(t)} was cancelled before it finished.${cancelledWhy(trace, t)}`,
        step: t.done,
      };
    }
  }
  // Every task left waiting, each with the line it waits on: the learner fixes them all at once.
  const stuck = stuckTasks(trace);
  if (stuck.length > 0) {
    const why = unfinishedWhy(trace);
    return {
      pass: false,
      reason: `${stuck.length === 1 ? 'A task never finished' : `${cap(plural(stuck.length, 'task'))} never finished`}${why ? ` (the run ${why})` : ''}: ${stuck.map(stuckTaskText).join('; ')}.`,
      step: trace.events.length - 1,
    };
  }
  return { pass: true, reason: 'Every task finished.' };
}

export function noTaskFails(trace: Trace): Verdict {
  for (const t of programTasks(traceIndex(trace).tasks)) {
    if (t.outcome?.kind === 'exception') {
      return {
        pass: false,
        reason: `${describeTask(t)} ended with ${t.outcome.repr}.`,
        step: t.done,
      };
    }
  }
  return { pass: true, reason: 'No task ended with an exception.' };
}

export function noTaskCancelled(trace: Trace): Verdict {
  const cancelled = programTasks(traceIndex(trace).tasks).find(
    (t) => t.outcome?.kind === 'cancelled',
  );
  return cancelled
    ? {
        pass: false,
        reason: `${describeTask(cancelled)} was cancelled.${cancelledWhy(trace, cancelled)}`,
        step: cancelled.done,
      }
    : { pass: true, reason: 'No task was cancelled.' };
}

function cancelledWhy(trace: Trace, task: TaskSummary): string {
  const main = traceIndex(trace).tasks[0];
  if (main && main !== task && main.done !== null && task.done !== null && task.done > main.done) {
    return ` ${main.name} (${main.coro}) had already returned, and asyncio.run cancels every task still running when it does: nothing awaited ${task.name}.`;
  }
  return '';
}
