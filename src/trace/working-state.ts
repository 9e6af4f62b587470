/**
 * The replay's mutable working state (internal), with `cloneWorking` for checkpoints and
 * `freezeState` to hand a frozen `LoopState` to callers.
 *
 * Copies must be cheap: a seek copies a checkpoint, and a program may have thousands of tasks.
 * So nothing is deep-copied. Ready/timer entries and object/frame views are frozen and replaced
 * on change. Task records are copy-on-write: a record belongs to the working state whose `gen`
 * it carries, and `taskToWrite` copies it before the first change in any other. A task's frozen
 * view is cached on its record (see `TaskRecord.view`), so a snapshot allocates views only for
 * the tasks that changed.
 */

import { decodeWait } from './decode.ts';
import {
  copyTable,
  emptyTable,
  type IdTable,
  tableGet,
  tableSet,
  tableValues,
} from './id-table.ts';
import type { FrameId, Step, TaskId } from './ids.ts';
import type {
  FrameView,
  LoopState,
  ObjectView,
  ReadyEntry,
  TaskState,
  TaskView,
  ThreadView,
  TimerEntry,
} from './state.ts';
import type { RawEvent, RawWait, TaskOutcome, Wait } from './types.ts';
import { reconcileWaiters } from './waiters.ts';

export interface TaskRecord {
  /** The working state that may change this record in place (see `taskToWrite`). */
  readonly gen: number;
  /**
   * This record's frozen view while the task does not hold control (a pure function of the
   * record then), built on first use; null again after any change.
   */
  view: TaskView | null;
  readonly id: TaskId;
  name: string;
  readonly coro: string;
  readonly user: boolean;
  readonly createdBy: TaskId | null;
  readonly createdAt: Step;
  /** Raw: decoded only when a view is built (a suspend costs one write in the fold). */
  wait: RawWait | null;
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
  /** Identifies this working state as the owner of task records it may change in place. */
  gen: number;
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
  /** By id, which is creation order in a valid trace (ids are 1, 2, …). */
  tasks: IdTable<TaskRecord>;
  ready: ReadyEntry[];
  timers: TimerEntry[];
  objects: IdTable<ObjectView>;
  frames: IdTable<FrameView>;
  /** Frozen `tableValues(objects)`, kept until `objects` changes. */
  objectsView: readonly ObjectView[] | null;
  framesView: readonly FrameView[] | null;
  /** Frozen views, replaced on change (few threads, few events). */
  threads: ThreadView[];
  /** Who held control when a thread's function started running (handed back at its end). */
  threadReturn: TaskId | null;
}

let generations = 0;

export function initialWorking(): Working {
  return {
    gen: ++generations,
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
    tasks: emptyTable(),
    ready: [],
    timers: [],
    objects: emptyTable(),
    frames: emptyTable(),
    objectsView: null,
    framesView: null,
    threads: [],
    threadReturn: null,
  };
}

/** A copy that shares every record with `w`; afterwards neither changes a shared one in place. */
export function cloneWorking(w: Working): Working {
  // Both sides get a new generation: records carrying the old one are now shared.
  w.gen = ++generations;
  return {
    ...w,
    gen: ++generations,
    tasks: copyTable(w.tasks),
    ready: w.ready.slice(),
    timers: w.timers.slice(),
    objects: copyTable(w.objects),
    frames: copyTable(w.frames),
    threads: w.threads.slice(),
  };
}

/** Task `id`'s record, safe to change: copied first if another working state shares it. */
export function taskToWrite(w: Working, id: TaskId): TaskRecord | undefined {
  const t = tableGet(w.tasks, id);
  if (t === undefined) return undefined;
  if (t.gen === w.gen) {
    t.view = null;
    return t;
  }
  const copy: TaskRecord = { ...t, gen: w.gen, view: null };
  tableSet(w.tasks, w.gen, id, copy);
  return copy;
}

/** A ready entry that will run the task's step or wake it (a due timeout only cancels it). */
export function wakesTask(entry: ReadyEntry): boolean {
  return entry.task !== null && entry.timer !== 'timeout';
}

/** The frozen picture of `w`; `events` tells whether the current step is a `block`. */
export function freezeState(w: Working, events: readonly RawEvent[]): LoopState {
  const holder = w.holder;
  const tasks: TaskView[] = [];
  for (const t of tableValues(w.tasks)) {
    if (t.id === holder) tasks.push(taskView(t, holder, w.holderLine));
    else {
      t.view ??= taskView(t, holder, t.line);
      tasks.push(t.view);
    }
  }
  const event = w.step >= 0 ? events[w.step] : undefined;
  const blocked =
    typeof event === 'object' && event.k === 'block'
      ? Object.freeze({ task: event.t, until: event.at, by: event.by })
      : null;
  w.objectsView ??= Object.freeze(tableValues(w.objects));
  w.framesView ??= Object.freeze(tableValues(w.frames));
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
    // The tracer records an object's state a few events after the task's own suspend/wake.
    objects: reconcileWaiters(w.objectsView, tasks),
    frames: w.framesView,
    threads: Object.freeze(w.threads.slice()),
    outputCount: w.outputCount,
    lastOutputStep: w.lastOutputStep < 0 ? null : (w.lastOutputStep as Step),
  });
}

function taskView(t: TaskRecord, holder: TaskId | null, line: number | null): TaskView {
  return Object.freeze({
    id: t.id,
    name: t.name,
    coro: t.coro,
    user: t.user,
    state: taskState(t, holder),
    wait: t.wait === null ? null : decodedWait(t.wait),
    line,
    frame: t.frame,
    result: t.outcome?.kind === 'result' ? t.outcome.repr : null,
    exception: t.outcome?.kind === 'exception' ? t.outcome.repr : null,
    outcome: t.outcome,
    createdBy: t.createdBy,
    createdAt: t.createdAt,
    doneAt: t.doneAt,
  });
}

/** One decoded (frozen) Wait per raw wait, however many snapshots show it. */
const waits = new WeakMap<RawWait, Wait>();
function decodedWait(raw: RawWait): Wait {
  let wait = waits.get(raw);
  if (wait === undefined) {
    wait = decodeWait(raw);
    waits.set(raw, wait);
  }
  return wait;
}

function taskState(t: TaskRecord, holder: TaskId | null): TaskState {
  if (t.outcome !== null) {
    return t.outcome.kind === 'result'
      ? 'done'
      : t.outcome.kind === 'exception'
        ? 'failed'
        : 'cancelled';
  }
  if (t.id === holder) return 'running';
  return t.readyCount > 0 ? 'ready' : 'waiting';
}
