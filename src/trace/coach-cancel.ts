/**
 * The coach on a swallowed cancellation: a task was asked to stop (`task.cancel()`, a TaskGroup
 * whose sibling failed, a timeout, asyncio.run's clean-up), caught the CancelledError and went on
 * as if nobody had asked. CPython reports nothing, so the coach reads it from two facts the tracer
 * records from `Task.cancelling()` (docs/trace-format.md): the resume that delivered the
 * CancelledError (its `cn` is higher than at the task's previous resume), and a task that
 * returned with a cancel request still pending (`cn` on its `task-done`). Reading source alone
 * could not tell a handler that caught its own cancellation from one that caught another task's
 * (`await task` of a cancelled task), nor a timeout that took its request back (uncancel).
 * A swallow inside `async with asyncio.timeout()` leaves no request pending: coach-timeout.ts.
 */
import { type Advice, advice, LESSONS, taskLabel } from './coach-advice.ts';
import { asStep } from './ids.ts';
import { traceIndex } from './trace-index.ts';
import type { Trace } from './types.ts';

/** What a handler catches, when it catches a CancelledError; null for any other line. */
type Catch = 'CancelledError' | 'BaseException' | 'bare';

/** `except:`, `except BaseException`, `except (asyncio.)CancelledError` (also in a tuple). */
export function catchesCancel(text: string): Catch | null {
  if (/^\s*except\s*:/.test(text)) return 'bare';
  const m = /^\s*except\b([^:]*):/.exec(text);
  if (!m) return null;
  if (/\bBaseException\b/.test(m[1] as string)) return 'BaseException';
  if (/\bCancelledError\b/.test(m[1] as string)) return 'CancelledError';
  return null;
}

/** True when the handler at 1-based `line` has a `raise` in its body (by indentation). */
export function handlerRaises(lines: readonly string[], line: number): boolean {
  const indent = /^\s*/.exec(lines[line - 1] ?? '')?.[0].length ?? 0;
  for (let j = line; j < lines.length; j++) {
    const text = lines[j] as string;
    if (text.trim() === '') continue;
    if ((/^\s*/.exec(text)?.[0].length ?? 0) <= indent) break;
    if (/^\s*raise\b/.test(text)) return true;
  }
  return false;
}

interface Swallow {
  /** The step of the handler's `except` line (or the task's first line after the delivery). */
  step: number;
  line: number;
  catches: Catch | null;
}

/**
 * The step of the first resume that delivered a CancelledError (its `cn` is above 0), or -1.
 * Nothing can be swallowed before it: the scans for swallows start there, and a run that
 * cancelled nothing (most of them, and a million steps scanned twice for nothing: ~20 ms in one
 * go when a big run ends) is not scanned at all. The per-trace index lists the resumes.
 */
export function firstCancelDelivery(trace: Trace): number {
  const resumes = traceIndex(trace).kindSteps.get('resume');
  if (resumes === undefined) return -1;
  for (const step of resumes) {
    const e = trace.events[step];
    if (typeof e === 'object' && e.k === 'resume' && (e.cn ?? 0) > 0) return step;
  }
  return -1;
}

/** Per task: the first handler that caught a delivered cancellation, and how the task ended. */
function follow(trace: Trace) {
  const caught = new Map<number, Swallow>();
  const returnedPending = new Set<number>();
  const ended = new Set<number>();
  const lines = trace.source.split('\n');
  const lastCount = new Map<number, number>();
  // Tasks whose CancelledError is on its way up: the first line they run, and the first
  // handler that catches it (a narrower `except ValueError:` is evaluated, and lets it pass).
  const delivered = new Map<number, Swallow | null>();
  let holder: number | null = null;
  const { events } = trace;
  // Before the first delivery every count was 0 (the default) and no task had anything to
  // catch; a task that ended before it cannot have caught one.
  const first = firstCancelDelivery(trace);
  for (let i = first < 0 ? events.length : first; i < events.length; i++) {
    const e = events[i];
    if (typeof e === 'number') {
      if (holder === null || !delivered.has(holder)) continue;
      const catches = catchesCancel(lines[e - 1] ?? '');
      if (catches) {
        delivered.delete(holder);
        if (!caught.has(holder)) caught.set(holder, { step: i, line: e, catches });
      } else if (delivered.get(holder) === null) {
        delivered.set(holder, { step: i, line: e, catches: null });
      }
      continue;
    }
    switch (e?.k) {
      case 'resume': {
        holder = e.t;
        const count = e.cn ?? 0;
        if (count > (lastCount.get(e.t) ?? 0) && !delivered.has(e.t)) delivered.set(e.t, null);
        lastCount.set(e.t, count);
        break;
      }
      case 'task-done': {
        ended.add(e.t);
        if (e.r !== undefined && (e.cn ?? 0) > 0) {
          returnedPending.add(e.t);
          // Swallowed where no `except` line of the program shows it (contextlib.suppress).
          const first = delivered.get(e.t);
          if (!caught.has(e.t) && first) caught.set(e.t, first);
        }
        delivered.delete(e.t);
        holder = null;
        break;
      }
      case 'suspend':
      case 'callback':
        holder = null;
        break;
    }
  }
  return { caught, returnedPending, ended, lines };
}

const CLAUSE: Record<Catch, string> = {
  CancelledError: '`except CancelledError`',
  BaseException: '`except BaseException`',
  bare: 'bare `except:`',
};

/** `explained`: tasks whose swallow coach-timeout.ts explains already (inside a timeout). */
export function swallowedCancelAdvice(
  trace: Trace,
  explained: ReadonlySet<number> = new Set(),
): Advice[] {
  const { caught, returnedPending, ended, lines } = follow(trace);
  const out: Advice[] = [];
  for (const [t, s] of caught) {
    if (explained.has(t)) continue;
    const returned = returnedPending.has(t);
    // A task that never finished may still have been on its way to a `raise` (an awaited
    // clean-up): only a handler with no `raise` at all says it meant to carry on.
    const keptRunning =
      !returned && !ended.has(t) && s.catches !== null && !handlerRaises(lines, s.line);
    if (!returned && !keptRunning) continue;
    const by = s.catches
      ? `the ${CLAUSE[s.catches]} at line ${s.line} caught the CancelledError`
      : `the CancelledError was caught around line ${s.line}`;
    const after = returned
      ? 'the task returned normally, as if nobody had asked it to stop (`task.cancelled()` says False)'
      : 'the task kept running, as if nobody had asked it to stop';
    out.push(
      advice('cancel-swallowed', {
        explanation: `${taskLabel(trace, t)} was cancelled, but ${by} and ${after}: whoever cancelled it (\`task.cancel()\`, a TaskGroup, a timeout, asyncio.run's clean-up) is not obeyed.`,
        fix: fixFor(s.catches),
        lines: [s.line],
        step: asStep(s.step),
        lesson: LESSONS.cancellation,
      }),
    );
  }
  return out;
}

function fixFor(catches: Catch | null): string {
  const reraise =
    'Do the clean-up you need in the handler (or in `finally:`), then `raise` to let the cancellation go on.';
  const timeout =
    'To stop waiting after a while, use `async with asyncio.timeout(…)` and catch `TimeoutError`, not the cancellation.';
  if (catches === 'BaseException' || catches === 'bare')
    return `Catch only what you mean to handle (\`except Exception:\` lets CancelledError through). ${reraise} ${timeout}`;
  return `${reraise} ${timeout}`;
}
