/**
 * Simulated threads in words: what a task awaiting `asyncio.to_thread` / `run_in_executor`
 * waits for ("thread asyncio_0 to finish blocking_io()"), and what each thread is doing at the
 * picture's time ("sleeps in time.sleep(1) until 1.0 s"). The tracer marks a future that a
 * thread's job completes (`th` on a future wait; eventlooplab/threads.py `note_job`), so the
 * wait reads as the thread, not as "future a Future".
 */
import { eventAt } from '../decode.ts';
import type { ObjectId, ThreadId } from '../ids.ts';
import {
  type LoopState,
  type ThreadActivity,
  type ThreadJob,
  type ThreadView,
  threadActivityAt,
} from '../state.ts';
import { stepsOfKind } from '../trace-index.ts';
import type { Trace, Wait } from '../types.ts';
import { seconds, secondsSpan } from './numbers.ts';
import { plain, type Words } from './parts.ts';

export function findThread(state: LoopState, id: ThreadId): ThreadView | undefined {
  return state.threads.find((t) => t.id === id);
}

/** The job a waiting task awaits: a thread's jobs settle in order, so the first unsettled one. */
function awaitedJob(thread: ThreadView): ThreadJob | undefined {
  return thread.jobs.find((j) => j.outcome === null) ?? thread.jobs[thread.jobs.length - 1];
}

/**
 * `thread asyncio_0 to finish blocking_io() (sleeping until 1.0 s)`, for a wait on a future a
 * thread's job completes; null for any other wait.
 */
export function threadWaitWords(state: LoopState, wait: Wait): Words | null {
  if (wait.on !== 'future' || wait.thread === undefined) return null;
  const thread = findThread(state, wait.thread);
  if (!thread) return ['a thread to finish its job'];
  const job = awaitedJob(thread);
  const head: Words = ['thread ', { code: thread.name }, ' to finish '];
  if (!job) return [...head, 'its job'];
  return [...head, { code: `${job.fn}()` }, ...jobProgress(job, state.time)];
}

/** Where the awaited job is at `time`, in a parenthesis. */
function jobProgress(job: ThreadJob, time: number): Words {
  if (time < job.from) return [` (starts at ${seconds(job.from)}, when a worker is free)`];
  if (job.until !== null && time >= job.until) return [' (finished: the loop hears of it next)'];
  const sleep = job.sleeps.find((s) => time >= s.from && time < s.until);
  if (sleep) return [' (in ', { code: sleep.by }, ` until ${seconds(sleep.until)})`];
  return job.until === null ? [] : [` (done at ${seconds(job.until)})`];
}

/** What a thread does at `time`: `runs blocking_io(), in time.sleep(1) until 1.0 s`, `idle`. */
export function threadActivityWords(thread: ThreadView, time: number): Words {
  return activityWords(threadActivityAt(thread, time), thread, time);
}

function activityWords(a: ThreadActivity, thread: ThreadView, time: number): Words {
  switch (a.state) {
    case 'sleeping':
      return [
        'runs ',
        { code: `${a.job.fn}()` },
        ', blocked in ',
        { code: a.by },
        ` until ${seconds(a.until)}`,
      ];
    case 'running':
      return ['runs ', { code: `${a.job.fn}()` }];
    case 'idle': {
      const next = thread.jobs.find((j) => j.from > time);
      if (next) return [`idle; starts `, { code: `${next.fn}()` }, ` at ${seconds(next.from)}`];
      return thread.jobs.length === 0 ? ['idle'] : ['idle (its jobs are done)'];
    }
  }
}

/** The same, one string: for titles and accessible names. */
export function threadActivityText(thread: ThreadView, time: number): string {
  return plain(threadActivityWords(thread, time));
}

/** A thread's job by its function and its times on the thread's clock. */
export type JobTimes = Pick<ThreadJob, 'fn' | 'from' | 'until'>;

/** `blocking_io() 0.0 → 1.0 s` (or `0.0 s → …` while it runs): one job on the thread's own clock. */
export function threadJobText(job: JobTimes): string {
  const span = job.until === null ? `${seconds(job.from)} → …` : secondsSpan(job.from, job.until);
  return `${job.fn}() ${span}`;
}

/** How many jobs a thread lane's summary names before it only counts the rest. */
const LANE_JOBS = 3;

/**
 * A thread's timeline lane for screen readers: what it ran and when, and the point of the
 * picture — the loop is not blocked meanwhile (only the thread is).
 */
export function threadLaneText(jobs: readonly JobTimes[]): string {
  if (jobs.length === 0) return 'A simulated thread; it ran nothing.';
  const named = jobs.slice(0, LANE_JOBS).map(threadJobText).join(', ');
  const more = jobs.length - LANE_JOBS;
  const rest = more > 0 ? ` and ${more} more` : '';
  return `A simulated thread: ran ${named}${rest}. The event loop stays free while it runs.`;
}

const jobFutures = new WeakMap<Trace, ReadonlyMap<ObjectId, string>>();

/**
 * The futures a thread's job completes (`to_thread`, `run_in_executor`, the `getaddrinfo` of
 * `open_connection`), each with the name of its thread: the Objects box titles them `result of
 * thread asyncio_0` rather than `Future #3`, since the thread band already shows the job. Found
 * from the waits on them (the tracer marks those with the thread), once per trace.
 */
export function threadJobFutures(trace: Trace): ReadonlyMap<ObjectId, string> {
  const known = jobFutures.get(trace);
  if (known) return known;
  const names = new Map<ThreadId, string>();
  for (const s of stepsOfKind(trace, 'thread')) {
    const ev = eventAt(trace, s);
    if (ev.kind === 'thread') names.set(ev.thread, ev.name);
  }
  const out = new Map<ObjectId, string>();
  for (const s of stepsOfKind(trace, 'suspend')) {
    const ev = eventAt(trace, s);
    if (ev.kind !== 'suspend' || ev.wait.on !== 'future' || ev.wait.thread === undefined) continue;
    out.set(ev.wait.object, names.get(ev.wait.thread) ?? `#${ev.wait.thread}`);
  }
  jobFutures.set(trace, out);
  return out;
}

/** `result of thread asyncio_0` for a thread job's future; null for any other object. */
export function threadFutureLabel(trace: Trace, id: ObjectId): string | null {
  const thread = threadJobFutures(trace).get(id);
  return thread === undefined ? null : `result of thread ${thread}`;
}
