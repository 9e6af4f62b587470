/**
 * The simulator's words: what a task waits for, what a timer or a ready-queue entry will do,
 * what the loop is doing at this step — in plain English, from a `LoopState`.
 *
 * Pure functions (no React, no DOM): the simulator's cards, the editor's hovers and the
 * narration (narration.ts) all say things with these words, so they say them the same way. Most come in two
 * forms: `…Words` returns parts (text, code, task references) that a view renders with task chips
 * and code font; the plain form flattens the same parts into one string.
 */
import { eventAt } from './decode.ts';
import type { ObjectId, TaskId } from './ids.ts';
import { stateAt } from './replay.ts';
import {
  findObject,
  findTask,
  type LoopState,
  type ObjectView,
  type ReadyEntry,
  type TaskState,
  type TaskView,
  type TimerEntry,
} from './state.ts';
import type { TaskOutcome, Trace, Wait } from './types.ts';

// ---------------------------------------------------------------------------------------------
// Parts
// ---------------------------------------------------------------------------------------------

/** Program text (a variable, a call, a repr): shown in code font. */
export interface CodePart {
  readonly code: string;
}
/** A task: shown as its chip (colour, letter, shape) and name. */
export interface TaskPart {
  readonly task: TaskId;
  readonly name: string;
}
/** An asyncio object the program uses: shown in code font, linked to its box in Objects. */
export interface ObjectPart {
  readonly object: ObjectId;
  readonly name: string;
}
export type WordPart = string | CodePart | TaskPart | ObjectPart;
export type Words = readonly WordPart[];

export function isTaskPart(p: WordPart): p is TaskPart {
  return typeof p === 'object' && 'task' in p;
}
export function isObjectPart(p: WordPart): p is ObjectPart {
  return typeof p === 'object' && 'object' in p;
}
export function isCodePart(p: WordPart): p is CodePart {
  return typeof p === 'object' && 'code' in p;
}

/** The parts as one plain string. */
export function plain(words: Words): string {
  let s = '';
  for (const p of words) {
    if (typeof p === 'string') s += p;
    else if ('code' in p) s += p.code;
    else s += p.name;
  }
  return s;
}

/** The same, for Markdown (Monaco's hovers): program text in backticks. */
export function markdown(words: Words): string {
  let s = '';
  for (const p of words) {
    if (typeof p === 'string') s += p;
    else if ('code' in p) s += `\`${p.code}\``;
    else if ('object' in p && !p.name.includes(' ')) s += `\`${p.name}\``;
    else s += p.name;
  }
  return s;
}

// ---------------------------------------------------------------------------------------------
// Numbers, names, states
// ---------------------------------------------------------------------------------------------

/**
 * Virtual seconds as the learner would write them: `4.0`, `0.3`, `0.125`. Float sums such as
 * 0.1 + 0.2 are rounded to the millisecond, so 0.30000000000000004 reads `0.3`.
 */
export function formatSeconds(t: number): string {
  const ms = Math.round(t * 1000);
  if (ms % 1000 === 0) return (ms / 1000).toFixed(1);
  return String(ms / 1000);
}

/** `4.0 s` */
export function formatTime(t: number): string {
  return `${formatSeconds(t)} s`;
}

/** `t = 4.0 s`, the clock. */
export function clockText(time: number): string {
  return `t = ${formatTime(time)}`;
}

/** The word for a task state, as cards and their accessible names show it. */
export function taskStateLabel(state: TaskState): string {
  switch (state) {
    case 'running':
      return 'running';
    case 'ready':
      return 'ready';
    case 'waiting':
      return 'waiting';
    case 'done':
      return 'done';
    case 'cancelled':
      return 'cancelled';
    case 'failed':
      return 'failed';
  }
}

/** A glyph per state, so that a state never rests on colour alone. */
export function taskStateGlyph(state: TaskState): string {
  switch (state) {
    case 'running':
      return '▶';
    case 'ready':
      return '⋯';
    case 'waiting':
      return '◷';
    case 'done':
      return '✓';
    case 'cancelled':
      return '⊘';
    case 'failed':
      return '✕';
  }
}

