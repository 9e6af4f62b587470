/**
 * The object panels' waiter lists, made to agree with the task cards at every step.
 *
 * The tracer records an object's state after the asyncio call that changed it, so a task's
 * `suspend` (its card now says "awaits queue.get() on queue") comes a few events before the
 * queue's `state` that lists it, and a woken waiter (its card now says "ready") stays listed
 * until the next `state`; a Lock or Semaphore even keeps a woken waiter in its deque until the
 * waiter runs. The picture must never contradict itself, so a list shows exactly the tasks
 * that wait on that object now: the recorded order for those the tracer lists (their FIFO
 * order), then any that suspended since, in task order.
 *
 * A stream connection lists its reader the same way (a task in `reader.readline()` waits on the
 * Connection, `stream-read` below); the tasks that wait on a connection or a server otherwise
 * (in `drain()`, `wait_closed()`, `serve_forever()`) have no recorded list, and `streamWaiters`
 * reads them off the cards, so the Connections box lists every task whose arrow points at it.
 */
import type { ObjectId, TaskId } from './ids.ts';
import type { ObjectView, TaskView } from './state.ts';
import type { ObjectWaitOn, StreamOp, Wait } from './types.ts';

/** How a task waits on an object, as its object's lists tell waits apart. */
type ListKind = ObjectWaitOn | 'stream-read';

/** The stream operations that wait for data from a connection (its StreamReader's `readers`). */
const READ_OPS: ReadonlySet<StreamOp> = new Set(['read', 'readline', 'readuntil', 'readexactly']);

/** For each object type, which of its state's lists holds the tasks waiting with which kind. */
const WAITER_LISTS: Readonly<Record<string, readonly (readonly [ListKind, string])[]>> = {
  Queue: [
    ['queue-get', 'get'],
    ['queue-put', 'put'],
  ],
  LifoQueue: [
    ['queue-get', 'get'],
    ['queue-put', 'put'],
  ],
  PriorityQueue: [
    ['queue-get', 'get'],
    ['queue-put', 'put'],
  ],
  Lock: [['lock', 'wait']],
  Event: [['event', 'wait']],
  Condition: [['condition', 'wait']],
  Semaphore: [['semaphore', 'wait']],
  BoundedSemaphore: [['semaphore', 'wait']],
  Barrier: [['barrier', 'wait']],
  Connection: [['stream-read', 'readers']],
};

/** Lists the tracer writes only while they hold a task (absent means empty). */
const OPTIONAL_LISTS: ReadonlySet<string> = new Set(['readers']);

/** The object a wait is on and how, as the object's lists tell it (null: no list holds it). */
function listKind(w: Wait): { object: ObjectId; kind: ListKind } | null {
  if (!('object' in w) || w.object === undefined) return null;
  if (w.on === 'stream')
    return READ_OPS.has(w.op) ? { object: w.object, kind: 'stream-read' } : null;
  if (w.on === 'taskgroup') return null;
  return { object: w.object, kind: w.on };
}

/** Whether `task`'s card says it waits on object `o` with `on`. */
export function waitsOn(task: TaskView, o: ObjectId, on: ObjectWaitOn): boolean {
  const w = task.wait;
  return task.state === 'waiting' && w !== null && w.on === on && 'object' in w && w.object === o;
}

/** The waiter list of an object type for a wait kind (e.g. Queue, queue-get → "get"), if any. */
export function waiterListKey(type: string, on: ObjectWaitOn): string | undefined {
  return WAITER_LISTS[type]?.find(([kind]) => kind === on)?.[1];
}

/**
 * `objects` with every waiter list replaced by the tasks that wait there now; the same array
 * (and the same views) when every list already agrees, so snapshots stay cheap to compare.
 */
export function reconcileWaiters(
  objects: readonly ObjectView[],
  tasks: readonly TaskView[],
): readonly ObjectView[] {
  if (!objects.some((o) => WAITER_LISTS[o.type] !== undefined)) return objects;
  // One pass over the tasks (a program may have thousands), then a lookup per list.
  const waiting = new Map<string, TaskId[]>();
  for (const t of tasks) {
    const on = t.state === 'waiting' && t.wait !== null ? listKind(t.wait) : null;
    if (on === null) continue;
    const key = `${on.object} ${on.kind}`;
    const ids = waiting.get(key);
    if (ids) ids.push(t.id);
    else waiting.set(key, [t.id]);
  }
  let out: ObjectView[] | null = null;
  for (let i = 0; i < objects.length; i++) {
    const o = objects[i] as ObjectView;
    const fixed = reconcileObject(o, waiting);
    if (fixed !== o) {
      out ??= objects.slice();
      out[i] = fixed;
    }
  }
  return out === null ? objects : Object.freeze(out);
}

function reconcileObject(o: ObjectView, waitingByKey: ReadonlyMap<string, TaskId[]>): ObjectView {
  const lists = WAITER_LISTS[o.type];
  if (lists === undefined || o.state === null) return o;
  const state = o.state as unknown as Readonly<Record<string, unknown>>;
  let changed: Record<string, unknown> | null = null;
  for (const [on, key] of lists) {
    const waiting = waitingByKey.get(`${o.id} ${on}`) ?? [];
    let recorded = state[key];
    if (recorded === undefined && OPTIONAL_LISTS.has(key)) {
      if (waiting.length === 0) continue;
      recorded = [];
    }
    if (!Array.isArray(recorded)) continue;
    const now = agreeing(recorded as readonly TaskId[], waiting);
    if (now !== recorded) {
      changed ??= { ...state };
      changed[key] = now;
    }
  }
  if (changed === null) return o;
  return Object.freeze({ ...o, state: Object.freeze(changed) as unknown as ObjectView['state'] });
}

/** The tasks waiting on a stream object in one operation other than reading, e.g. `drain`. */
export interface StreamWaiters {
  readonly op: StreamOp;
  readonly tasks: readonly TaskId[];
}

/**
 * The tasks whose cards say they wait on Connection or Server `o` other than to read from it
 * (a reader is in the connection's reconciled `readers`), grouped by operation in the order
 * first seen, each group in task order.
 */
export function streamWaiters(tasks: readonly TaskView[], o: ObjectId): readonly StreamWaiters[] {
  const groups = new Map<StreamOp, TaskId[]>();
  for (const t of tasks) {
    const w = t.wait;
    if (t.state !== 'waiting' || w === null || w.on !== 'stream' || w.object !== o) continue;
    if (READ_OPS.has(w.op)) continue;
    const ids = groups.get(w.op);
    if (ids) ids.push(t.id);
    else groups.set(w.op, [t.id]);
  }
  return [...groups].map(([op, ids]) => ({ op, tasks: ids }));
}

/** `recorded` if it lists exactly `waiting`; else `waiting` in recorded order, newcomers last. */
function agreeing(recorded: readonly TaskId[], waiting: readonly TaskId[]): readonly TaskId[] {
  const set = new Set(waiting);
  if (recorded.length === waiting.length && recorded.every((id) => set.has(id))) return recorded;
  const kept = recorded.filter((id) => set.has(id));
  const keptSet = new Set(kept);
  return Object.freeze([...kept, ...waiting.filter((id) => !keptSet.has(id))]);
}
