/**
 * The per-trace index: what questions about a whole run need (lessons' moments, questions and
 * checks), answered without replaying it. One scan, cached per trace, that decodes object events
 * with decode.ts and takes the output list from output.ts, so the wire format is read in one
 * place only:
 * - the virtual time and the task holding control after every step;
 * - every task: its names, when it was created, first ran and finished, and how it ended;
 * - the steps of each kind of event (and, on demand, of each program line);
 * - every output with the task that wrote it, and every plain callback with the steps it runs.
 */
import { eventAt } from './decode.ts';
import type { Step, TaskId } from './ids.ts';
import { type OutputEntry, outputs } from './output.ts';
import { countBelow, lowerBound } from './step-search.ts';
import { TraceIndexBuilder } from './trace-index-builder.ts';
import type { EventKind, EventOfKind, OutputStream, TaskOutcome, Trace } from './types.ts';

export interface TaskSummary {
  readonly id: TaskId;
  /** The name at the end of the run (as `Task.get_name()` gives it). */
  readonly name: string;
  /** Every name it had, in order (`set_name` renames it). */
  readonly names: readonly string[];
  readonly coro: string;
  /** True when the coroutine is defined in the program. */
  readonly user: boolean;
  readonly created: Step;
  /** Step of its first `resume`, or null if it never ran. */
  readonly started: Step | null;
  /** Step of its `task-done`, or null if it never finished. */
  readonly done: Step | null;
  /** How it ended, or null if it never finished. */
  readonly outcome: TaskOutcome | null;
}

export interface IndexedOutput {
  readonly step: Step;
  readonly text: string;
  readonly stream: OutputStream;
  /** The task holding control when it was written; null: no task. */
  readonly task: TaskId | null;
}

/** Who holds control after a step. */
export type Control =
  | { readonly kind: 'task'; readonly task: TaskId }
  | { readonly kind: 'callback'; readonly step: Step; readonly name: string | null }
  | { readonly kind: 'none' };

export interface TraceIndex {
  /** Virtual time after each step. */
  readonly time: Float64Array;
  /** Task holding control after each step; 0: no task. */
  readonly holder: Int32Array;
  /** Virtual time at the end of the run. */
  readonly endTime: number;
  /** In creation order (ids 1, 2, …). */
  readonly tasks: readonly TaskSummary[];
  /** Every output, in order, with the task that wrote it. */
  readonly outputs: readonly IndexedOutput[];
  /** Steps of each kind of object event, ascending (line events: `stepsOfLine`). */
  readonly kindSteps: ReadonlyMap<ObjectEventKind, Int32Array>;
  /** Plain callbacks: the callback's name (null if never scheduled by name) and its last step. */
  readonly callbacks: readonly CallbackRun[];
}

export interface CallbackRun {
  readonly step: Step;
  readonly name: string | null;
  /** The last step it holds control (before the next resume, suspend, task-done or loop). */
  readonly last: Step;
}

/** Every kind of event but `line`. */
export type ObjectEventKind = Exclude<EventKind, 'line'>;

const NO_STEPS = new Int32Array(0);
const indexes = new WeakMap<Trace, TraceIndex>();

/** The index of `trace`, built on first use. */
export function traceIndex(trace: Trace): TraceIndex {
  return indexes.get(trace) ?? adoptTraceIndex(trace, buildIndexData(trace));
}

/**
 * The index without its lazily listed outputs: plain data, which a streamed run's
 * TraceIndexBuilder builds as its events arrive and its traces adopt (`adoptTraceIndex`).
 */
export type TraceIndexData = Omit<TraceIndex, 'outputs'>;

export function traceIndexData(trace: Trace): TraceIndexData {
  return buildIndexData(trace);
}

/** Makes `data` (built from this trace's events) the index `traceIndex` answers with. */
export function adoptTraceIndex(trace: Trace, data: TraceIndexData): TraceIndex {
  let printed: readonly IndexedOutput[] | null = null;
  const index: TraceIndex = {
    ...data,
    // Listed on first use: output.ts scans the trace for them, which many callers never need.
    get outputs() {
      printed ??= Object.freeze(outputs(trace).map((o) => withTask(o, data.holder)));
      return printed;
    },
  };
  indexes.set(trace, index);
  return index;
}

