/**
 * What a task awaits, in words: `sleep until 4.0 s`, `queue.get() on q — empty`, `task worker-2`,
 * `gather of 3, 1 done`. The same words in the simulator's cards, the editor's hovers, the
 * timeline's tooltips, the narration and a deadlock's sentence.
 */
import type { ObjectId, TaskId } from '../ids.ts';
import { findObject, findTask, type LoopState, type ObjectView } from '../state.ts';
import type { ObjectWaitOn, Trace, Wait } from '../types.ts';
import { isFinished, objectPart, taskPart, taskStateLabel } from './names.ts';
import { netWaitWords } from './network.ts';
import { plural, seconds } from './numbers.ts';
import { plain, type WordPart, type Words } from './parts.ts';
import { streamWaitKind, streamWaitWords } from './streams.ts';
import { threadWaitWords } from './threads.ts';

type ObjectWait = Extract<Wait, { readonly on: ObjectWaitOn }>;

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
 * What a waiting task awaits, in words. The state gives names and the awaited objects' state
 * (`— empty`, `— held by worker-1`).
 */
export function describeWaitWords(state: LoopState, wait: Wait, trace?: Trace): Words {
  switch (wait.on) {
    case 'sleep':
      return (
        netWaitWords(wait) ??
        (Number.isFinite(wait.until) ? ['sleep until ', seconds(wait.until)] : ['sleep forever'])
      );
    case 'yield':
      return ['a bare yield (', { code: 'asyncio.sleep(0)' }, '): lets the others run first'];
    case 'task': {
      const t = findTask(state, wait.task);
      const tail: Words = t && isFinished(t.state) ? [` (${taskStateLabel(t.state)})`] : [];
      return ['task ', taskPart(state, wait.task, trace), ...tail];
    }
    case 'shield':
      return ['shield of task ', taskPart(state, wait.task, trace)];
    case 'gather':
      return [`gather of ${wait.count}, ${doneCount(state, wait.of)} done`];
    case 'wait':
      return [
        { code: 'asyncio.wait' },
        ` of ${wait.of.length}, for ${WAIT_MODE[wait.mode]}: ${doneCount(state, wait.of)} done`,
      ];
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
    case 'stream':
      return streamWaitWords(wait);
    case 'other':
      return [{ code: wait.what }];
    default:
      return threadWaitWords(state, wait) ?? objectWaitWords(state, wait, trace);
  }
}

const WAIT_MODE = {
  FIRST_COMPLETED: 'the first to finish',
  FIRST_EXCEPTION: 'the first exception',
  ALL_COMPLETED: 'all to finish',
} as const;

/** How each object wait starts: the call the task made, or the kind of object it waits on. */
const OBJECT_WAIT_HEAD: Record<ObjectWaitOn, Words> = {
  future: ['future '],
  'queue-get': [{ code: 'queue.get()' }, ' on '],
  'queue-put': [{ code: 'queue.put()' }, ' on '],
  'queue-join': [{ code: 'queue.join()' }, ' on '],
  lock: ['lock '],
  event: [{ code: 'event.wait()' }, ' on '],
  condition: [{ code: 'condition.wait()' }, ' on '],
  semaphore: ['semaphore '],
  barrier: [{ code: 'barrier.wait()' }, ' on '],
};

/** `queue.get() on q — empty`: the call, the object, and the object's state when it is known. */
function objectWaitWords(state: LoopState, wait: ObjectWait, trace?: Trace): Words {
  const s = findObject(state, wait.object)?.state;
  const how = s == null ? [] : objectStateWords(state, wait.on, s, trace);
  return [...OBJECT_WAIT_HEAD[wait.on], objectPart(state, wait.object, trace), ...how];
}

/** What the awaited object's state says about the wait: ` — empty`, ` — held by worker-1`. */
function objectStateWords(
  state: LoopState,
  on: ObjectWaitOn,
  raw: ObjectView['state'],
  trace?: Trace,
): Words {
  switch (on) {
    case 'future':
      return [` — ${(raw as { st: string }).st === 'pending' ? 'pending' : 'resolved'}`];
    case 'queue-get': {
      const n = (raw as { items: readonly string[] }).items.length;
      return [n === 0 ? ' — empty' : ` — ${plural(n, 'item')}`];
    }
    case 'queue-put': {
      const s = raw as { items: readonly string[]; max: number };
      return [
        s.max > 0 && s.items.length >= s.max
          ? ` — full (${s.items.length} of ${s.max})`
          : ` — ${plural(s.items.length, 'item')}`,
      ];
    }
    case 'queue-join':
      return [` — ${(raw as { unfinished: number }).unfinished} unfinished`];
    case 'lock': {
      const s = raw as { locked: boolean; by?: TaskId | null };
      if (s.locked && s.by != null) return [' — held by ', taskPart(state, s.by, trace)];
      return [s.locked ? ' — locked' : ' — free'];
    }
    case 'event':
      return [(raw as { set: boolean }).set ? ' — set' : ' — not set'];
    case 'condition':
      return [];
    case 'semaphore': {
      const s = raw as { value: number; by: readonly TaskId[] };
      if (s.by.length === 0) return [` — ${s.value} free`];
      return [` — ${s.value} free, held by `, ...taskList(state, s.by, trace)];
    }
    case 'barrier': {
      const s = raw as { parties: number; waiting: number };
      return [` — ${s.waiting} of ${s.parties} arrived`];
    }
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
    case 'stream':
      return { tasks: [], objects: wait.object === undefined ? [] : [wait.object] };
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

const WAIT_KIND: Readonly<Record<Wait['on'], string>> = {
  sleep: 'asleep',
  yield: 'yielded',
  task: 'awaiting a task',
  shield: 'awaiting a task',
  gather: 'in gather',
  wait: 'in wait',
  'as-completed': 'in as_completed',
  taskgroup: 'in a TaskGroup',
  future: 'awaiting a future',
  'queue-get': 'getting from a queue',
  'queue-put': 'putting to a queue',
  'queue-join': 'joining a queue',
  lock: 'waiting for a lock',
  event: 'waiting for an event',
  condition: 'waiting on a condition',
  semaphore: 'waiting for a semaphore',
  barrier: 'at a barrier',
  stream: 'on a connection',
  other: 'waiting',
};

/**
 * What kind of wait, in a few words, for counting many waiting tasks at once: `asleep`,
 * `getting from a queue`, `waiting for a thread` (a lane's summary: `6 asleep, 3 waiting for a
 * thread`).
 */
export function waitKindText(wait: Wait): string {
  if (wait.on === 'future' && wait.thread !== undefined) return 'waiting for a thread';
  if (wait.on === 'stream') return streamWaitKind(wait);
  return WAIT_KIND[wait.on];
}
