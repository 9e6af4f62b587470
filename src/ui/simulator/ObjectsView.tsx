// size: ObjectBody is one switch, a short JSX case per asyncio object (Queue, Future, Lock, Event, …)
import type { ReactNode } from 'react';
import {
  type BarrierState,
  type ConditionState,
  type EventState,
  type FutureState,
  findEvent,
  findObject,
  findTask,
  type LockState,
  type LoopState,
  type ObjectId,
  type ObjectInfo,
  type ObjectView,
  type QueueState,
  type SemaphoreState,
  type TaskGroupState,
  type TaskId,
  type Trace,
} from '../../trace/index.ts';
import { taskName, threadFutureLabel } from '../../trace/words.ts';
import { STREAM_TYPES } from './ConnectionsView.tsx';
import { FlagIcon, LockIcon } from './Icons.tsx';
import { TaskRef } from './TaskChip.tsx';

export interface ObjectsViewProps {
  trace: Trace;
  state: LoopState;
  /** Object whose box is emphasised (the highlighted task awaits it). */
  related?: ReadonlySet<number>;
}

/**
 * The asyncio objects the program uses. Every object of the run has its place from the first
 * step (greyed until the program creates it), so boxes never shift while stepping.
 */
export function ObjectsView({ trace, state, related }: ObjectsViewProps) {
  // Servers and connections have their own box (ConnectionsView).
  const infos = mergeObjects(trace, state).filter((o) => !STREAM_TYPES.has(o.type));
  return (
    <section aria-label="Objects" className="sim-objects">
      <h3 className="sim-section-title">Objects</h3>
      {infos.length === 0 ? (
        <p className="sim-empty">This program uses no queues, futures, locks or events.</p>
      ) : (
        <div className="sim-objects__grid">
          {infos.map((info) => {
            const view = findObject(state, info.id);
            return (
              <ObjectBox
                key={info.id}
                info={info}
                view={view}
                trace={trace}
                state={state}
                related={related?.has(info.id) ?? false}
              />
            );
          })}
        </div>
      )}
    </section>
  );
}

/** The trace's object table, plus any object the state knows that the table lacks. */
function mergeObjects(trace: Trace, state: LoopState): readonly ObjectInfo[] {
  const byId = new Map<number, ObjectInfo>();
  for (const o of trace.objects) byId.set(o.id, o);
  for (const o of state.objects) if (!byId.has(o.id)) byId.set(o.id, o);
  return [...byId.values()].sort((a, b) => a.id - b.id);
}

function ObjectBox({
  info,
  view,
  trace,
  state,
  related,
}: {
  info: ObjectInfo;
  view: ObjectView | undefined;
  trace: Trace;
  state: LoopState;
  related: boolean;
}) {
  // A thread job's future is named for its thread (the Threads box shows the job itself).
  const name = info.label ?? threadFutureLabel(trace, info.id) ?? `${info.type} #${info.id}`;
  const label = `${info.type} ${name}`;
  return (
    <article
      className="sim-object"
      data-sim-object={info.id}
      data-type={info.type}
      data-exists={view ? 'true' : 'false'}
      data-related={related ? 'true' : undefined}
      aria-label={label}
    >
      <header className="sim-object__head">
        <span className="sim-object__type">{info.type}</span>
        <code className="sim-code sim-object__name">{name}</code>
      </header>
      <div className="sim-object__body">
        {view === undefined ? (
          <p className="sim-object__note">not created yet</p>
        ) : view.state === null ? (
          <p className="sim-object__note">created</p>
        ) : (
          <ObjectBody type={info.type} view={view} trace={trace} state={state} />
        )}
      </div>
    </article>
  );
}

/** Past this many, a TaskGroup names its first and last task: every one has its card already. */
const LISTED_GROUP_TASKS = 3;

function Tasks({
  ids,
  state,
  trace,
  empty = 'none',
  fold = false,
}: {
  ids: readonly TaskId[];
  state: LoopState;
  trace: Trace;
  empty?: string;
  /** Many tasks read `8: Task-2 … Task-9` (all named in the hover title). */
  fold?: boolean;
}) {
  if (ids.length === 0) return <span className="sim-object__none">{empty}</span>;
  const ref = (id: TaskId) => (
    <TaskRef
      key={id}
      task={id}
      name={taskName(state, id, trace)}
      internal={findTask(state, id)?.user === false}
    />
  );
  const first = ids[0];
  const last = ids[ids.length - 1];
  if (fold && ids.length > LISTED_GROUP_TASKS && first !== undefined && last !== undefined) {
    const all = ids.map((id) => taskName(state, id, trace)).join(', ');
    return (
      <span className="sim-object__tasks" title={all}>
        {ids.length}: {ref(first)} … {ref(last)}
      </span>
    );
  }
  return <span className="sim-object__tasks">{ids.map(ref)}</span>;
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="sim-object__row">
      <span className="sim-object__label">{label}</span>
      <span className="sim-object__value">{children}</span>
    </div>
  );
}

/** Tasks whose current wait names this object (futures record no waiters of their own). */
function waitersOf(state: LoopState, id: number): TaskId[] {
  return state.tasks
    .filter((t) => t.state === 'waiting' && t.wait && 'object' in t.wait && t.wait.object === id)
    .map((t) => t.id);
}