export function isFinished(state: TaskState): boolean {
  return state === 'done' || state === 'failed' || state === 'cancelled';
}

/** The accessible name of a task card: `worker-1, running`. */
export function taskCardLabel(task: Pick<TaskView, 'name' | 'state'>): string {
  return `${task.name}, ${taskStateLabel(task.state)}`;
}

/** The name of task `id` at this step (falling back to the trace's table, then `Task <id>`). */
export function taskName(state: LoopState, id: TaskId, trace?: Trace): string {
  return findTask(state, id)?.name ?? trace?.tasks.find((t) => t.id === id)?.name ?? `Task-${id}`;
}

function taskPart(state: LoopState, id: TaskId, trace?: Trace): TaskPart {
  return { task: id, name: taskName(state, id, trace) };
}

/**
 * How the program calls an object: its variable name when it has one, else `a Queue` (the type
 * with an article).
 */
export function objectName(state: LoopState, id: ObjectId, trace?: Trace): string {
  const o = findObject(state, id) ?? trace?.objects.find((x) => x.id === id);
  if (!o) return `object ${id}`;
  if (o.label) return o.label;
  return `${/^[AEIOU]/.test(o.type) ? 'an' : 'a'} ${o.type}`;
}

function objectPart(state: LoopState, id: ObjectId, trace?: Trace): ObjectPart {
  return { object: id, name: objectName(state, id, trace) };
}

/** `gather.<locals>._done_callback` → `gather._done_callback()`: a callback as a call. */
export function callbackText(name: string): string {
  return `${name.replace(/\.<locals>\./g, '.')}()`;
}

/** What a finished task ended with: `returned 42`, `raised ValueError('x')`, `was cancelled`. */
export function describeOutcome(outcome: TaskOutcome): Words {
  switch (outcome.kind) {
    case 'result':
      return ['returned ', { code: outcome.repr }];
    case 'exception':
      return ['raised ', { code: outcome.repr }];
    case 'cancelled':
      return ['was cancelled'];
  }
}

/** `1st`, `2nd`, `3rd`, `4th`, … */
export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  switch (n % 10) {
    case 1:
      return `${n}st`;
    case 2:
      return `${n}nd`;
    case 3:
      return `${n}rd`;
    default:
      return `${n}th`;
  }
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

// ---------------------------------------------------------------------------------------------
// Waits
// ---------------------------------------------------------------------------------------------

function objectState<T>(state: LoopState, id: ObjectId): T | null {
  return ((findObject(state, id) as ObjectView | undefined)?.state ?? null) as T | null;
}

function doneCount(state: LoopState, ids: readonly TaskId[]): number {
  let n = 0;
  for (const id of ids) {
    const t = findTask(state, id);
    if (t && isFinished(t.state)) n++;
  }
  return n;
}

function taskList(state: LoopState, ids: readonly TaskId[], trace?: Trace): Words {
  const parts: WordPart[] = [];
  ids.forEach((id, i) => {
    if (i > 0) parts.push(i === ids.length - 1 ? ' and ' : ', ');
    parts.push(taskPart(state, id, trace));
  });
  return parts;
}

/**
 * What a waiting task awaits, in words: `sleep until 4.0 s`, `queue.get() on q — empty`,
 * `task worker-2`, `gather of 3, 1 done`. The state gives names and the awaited objects' state.
 */