/** Virtual time after `step` (-1: before the first event, time 0). */
export function virtualTimeAt(trace: Trace, step: Step | number): number {
  const index = traceIndex(trace);
  return step < 0 ? 0 : (index.time[step] ?? index.endTime);
}

/** The first step in `from`…`to` whose virtual time has reached `t`, or null. */
export function firstStepAtTime(
  trace: Trace,
  t: number,
  from = 0,
  to = trace.events.length - 1,
): Step | null {
  // Time never goes backwards, so a binary search finds the first step at or past `t`.
  const time = traceIndex(trace).time;
  const end = Math.min(to, time.length - 1) + 1;
  const i = lowerBound(time, t - 1e-9, Math.max(from, 0), end);
  return i < end ? (i as Step) : null;
}

/** The task, callback or nobody holding control after `step`. */
export function controlAt(trace: Trace, step: Step | number): Control {
  const index = traceIndex(trace);
  const id = index.holder[step] ?? 0;
  if (id !== 0) return { kind: 'task', task: id as TaskId };
  // `callbacks` lists the `callback` events in order, so the same position finds both.
  const i = countBelow(index.kindSteps.get('callback') ?? NO_STEPS, step + 1) - 1;
  const run = index.callbacks[i];
  if (run !== undefined && run.last >= step) {
    return { kind: 'callback', step: run.step, name: run.name };
  }
  return { kind: 'none' };
}

/** Steps of every event of `kind`, ascending (for line events: `stepsOfLine`). */
export function stepsOfKind(trace: Trace, kind: ObjectEventKind): Int32Array {
  return traceIndex(trace).kindSteps.get(kind) ?? NO_STEPS;
}

const linesByTrace = new WeakMap<Trace, Map<number, Int32Array>>();

/** Steps at which program line `line` runs, ascending (one scan per line asked about). */
export function stepsOfLine(trace: Trace, line: number): Int32Array {
  let lines = linesByTrace.get(trace);
  if (lines === undefined) {
    lines = new Map();
    linesByTrace.set(trace, lines);
  }
  let steps = lines.get(line);
  if (steps === undefined) {
    const found: number[] = [];
    const events = trace.events;
    for (let i = 0; i < events.length; i++) if (events[i] === line) found.push(i);
    steps = Int32Array.from(found);
    lines.set(line, steps);
  }
  return steps;
}

/** The task an event is about (`t` on the wire), or null if it names none. */
export function taskOfEvent(trace: Trace, step: Step | number): TaskId | null {
  const ev = eventAt(trace, step);
  return 'task' in ev ? ev.task : null;
}

/** Every event of `kind`, decoded, with its step. */
export function eventsOfKind<K extends ObjectEventKind>(
  trace: Trace,
  kind: K,
): { readonly step: Step; readonly event: EventOfKind<K> }[] {
  return Array.from(stepsOfKind(trace, kind), (step) => ({
    step: step as Step,
    event: eventAt(trace, step) as EventOfKind<K>,
  }));
}

/** The first event of `kind` that `matches`, with its step, or null. */
export function findEvent<K extends ObjectEventKind>(
  trace: Trace,
  kind: K,
  matches: (event: EventOfKind<K>) => boolean,
): { readonly step: Step; readonly event: EventOfKind<K> } | null {
  for (const step of stepsOfKind(trace, kind)) {
    const event = eventAt(trace, step) as EventOfKind<K>;
    if (matches(event)) return { step: step as Step, event };
  }
  return null;
}

/** The task record of `id`, if the trace created it. */
export function taskSummary(trace: Trace, id: TaskId | number): TaskSummary | undefined {
  const tasks = traceIndex(trace).tasks;
  const guess = tasks[id - 1];
  return guess?.id === id ? guess : tasks.find((t) => t.id === id);
}

function buildIndexData(trace: Trace): TraceIndexData {
  const builder = new TraceIndexBuilder(trace.events.length);
  builder.add(trace.events);
  return builder.data(trace.tasks);
}

function withTask(o: OutputEntry, holder: Int32Array): IndexedOutput {
  const id = holder[o.step] ?? 0;
  return Object.freeze({ ...o, task: id === 0 ? null : (id as TaskId) });
}
