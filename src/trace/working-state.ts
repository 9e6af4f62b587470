/**
 * The replay's mutable working state (internal), with `cloneWorking` for checkpoints and
 * `freezeState` to hand a frozen `LoopState` to callers.
 *
 * Entries that change rarely — ready/timer entries, object and frame views, waits — are frozen
 * records replaced on change, so clones and snapshots share them. Task records change at every
 * handoff, so they are mutable here and copied into fresh views in `freezeState`.
 */
import type { FrameId, Step, TaskId } from './ids.ts';
import type { FrameView, LoopState, ObjectView, ReadyEntry, TaskState, TaskView, TimerEntry } from './state.ts';
import type { RawEvent, TaskOutcome, Wait } from './types.ts';

export interface TaskRecord {
  readonly id: TaskId;
  name: string;
  readonly coro: string;
  readonly user: boolean;
  readonly createdBy: TaskId | null;
  readonly createdAt: Step;
  wait: Wait | null;
  /**
   * The task's last line as of its last handoff. While the task holds control its live line is
   * `Working.holderLine` instead: line events (most of a trace) then cost a single field write.
   */
  line: number | null;
  frame: FrameId | null;
  outcome: TaskOutcome | null;
  doneAt: Step | null;
  /** Ready-queue entries that will run or wake this task (see `wakesTask`). */
  readyCount: number;
}

export interface Working {
  step: number;
  time: number;
  holder: TaskId | null;
  /** The line of whoever holds control (task or no task); flushed to its record at handoffs. */
  holderLine: number | null;
  /** The latest line event, whoever ran it. */
  line: number | null;
  /** The no-task party's line as of the last time it lost control. */
  mainLine: number | null;
  mainFrame: FrameId | null;
  loopRunning: boolean;
  outputCount: number;
  lastOutputStep: number;
  tasks: Map<number, TaskRecord>;
  ready: ReadyEntry[];
  timers: TimerEntry[];
  objects: Map<number, ObjectView>;
  frames: Map<number, FrameView>;
}

export function initialWorking(): Working {
  return {
    step: -1,
    time: 0,
    holder: null,
    holderLine: null,
    line: null,
    mainLine: null,
    mainFrame: null,
    loopRunning: false,
    outputCount: 0,
    lastOutputStep: -1,
    tasks: new Map(),
    ready: [],
    timers: [],
    objects: new Map(),
    frames: new Map(),
  };
}

export function cloneWorking(w: Working): Working {
  const tasks = new Map<number, TaskRecord>();
  for (const [id, t] of w.tasks) tasks.set(id, { ...t });
  return {
    ...w,
    tasks,
    ready: w.ready.slice(),
    timers: w.timers.slice(),
    objects: new Map(w.objects),
    frames: new Map(w.frames),
  };
}

/** A ready entry that will run the task's step or wake it (a due timeout only cancels it). */
export function wakesTask(entry: ReadyEntry): boolean {
  return entry.task !== null && entry.timer !== 'timeout';
}

/** The frozen picture of `w`; `events` tells whether the current step is a `block`. */
export function freezeState(w: Working, events: readonly RawEvent[]): LoopState {
  const holder = w.holder;
  const tasks: TaskView[] = [];
  for (const t of w.tasks.values()) {
    tasks.push(
      Object.freeze({
        id: t.id,
        name: t.name,
        coro: t.coro,
        user: t.user,
        state: taskState(t, holder),
        wait: t.wait,
        line: t.id === holder ? w.holderLine : t.line,
        frame: t.frame,
        result: t.outcome?.kind === 'result' ? t.outcome.repr : null,
        exception: t.outcome?.kind === 'exception' ? t.outcome.repr : null,
        outcome: t.outcome,
        createdBy: t.createdBy,
        createdAt: t.createdAt,
        doneAt: t.doneAt,
      }),
    );
  }
  const event = w.step >= 0 ? events[w.step] : undefined;
  const blocked =
    typeof event === 'object' && event.k === 'block'
      ? Object.freeze({ task: event.t, until: event.at, by: event.by })
      : null;
  return Object.freeze({
    step: w.step as Step,
    time: w.time,
    holder,
    loopRunning: w.loopRunning,
    blocked,
    line: w.line,
    mainLine: holder === null ? w.holderLine : w.mainLine,
    mainFrame: w.mainFrame,
    tasks: Object.freeze(tasks),
    ready: Object.freeze(w.ready.slice()),
    timers: Object.freeze(w.timers.slice()),
    objects: Object.freeze(Array.from(w.objects.values())),
    frames: Object.freeze(Array.from(w.frames.values())),
    outputCount: w.outputCount,
    lastOutputStep: w.lastOutputStep < 0 ? null : (w.lastOutputStep as Step),
  });
}

function taskState(t: TaskRecord, holder: TaskId | null): TaskState {
  if (t.outcome !== null) {
    return t.outcome.kind === 'result' ? 'done' : t.outcome.kind === 'exception' ? 'failed' : 'cancelled';
  }
  if (t.id === holder) return 'running';
  return t.readyCount > 0 ? 'ready' : 'waiting';
}