export function describeWaitWords(state: LoopState, wait: Wait, trace?: Trace): Words {
  switch (wait.on) {
    case 'sleep':
      return ['sleep until ', formatTime(wait.until)];
    case 'yield':
      return ['a bare yield (', { code: 'asyncio.sleep(0)' }, '): lets the others run first'];
    case 'task': {
      const t = findTask(state, wait.task);
      const tail: Words = t && isFinished(t.state) ? [` (${taskStateLabel(t.state)})`] : [];
      return ['task ', taskPart(state, wait.task, trace), ...tail];
    }
    case 'shield':
      return ['shield of task ', taskPart(state, wait.task, trace)];
    case 'future': {
      const s = objectState<{ st: string }>(state, wait.object);
      const how = s === null ? [] : [` — ${s.st === 'pending' ? 'pending' : 'resolved'}`];
      return ['future ', objectPart(state, wait.object, trace), ...how];
    }
    case 'queue-get': {
      const s = objectState<{ items: readonly string[] }>(state, wait.object);
      const how =
        s === null
          ? []
          : [s.items.length === 0 ? ' — empty' : ` — ${plural(s.items.length, 'item')}`];
      return [{ code: 'queue.get()' }, ' on ', objectPart(state, wait.object, trace), ...how];
    }
    case 'queue-put': {
      const s = objectState<{ items: readonly string[]; max: number }>(state, wait.object);
      const how =
        s === null
          ? []
          : [
              s.max > 0 && s.items.length >= s.max
                ? ` — full (${s.items.length} of ${s.max})`
                : ` — ${plural(s.items.length, 'item')}`,
            ];
      return [{ code: 'queue.put()' }, ' on ', objectPart(state, wait.object, trace), ...how];
    }
    case 'queue-join': {
      const s = objectState<{ unfinished: number }>(state, wait.object);
      const how = s === null ? [] : [` — ${s.unfinished} unfinished`];
      return [{ code: 'queue.join()' }, ' on ', objectPart(state, wait.object, trace), ...how];
    }
    case 'lock': {
      const s = objectState<{ locked: boolean; by?: TaskId | null }>(state, wait.object);
      const how: Words =
        s === null
          ? []
          : s.locked && s.by != null
            ? [' — held by ', taskPart(state, s.by, trace)]
            : [s.locked ? ' — locked' : ' — free'];
      return ['lock ', objectPart(state, wait.object, trace), ...how];
    }
    case 'event': {
      const s = objectState<{ set: boolean }>(state, wait.object);
      const how = s === null ? [] : [s.set ? ' — set' : ' — not set'];
      return [{ code: 'event.wait()' }, ' on ', objectPart(state, wait.object, trace), ...how];
    }
    case 'condition':
      return [{ code: 'condition.wait()' }, ' on ', objectPart(state, wait.object, trace)];
    case 'semaphore': {
      const s = objectState<{ value: number; by: readonly TaskId[] }>(state, wait.object);
      const how: Words =
        s === null
          ? []
          : s.by.length > 0
            ? [` — ${s.value} free, held by `, ...taskList(state, s.by, trace)]
            : [` — ${s.value} free`];
      return ['semaphore ', objectPart(state, wait.object, trace), ...how];
    }
    case 'barrier': {
      const s = objectState<{ parties: number; waiting: number }>(state, wait.object);
      const how = s === null ? [] : [` — ${s.waiting} of ${s.parties} arrived`];
      return [{ code: 'barrier.wait()' }, ' on ', objectPart(state, wait.object, trace), ...how];
    }
    case 'gather':
      return [`gather of ${wait.count}, ${doneCount(state, wait.of)} done`];
    case 'wait': {
      const mode =
        wait.mode === 'FIRST_COMPLETED'
          ? 'the first to finish'
          : wait.mode === 'FIRST_EXCEPTION'
            ? 'the first exception'
            : 'all to finish';
      return [
        { code: 'asyncio.wait' },
        ` of ${wait.of.length}, for ${mode}: ${doneCount(state, wait.of)} done`,
      ];
    }
    case 'as-completed':
      return [
        { code: 'as_completed' },
        ` of ${wait.of.length}: next result, ${doneCount(state, wait.of)} done`,
      ];
    case 'taskgroup': {
      const left = wait.of.length - doneCount(state, wait.of);
      return [
        'task group ',
        objectPart(state, wait.object, trace),
        ` to finish: ${plural(left, 'task')} left`,
      ];
    }
    case 'other':
      return [{ code: wait.what }];
  }
}

/** `describeWaitWords` as one string. */
export function describeWait(state: LoopState, wait: Wait, trace?: Trace): string {
  return plain(describeWaitWords(state, wait, trace));
}

