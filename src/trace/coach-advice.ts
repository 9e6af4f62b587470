/** The coach's vocabulary: what one piece of advice holds, lesson links, small helpers. */
import type { Step } from './ids.ts';
import type { Trace } from './types.ts';

export type CoachTopic =
  | 'no-current-loop'
  | 'never-awaited'
  | 'blocking'
  | 'exception-never-retrieved'
  | 'destroyed-pending'
  | 'cancel-swallowed'
  | 'deadlock'
  | 'module-not-found'
  | 'memory'
  | 'recursion'
  | 'step-limit'
  | 'time-limit'
  | 'output-limit'
  | 'wall-limit'
  | 'not-awaitable'
  | 'run-in-running-loop'
  | 'await-outside-async';

/** A lesson step that covers the topic: `#/lessons/<slug>/<step from 1>`. */
export interface LessonLink {
  readonly href: string;
  readonly title: string;
}

export interface Advice {
  readonly topic: CoachTopic;
  /** The message CPython (or the lab's limit) wrote, exactly; null when the coach noticed the
   * problem itself (a stall, a swallowed cancellation), which CPython does not report. */
  readonly cpython: string | null;
  /**
   * Who wrote `cpython`: Python itself (its error, warning or stderr line), or Event Loop Lab (a
   * limit it stopped the run at, a deadlock it saw). The page labels each as its author's, so a
   * learner never takes the lab's sentence for CPython's.
   */
  readonly by: 'python' | 'lab';
  /** What happened, in the program's terms: one or two plain sentences. */
  readonly explanation: string;
  /** What to write instead. */
  readonly fix: string;
  /** Program lines to point at (1-based, ascending, no repeats); may be empty. */
  readonly lines: readonly number[];
  /** The moment of the run it is about (a stall's start), or null. */
  readonly step: Step | null;
  readonly lesson: LessonLink | null;
}

/** Lesson steps the coach links to (checked against lessons/ by coach.test.ts). */
export const LESSONS = {
  getEventLoop: lesson('coroutines-and-the-event-loop', 4, 'get_event_loop() on Python 3.14'),
  coroutineNobodyRuns: lesson('coroutines-and-the-event-loop', 2, 'A coroutine nobody runs'),
  noAwaitNoTurns: lesson('await-hands-control-back', 4, 'No await, no turns'),
  requestsBlocks: lesson('async-libraries', 2, 'requests blocks the whole loop'),
  blockingCall: lesson('when-things-go-wrong', 6, 'A blocking call hiding in a coroutine'),
  waitingForTasks: lesson('tasks', 3, 'Waiting for your tasks'),
  cancellation: lesson('when-things-go-wrong', 2, 'Cancellation'),
  timeouts: lesson('when-things-go-wrong', 3, 'Timeouts'),
  servers: lesson('servers', 2, 'An async server: every connection is a task'),
  asyncLibraries: lesson('async-libraries', 1, 'aiohttp: an HTTP client you can await'),
  forgottenAwait: lesson('when-things-go-wrong', 5, 'A forgotten await'),
} as const satisfies Record<string, LessonLink>;

function lesson(slug: string, step: number, title: string): LessonLink {
  return { href: `#/lessons/${slug}/${step}`, title };
}

/** Builds an advice record: lines sorted and unique, absent fields null. */
export function advice(
  topic: CoachTopic,
  parts: {
    cpython?: string | null;
    /** Who wrote `cpython` (Python unless said otherwise). */
    by?: 'python' | 'lab';
    explanation: string;
    fix: string;
    lines?: readonly (number | null | undefined)[];
    step?: Step | null;
    lesson?: LessonLink | null;
  },
): Advice {
  const lines = [...new Set(parts.lines ?? [])]
    .filter((n): n is number => typeof n === 'number' && n > 0)
    .sort((a, b) => a - b);
  return {
    topic,
    cpython: parts.cpython ?? null,
    by: parts.by ?? 'python',
    explanation: parts.explanation,
    fix: parts.fix,
    lines,
    step: parts.step ?? null,
    lesson: parts.lesson ?? null,
  };
}

/** The program's line `n` (1-based), trimmed; '' if there is none. */
export function sourceLine(trace: Trace, n: number | null): string {
  if (n === null) return '';
  return (trace.source.split('\n')[n - 1] ?? '').trim();
}

/** The advice as one line of text (for the CLI, the status bar's title, screen readers). */
export function adviceText(a: Advice): string {
  return `${a.explanation} ${a.fix}`;
}

/** A task as the coach names it: `worker-1`, or `Task-3 (blocker)` when it has a default name. */
export function taskLabel(trace: Trace, id: number): string {
  const task = trace.tasks.find((t) => t.id === id);
  if (!task) return `task ${id}`;
  return /^Task-\d+$/.test(task.name) ? `${task.name} (${task.coro})` : task.name;
}

/** The first sentence of the explanation, without code marks: for the status bar. */
export function adviceSummary(a: Advice): string {
  const [first = a.explanation] = a.explanation.split(/(?<=[.!?])\s+(?=[A-Z`])/);
  return first.replace(/`/g, '');
}
