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
 */
import type { ObjectId, TaskId } from './ids.ts';
import type { ObjectView, TaskView } from './state.ts';
import type { ObjectWaitOn } from './types.ts';

/** For each object type, which of its state's lists holds the tasks waiting with which `on`. */
const WAITER_LISTS: Readonly<Record<string, readonly (readonly [ObjectWaitOn, string])[]>> = {
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
};

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
    const w = t.wait;
    if (t.state !== 'waiting' || w === null || !('object' in w)) continue;
    const key = `${w.object} ${w.on}`;
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
    const recorded = state[key];
    if (!Array.isArray(recorded)) continue;
    const waiting = waitingByKey.get(`${o.id} ${on}`) ?? [];
    const now = agreeing(recorded as readonly TaskId[], waiting);
    if (now !== recorded) {
      changed ??= { ...state };
      changed[key] = now;
    }
  }
  if (changed === null) return o;
  return Object.freeze({ ...o, state: Object.freeze(changed) as unknown as ObjectView['state'] });
}

/** `recorded` if it lists exactly `waiting`; else `waiting` in recorded order, newcomers last. */
function agreeing(recorded: readonly TaskId[], waiting: readonly TaskId[]): readonly TaskId[] {
  const set = new Set(waiting);
  if (recorded.length === waiting.length && recorded.every((id) => set.has(id))) return recorded;
  const kept = recorded.filter((id) => set.has(id));
  const keptSet = new Set(kept);
  return Object.freeze([...kept, ...waiting.filter((id) => !keptSet.has(id))]);
}