/**
 * What a wait points at on screen: the tasks it awaits (only those still unfinished, for
 * gather/wait/task groups) and the object it awaits. Sleep and yield point at nothing.
 */
export function waitTargets(
  state: LoopState,
  wait: Wait,
): { readonly tasks: readonly TaskId[]; readonly objects: readonly ObjectId[] } {
  const open = (ids: readonly TaskId[]) =>
    ids.filter((id) => {
      const t = findTask(state, id);
      return t !== undefined && !isFinished(t.state);
    });
  switch (wait.on) {
    case 'sleep':
    case 'yield':
    case 'other':
      return { tasks: [], objects: [] };
    case 'task':
    case 'shield':
      return { tasks: [wait.task], objects: [] };
    case 'gather':
    case 'wait':
    case 'as-completed':
      return { tasks: open(wait.of), objects: [] };
    case 'taskgroup':
      return { tasks: open(wait.of), objects: [wait.object] };
    default:
      return { tasks: [], objects: [wait.object] };
  }
}

// ---------------------------------------------------------------------------------------------
// Tasks, the ready queue, timers
// ---------------------------------------------------------------------------------------------

/** The coroutine as a call: `worker()`, `BaseEventLoop.shutdown_asyncgens()`. */
export function coroText(task: Pick<TaskView, 'coro'>): string {
  return `${task.coro}()`;
}

/**
 * One line about where a task is, for its card: `runs line 12`, `2nd in the ready queue`,
 * `sleep until 4.0 s`, `returned 42`.
 */
export function describeTaskNow(state: LoopState, task: TaskView, trace?: Trace): Words {
  switch (task.state) {
    case 'running':
      if (state.blocked && state.blocked.task === task.id) {
        return ['blocks the loop: ', { code: state.blocked.by }];
      }
      return task.line === null ? ['starts'] : ['runs line ', String(task.line)];
    case 'ready': {
      const i = state.ready.findIndex((r) => r.task === task.id);
      const where = i === 0 ? 'next in the ready queue' : `${ordinal(i + 1)} in the ready queue`;
      if (task.line === null) return [`ready to start: ${where}`];
      if (task.wait?.on === 'yield') return [`yielded: ${where}`];
      return [i < 0 ? 'ready' : `ready: ${where}`];
    }
    case 'waiting':
      if (task.wait) return describeWaitWords(state, task.wait, trace);
      return [task.line === null ? 'not started yet' : 'waiting'];
    case 'done':
    case 'failed':
    case 'cancelled':
      return task.outcome ? describeOutcome(task.outcome) : [taskStateLabel(task.state)];
  }
}

/** Whether a ready-queue entry starts the task (it has run no line yet) or resumes it. */
export function describeReadyEntryWords(state: LoopState, entry: ReadyEntry, trace?: Trace): Words {
  if (entry.timer === 'sleep' && entry.task !== null) {
    return ['wake ', taskPart(state, entry.task, trace), ' (sleep over)'];
  }
  if (entry.timer === 'timeout' && entry.task !== null) {
    return ['time out ', taskPart(state, entry.task, trace)];
  }
  if (entry.task !== null) {
    const t = findTask(state, entry.task);
    return [taskPart(state, entry.task, trace), t?.line == null ? ' starts' : ' resumes'];
  }
  const cb = entry.callback === null ? 'a callback' : callbackText(entry.callback);
  return ['call ', { code: cb }, ...(entry.timer ? [' (timer)'] : [])];
}

export function describeReadyEntry(state: LoopState, entry: ReadyEntry, trace?: Trace): string {
  return plain(describeReadyEntryWords(state, entry, trace));
}

/** `4.0 s → wakes worker-1 (sleep)`, `1.0 s → cancels main (timeout)`, `0.1 s → calls f()`. */
export function describeTimerWords(state: LoopState, timer: TimerEntry, trace?: Trace): Words {
  const at = `${formatTime(timer.at)} → `;
  if (timer.why === 'sleep' && timer.task !== null) {
    return [at, 'wakes ', taskPart(state, timer.task, trace), ' (sleep)'];
  }
  if (timer.why === 'timeout' && timer.task !== null) {
    return [at, 'cancels ', taskPart(state, timer.task, trace), ' (timeout)'];
  }
  const cb = timer.callback === null ? 'a callback' : callbackText(timer.callback);
  return [at, 'calls ', { code: cb }];
}

