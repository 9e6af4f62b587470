/**
 * `LoopState`: the whole picture after one step, as `stateAt` returns it. Every object in it is
 * frozen and never changed afterwards, so callers may keep states (React memo, history) and
 * compare them by reference.
 */
import type { FrameId, HandleId, ObjectId, Step, TaskId, ThreadId } from './ids.ts';
import type { ObjectState, TaskOutcome, TimerWhy, Wait } from './types.ts';

/**
 * - `running`: holds control now.
 * - `ready`: has a handle in the ready queue (and is not running).
 * - `waiting`: suspended (or just created) with nothing in the ready queue.
 * - `done` / `failed` / `cancelled`: finished with a result / an exception / by cancellation.
 */
export type TaskState = 'ready' | 'running' | 'waiting' | 'done' | 'failed' | 'cancelled';

export interface TaskView {
  readonly id: TaskId;
  /** The name at this step (`set_name` changes it). */
  readonly name: string;
  readonly coro: string;
  /** True when the coroutine is defined in the program. */
  readonly user: boolean;
  readonly state: TaskState;
  /** What it waits for since its last suspend; null while running, ready to start, or done. */
  readonly wait: Wait | null;
  /** The last program line it executed, or null if none yet. */
  readonly line: number | null;
  /** The frame it executes in (last `in` while it held control), or null. */
  readonly frame: FrameId | null;
  /** The result's repr, once done. */
  readonly result: string | null;
  /** The exception's repr, once failed. */
  readonly exception: string | null;
  readonly outcome: TaskOutcome | null;
  readonly createdBy: TaskId | null;
  readonly createdAt: Step;
  readonly doneAt: Step | null;
}

/** An entry of the ready queue. */
export interface ReadyEntry {
  readonly handle: HandleId;
  /** The task whose step it runs (or that a due timer wakes/cancels); null for a plain callback. */
  readonly task: TaskId | null;
  /** The plain callback's name, if it runs one. */
  readonly callback: string | null;
  /** Set when the entry is a timer that fell due (`due`): what the timer was for. */
  readonly timer: TimerWhy | null;
}

export interface TimerEntry {
  readonly handle: HandleId;
  /** Infinity: never (the wire's `"at": null`). */
  readonly at: number;
  readonly why: TimerWhy;
  readonly task: TaskId | null;
  readonly callback: string | null;
}

export interface ObjectView {
  readonly id: ObjectId;
  readonly type: string;
  readonly label: string | null;
  /** Latest recorded state (narrow with `type`, see `ObjectStateByType`); null before the first. */
  readonly state: ObjectState | null;
}

export interface FrameView {
  readonly id: FrameId;
  readonly fn: string;
  /** The task that first ran it; null for module level and plain callbacks. */
  readonly task: TaskId | null;
  /** name → bounded repr, before the next line runs. */
  readonly locals: Readonly<Record<string, string>>;
}

/** One function a simulated thread ran, on the thread's own clock (virtual seconds). */
export interface ThreadJob {
  readonly fn: string;
  readonly from: number;
  /** When the function returned; null while the replay is inside it. */
  readonly until: number | null;
  readonly sleeps: readonly {
    readonly from: number;
    readonly until: number;
    readonly by: string;
  }[];
  /** Set when the program sees the outcome (`thread-done`). */
  readonly outcome: TaskOutcome | null;
}

/**
 * A simulated thread (a pool worker or a `threading.Thread`). A thread runs each function at
 * once, ahead of the loop's clock, so its jobs are known before the loop's time reaches them:
 * `threadActivityAt(thread, state.time)` says what it is doing at the picture's time.
 */
export interface ThreadView {
  readonly id: ThreadId;
  readonly name: string;
  /** The task that created it; null: no task. */
  readonly createdBy: TaskId | null;
  readonly jobs: readonly ThreadJob[];
}

export type ThreadActivity =
  | { readonly state: 'idle' }
  | { readonly state: 'running'; readonly job: ThreadJob }
  | {
      readonly state: 'sleeping';
      readonly job: ThreadJob;
      readonly until: number;
      readonly by: string;
    };

/** What `thread` is doing at virtual time `time`: idle, running a function, or sleeping in it. */
export function threadActivityAt(thread: ThreadView, time: number): ThreadActivity {
  for (const job of thread.jobs) {
    if (time < job.from || (job.until !== null && time >= job.until)) continue;
    for (const s of job.sleeps) {
      if (time >= s.from && time < s.until)
        return { state: 'sleeping', job, until: s.until, by: s.by };
    }
    return { state: 'running', job };
  }
  return { state: 'idle' };
}

export interface BlockView {
  readonly task: TaskId | null;
  /** The virtual time the blocking call ran until. */
  readonly until: number;
  /** What blocked, e.g. `time.sleep(2)`. */
  readonly by: string;
}

export interface LoopState {
  /** The step this is the picture after; -1 before the first event. */
  readonly step: Step;
  /** Virtual time in seconds. */
  readonly time: number;
  /** The task holding control, or null (module level, the loop itself, or a plain callback). */
  readonly holder: TaskId | null;
  readonly loopRunning: boolean;
  /** Non-null exactly when the event at this step is a `block`. */
  readonly blocked: BlockView | null;
  /** The line of the latest line event (whoever ran it), or null before the first. */
  readonly line: number | null;
  /** The last line run with no task holding control (module level, callbacks). */
  readonly mainLine: number | null;
  /** The frame the no-task party last executed in. */
  readonly mainFrame: FrameId | null;
  /** Every task created so far, by id (= creation order). */
  readonly tasks: readonly TaskView[];
  /** The ready queue, front first. */
  readonly ready: readonly ReadyEntry[];
  /** Pending timers by (due time, handle). */
  readonly timers: readonly TimerEntry[];
  /** Objects declared so far, by id (= declaration order when the tracer numbers them so). */
  readonly objects: readonly ObjectView[];
  /** Frames seen so far, by id (= the order first seen when the tracer numbers them so). */
  readonly frames: readonly FrameView[];
  /** Simulated threads created so far, by id. */
  readonly threads: readonly ThreadView[];
  /** Number of `out` events up to this step (see `outputTextAt`, `outputs`). */
  readonly outputCount: number;
  readonly lastOutputStep: Step | null;
}

export function findTask(state: LoopState, id: TaskId): TaskView | undefined {
  // Tasks are numbered 1, 2, … in creation order, so the index is a good first guess.
  const guess = state.tasks[id - 1];
  return guess?.id === id ? guess : state.tasks.find((t) => t.id === id);
}

export function findObject(state: LoopState, id: ObjectId): ObjectView | undefined {
  return state.objects.find((o) => o.id === id);
}

export function findFrame(state: LoopState, id: FrameId): FrameView | undefined {
  return state.frames.find((f) => f.id === id);
}