function ObjectBody({
  type,
  view,
  trace,
  state,
}: {
  type: string;
  view: ObjectView;
  trace: Trace;
  state: LoopState;
}) {
  const p = { state, trace };
  switch (type) {
    case 'Queue':
    case 'LifoQueue':
    case 'PriorityQueue': {
      const s = view.state as QueueState;
      const end = type === 'LifoQueue' ? 'top' : type === 'PriorityQueue' ? 'smallest' : 'front';
      return (
        <>
          <div className="sim-queue" data-empty={s.items.length === 0 ? 'true' : undefined}>
            <span className="sim-queue__end">{end}</span>
            <ol className="sim-queue__items" aria-label={`${view.label ?? type} items`}>
              {s.items.map((item, i) => (
                // Items are reprs and may repeat; their position is their identity.
                // biome-ignore lint/suspicious/noArrayIndexKey: position is the identity here
                <li key={i} className="sim-queue__item" title={item}>
                  {item}
                </li>
              ))}
            </ol>
            {s.items.length === 0 ? <span className="sim-queue__none">empty</span> : null}
          </div>
          <Row label="size">
            {s.items.length}
            {s.max > 0 ? ` of at most ${s.max}` : ' (no limit)'}
          </Row>
          {s.unfinished !== s.items.length && countsWork(trace, view.id) ? (
            <Row label="unfinished">{s.unfinished}, awaiting task_done()</Row>
          ) : null}
          <Row label="waiting to get">
            <Tasks ids={s.get} {...p} />
          </Row>
          {s.max > 0 || s.put.length > 0 ? (
            <Row label="waiting to put">
              <Tasks ids={s.put} {...p} />
            </Row>
          ) : null}
        </>
      );
    }
    case 'Future': {
      const s = view.state as FutureState;
      return (
        <>
          <div className="sim-future" data-st={s.st}>
            {s.st === 'pending' ? (
              <span>◷ pending: no result yet</span>
            ) : s.st === 'result' ? (
              <span>
                ✓ result <code className="sim-code">{s.v}</code>
              </span>
            ) : s.st === 'exception' ? (
              <span>
                ✕ exception <code className="sim-code">{s.v}</code>
              </span>
            ) : (
              <span>⊘ cancelled</span>
            )}
          </div>
          <Row label="awaited by">
            <Tasks ids={waitersOf(state, view.id)} {...p} />
          </Row>
        </>
      );
    }
    case 'Lock': {
      const s = view.state as LockState;
      return (
        <>
          <div className="sim-flag" data-on={s.locked ? 'true' : 'false'}>
            <LockIcon open={!s.locked} /> {s.locked ? 'locked' : 'free'}
          </div>
          <Row label="held by">
            <Tasks ids={s.locked && s.by != null ? [s.by] : []} {...p} />
          </Row>
          <Row label="waiting">
            <Tasks ids={s.wait} {...p} />
          </Row>
        </>
      );
    }
    case 'Event': {
      const s = view.state as EventState;
      return (
        <>
          <div className="sim-flag" data-on={s.set ? 'true' : 'false'}>
            <FlagIcon raised={s.set} /> {s.set ? 'set' : 'not set'}
          </div>
          <Row label="waiting">
            <Tasks ids={s.wait} {...p} />
          </Row>
        </>
      );
    }
    case 'Condition': {
      const s = view.state as ConditionState;
      return (
        <>
          <div className="sim-flag" data-on={s.locked ? 'true' : 'false'}>
            <LockIcon open={!s.locked} /> {s.locked ? 'lock held' : 'lock free'}
          </div>
          <Row label="waiting">
            <Tasks ids={s.wait} {...p} />
          </Row>
        </>
      );
    }
    case 'Semaphore':
    case 'BoundedSemaphore': {
      const s = view.state as SemaphoreState;
      return (
        <>
          <div className="sim-slots">
            {s.by.map((id) => (
              <span key={`by-${id}`} className="sim-slot" data-held="true">
                <TaskRef task={id} name={taskName(state, id, trace)} />
              </span>
            ))}
            {Array.from({ length: Math.max(0, s.value) }, (_, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: free slots are interchangeable
              <span key={`free-${i}`} className="sim-slot" data-held="false">
                free
              </span>
            ))}
          </div>
          <Row label="value">{s.value}</Row>
          <Row label="waiting">
            <Tasks ids={s.wait} {...p} />
          </Row>
        </>
      );
    }
    case 'Barrier': {
      const s = view.state as BarrierState;
      return (
        <>
          <div className="sim-flag" data-on={s.waiting > 0 ? 'true' : 'false'}>
            {s.waiting} of {s.parties} arrived
          </div>
          <Row label="waiting">
            <Tasks ids={s.wait} {...p} />
          </Row>
        </>
      );
    }
    case 'TaskGroup': {
      const s = view.state as TaskGroupState;
      return (
        <Row label="tasks">
          <Tasks ids={s.of} {...p} empty="none left" fold />
        </Row>
      );
    }
    default:
      return <code className="sim-code sim-object__raw">{JSON.stringify(view.state)}</code>;
  }
}

const workCounted = new WeakMap<Trace, Map<ObjectId, boolean>>();

/**
 * Whether the program counts finished work on queue `id` (it calls task_done(), or awaits
 * join()): only then does the queue's "unfinished" count mean something to the learner. A queue
 * used only to put and get (as lessons use one before they teach task_done) shows no such row.
 */
function countsWork(trace: Trace, id: ObjectId): boolean {
  const known = workCounted.get(trace) ?? new Map<ObjectId, boolean>();
  workCounted.set(trace, known);
  const cached = known.get(id);
  if (cached !== undefined) return cached;
  let before = -1;
  const done = findEvent(trace, 'state', (e) => {
    if (e.object !== id) return false;
    const n = (e.state as QueueState).unfinished;
    const dropped = n < before;
    before = n;
    return dropped;
  });
  const joined = findEvent(
    trace,
    'suspend',
    (e) => e.wait.on === 'queue-join' && e.wait.object === id,
  );
  const counts = done !== null || joined !== null;
  known.set(id, counts);
  return counts;
}