export function describeTimer(state: LoopState, timer: TimerEntry, trace?: Trace): string {
  return plain(describeTimerWords(state, timer, trace));
}

/** `in 0.4 s` from now, or `now` when due. */
export function timeUntil(state: LoopState, at: number): string {
  const d = at - state.time;
  return Math.round(d * 1000) <= 0 ? 'due now' : `in ${formatTime(d)}`;
}

/**
 * The status line: `Control: worker-1`, `Control: event loop`, or, while no loop runs (before
 * asyncio.run starts one, or in a program that never does), `Control: the top-level code`.
 */
export function controlText(state: LoopState, trace?: Trace): string {
  if (state.holder !== null) return `Control: ${taskName(state, state.holder, trace)}`;
  return state.loopRunning ? 'Control: event loop' : `Control: ${TOP_LEVEL}`;
}

/** What the UI calls Python's `<module>` frame. */
export const TOP_LEVEL = 'the top-level code';

/** A function as the UI names it: `worker`, or `the top-level code` for `<module>`. */
export function functionText(fn: string): string {
  return fn === '<module>' ? TOP_LEVEL : fn;
}

/** Whether the program starts an event loop at all (lesson 1's programs do not). */
export function startsLoop(trace: Trace): boolean {
  return loopEventSteps(trace).length > 0;
}

// ---------------------------------------------------------------------------------------------
// The moment: what the loop is doing at this step
// ---------------------------------------------------------------------------------------------

export type LoopPhase = 'before' | 'running' | 'between' | 'after';

const loopSteps = new WeakMap<Trace, Int32Array>();

/** Steps of the trace's `loop` events, found once per trace. */
function loopEventSteps(trace: Trace): Int32Array {
  let steps = loopSteps.get(trace);
  if (steps === undefined) {
    const found: number[] = [];
    trace.events.forEach((e, i) => {
      if (typeof e === 'object' && e.k === 'loop') found.push(i);
    });
    steps = Int32Array.from(found);
    loopSteps.set(trace, steps);
  }
  return steps;
}

/**
 * Where the program is relative to its event loop(s): `before` the first loop starts (module-level
 * code), `running`, `between` two runs (asyncio.run shutting down, or a second run to come), or
 * `after` the last one stopped.
 */
export function loopPhase(trace: Trace, state: LoopState): LoopPhase {
  if (state.loopRunning) return 'running';
  const steps = loopEventSteps(trace);
  const first = steps[0];
  const last = steps[steps.length - 1];
  if (first === undefined || last === undefined || state.step < first) return 'before';
  if (state.step >= last) return 'after';
  return 'between';
}

/** The picture one step earlier: `previous` when it is that step, else replayed. */
function stateBefore(
  trace: Trace,
  state: LoopState,
  previous: LoopState | null | undefined,
): LoopState | null {
  if (state.step < 0) return null;
  if (previous && previous.step === state.step - 1) return previous;
  return stateAt(trace, state.step - 1);
}

export type MomentTone = 'blocked' | 'deadlock' | 'clock' | 'stopped' | 'handoff' | 'calm';

export interface Moment {
  readonly tone: MomentTone;
  readonly words: Words;
}

/**
 * One sentence about what the loop is doing at this step, for the loop's caption. A blocked loop,
 * a deadlock, a clock jump and a stopped loop get their own tone so the view can make them
 * unmistakable.
 */
