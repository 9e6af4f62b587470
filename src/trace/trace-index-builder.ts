/**
 * Building the per-trace index (trace-index.ts) as events arrive. A live run hands the page a
 * new trace of the events so far several times a second; indexing each from its first event
 * again made every live picture of a long run cost a scan of all of it (74 ms at a million
 * steps), so the builder keeps its state between chunks and each snapshot costs only copies of
 * the little that can still change (task records, callbacks), never a pass over the events.
 *
 * Snapshots share the builder's typed arrays through views of their first n entries: entries
 * are only ever appended, and a full buffer is replaced (not resized in place), so a snapshot
 * never changes after it was taken.
 */
import { decodeEvent } from './decode.ts';
import type { Step, TaskId } from './ids.ts';
import type { CallbackRun, ObjectEventKind, TaskSummary, TraceIndexData } from './trace-index.ts';
import type { RawEvent, TaskInfo, TaskOutcome, TraceEvent } from './types.ts';

interface MutableTask {
  id: TaskId;
  name: string;
  names: string[];
  coro: string;
  user: boolean;
  created: Step;
  started: Step | null;
  done: Step | null;
  outcome: TaskOutcome | null;
}

/** An append-only typed array that doubles its buffer when full. */
class Growing<A extends Int32Array | Float64Array> {
  length = 0;
  constructor(
    private array: A,
    private readonly make: (size: number) => A,
  ) {}

  reserve(more: number): A {
    const need = this.length + more;
    if (need > this.array.length) {
      const next = this.make(Math.max(need, this.array.length * 2, 16));
      next.set(this.array.subarray(0, this.length));
      this.array = next;
    }
    return this.array;
  }

  push(value: number): void {
    this.reserve(1)[this.length++] = value;
  }

  /** The first `length` entries: a view that later appends leave as it is. */
  view(): A {
    return this.array.subarray(0, this.length) as A;
  }
}

const int32s = (size: number) => new Int32Array(size);
const float64s = (size: number) => new Float64Array(size);

export class TraceIndexBuilder {
  private now = 0;
  private held = 0;
  private readonly time: Growing<Float64Array>;
  private readonly holder: Growing<Int32Array>;
  private readonly tasks: MutableTask[] = [];
  /** Tasks changed since the last snapshot, whose frozen copies must be taken again. */
  private readonly changed = new Set<number>();
  private readonly copies: TaskSummary[] = [];
  private readonly kinds = new Map<ObjectEventKind, Growing<Int32Array>>();
  /** handle → the name of the plain callback it runs. */
  private readonly callbackNames = new Map<number, string>();
  private readonly callbacks: CallbackRun[] = [];
  /** The callback still holding control, if any (the last of `callbacks`). */
  private openCallback: { step: Step; name: string | null; last: Step } | null = null;
  private steps = 0;

  /** `expected`: how many events will come, if known (a whole trace: no regrowing). */
  constructor(expected = 0) {
    this.time = new Growing(new Float64Array(expected), float64s);
    this.holder = new Growing(new Int32Array(expected), int32s);
  }

  /** Indexes the next events, in order. */
  add(events: readonly RawEvent[]): void {
    const time = this.time.reserve(events.length);
    const holder = this.holder.reserve(events.length);
    for (const raw of events) {
      const i = this.steps++;
      if (typeof raw !== 'number') this.apply(decodeEvent(raw), i as Step);
      if (this.openCallback !== null) this.openCallback.last = i as Step;
      time[i] = this.now;
      holder[i] = this.held;
    }
    this.time.length = this.steps;
    this.holder.length = this.steps;
  }

  /**
   * The index of the events so far. `tasks`: the trace's task table, authoritative for final
   * names (and covering a trace cut short).
   */
  data(tasks: readonly TaskInfo[]): TraceIndexData {
    for (const i of this.changed) {
      const t = this.tasks[i] as MutableTask;
      this.copies[i] = { ...t, names: t.names.slice() };
    }
    this.changed.clear();
    const final = new Map(tasks.map((info) => [info.id as number, info.name]));
    const summaries: TaskSummary[] = [];
    for (const t of this.copies) {
      if (t === undefined) continue;
      const name = final.get(t.id) ?? t.name;
      if (name === t.name && t.names.includes(name)) summaries.push(t);
      else
        summaries.push({
          ...t,
          name,
          names: t.names.includes(name) ? t.names : [...t.names, name],
        });
    }
    const open = this.openCallback;
    const callbacks = this.callbacks.slice();
    if (open !== null) callbacks[callbacks.length - 1] = { ...open };
    return {
      time: this.time.view(),
      holder: this.holder.view(),
      endTime: this.now,
      tasks: summaries,
      kindSteps: new Map(Array.from(this.kinds, ([k, steps]) => [k, steps.view()])),
      callbacks,
    };
  }

  private apply(ev: TraceEvent, step: Step): void {
    if (ev.kind === 'line') return;
    this.stepOfKind(ev.kind, step);
    switch (ev.kind) {
      case 'clock':
      case 'block':
        this.now = Math.max(this.now, ev.at);
        break;
      case 'resume': {
        this.held = ev.task;
        this.openCallback = null;
        const task = this.tasks[ev.task - 1];
        if (task && task.started === null) this.change(task).started = step;
        break;
      }
      case 'suspend':
        this.held = 0;
        this.openCallback = null;
        break;
      case 'loop':
        this.openCallback = null;
        break;
      case 'callback':
        this.held = 0;
        this.openCallback = { step, name: this.callbackNames.get(ev.handle) ?? null, last: step };
        this.callbacks.push(this.openCallback);
        break;
      case 'task-done': {
        this.held = 0;
        this.openCallback = null;
        const task = this.tasks[ev.task - 1];
        if (task) {
          this.change(task).done = step;
          task.outcome = ev.outcome;
        }
        break;
      }
      case 'task-created':
        this.tasks[ev.task - 1] = {
          id: ev.task,
          name: ev.name,
          names: [ev.name],
          coro: ev.coro,
          user: ev.user,
          created: step,
          started: null,
          done: null,
          outcome: null,
        };
        this.changed.add(ev.task - 1);
        break;
      case 'task-name': {
        const task = this.tasks[ev.task - 1];
        if (!task) break;
        this.change(task).name = ev.name;
        if (!task.names.includes(ev.name)) task.names.push(ev.name);
        break;
      }
      case 'ready':
      case 'timer':
        if (ev.callback) this.callbackNames.set(ev.handle, ev.callback);
        break;
    }
  }

  private change(task: MutableTask): MutableTask {
    this.changed.add(task.id - 1);
    return task;
  }

  private stepOfKind(kind: ObjectEventKind, step: number): void {
    let steps = this.kinds.get(kind);
    if (steps === undefined) {
      steps = new Growing(new Int32Array(0), int32s);
      this.kinds.set(kind, steps);
    }
    steps.push(step);
  }
}