export function describeMoment(
  trace: Trace,
  state: LoopState,
  previous?: LoopState | null,
): Moment {
  if (state.blocked && !state.loopRunning) {
    // Outside a loop nothing else was going to run: the program simply waits.
    return {
      tone: 'stopped',
      words: [
        'The program waits: ',
        { code: state.blocked.by },
        ` pauses it until ${formatTime(state.blocked.until)}. Ordinary Python does one thing at a time, top to bottom.`,
      ],
    };
  }
  if (state.blocked) {
    const who: Words =
      state.blocked.task === null
        ? []
        : [' while ', taskPart(state, state.blocked.task, trace), ' kept control'];
    return {
      tone: 'blocked',
      words: [
        'Loop blocked by ',
        { code: state.blocked.by },
        ' — nothing else can run. The clock moved to ',
        formatTime(state.blocked.until),
        ...who,
        '.',
      ],
    };
  }
  if (trace.limit?.kind === 'deadlock' && state.step === trace.events.length - 1) {
    return {
      tone: 'deadlock',
      words: [
        'Deadlock: nothing is ready and no timer is pending, yet tasks still wait. Real Python would hang here forever.',
      ],
    };
  }
  const event =
    state.step >= 0 && state.step < trace.events.length ? eventAt(trace, state.step) : null;
  if (event?.kind === 'clock') {
    const before = stateBefore(trace, state, previous);
    const from = before && before.time < event.at ? ` from ${formatTime(before.time)}` : '';
    return {
      tone: 'clock',
      words: [
        `Nothing is ready: the clock jumps${from} to ${formatTime(event.at)}, the next timer.`,
      ],
    };
  }
  if (event?.kind === 'loop') {
    return event.running
      ? { tone: 'handoff', words: ['The event loop starts running.'] }
      : { tone: 'stopped', words: ['The event loop stops.'] };
  }
  if (!state.loopRunning) {
    switch (loopPhase(trace, state)) {
      case 'before':
        return {
          tone: 'stopped',
          words: [
            startsLoop(trace)
              ? 'No event loop exists yet: ordinary Python runs top to bottom until asyncio.run starts one.'
              : 'No event loop: this program never starts one, so ordinary Python runs top to bottom.',
          ],
        };
      case 'after':
        return { tone: 'stopped', words: ['The event loop has stopped.'] };
      default:
        return { tone: 'stopped', words: ['The event loop is not running right now.'] };
    }
  }
  switch (event?.kind) {
    case 'resume':
      return {
        tone: 'handoff',
        words: ['The loop hands control to ', taskPart(state, event.task, trace), '.'],
      };
    case 'suspend':
      return {
        tone: 'handoff',
        words: [
          taskPart(state, event.task, trace),
          ' gives control back to the loop: it awaits ',
          ...describeWaitWords(state, event.wait, trace),
          '.',
        ],
      };
    case 'task-done':
      return {
        tone: 'handoff',
        words: [
          taskPart(state, event.task, trace),
          ' ',
          ...describeOutcome(event.outcome),
          '; control goes back to the loop.',
        ],
      };
    case 'callback': {
      const entry = stateBefore(trace, state, previous)?.ready.find(
        (r) => r.handle === event.handle,
      );
      const what: Words = entry ? describeReadyEntryWords(state, entry, trace) : ['a callback'];
      return { tone: 'calm', words: ['The loop runs the next ready handle: ', ...what, '.'] };
    }
    case 'due': {
      const n = event.handles.length;
      return {
        tone: 'calm',
        words: [
          n === 1
            ? 'A timer is due: it moves to the ready queue.'
            : `${n} timers are due: they move to the ready queue, in order.`,
        ],
      };
    }
    default:
      break;
  }
  if (state.holder !== null) {
    const t = findTask(state, state.holder);
    return {
      tone: 'calm',
      words: [
        taskPart(state, state.holder, trace),
        t?.line == null ? ' has control.' : ` has control and runs line ${t.line}.`,
      ],
    };
  }
  const front = state.ready[0];
  if (front) {
    return {
      tone: 'calm',
      words: [
        'The loop has control. Next from the ready queue: ',
        ...describeReadyEntryWords(state, front, trace),
        '.',
      ],
    };
  }
  const timer = state.timers[0];
  if (timer) {
    return {
      tone: 'calm',
      words: [
        `The loop has control. Nothing is ready; the next timer is due at ${formatTime(timer.at)}.`,
      ],
    };
  }
  return { tone: 'calm', words: ['The loop has control.'] };
}
