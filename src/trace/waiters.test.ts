/**
 * The picture never contradicts itself: an object panel lists exactly the tasks whose cards say
 * they wait on it, at every step of every recorded trace we ship (lesson goldens and fixtures).
 */
import { describe, expect, it } from 'vitest';
import { storedTraces } from '../../tests/fixtures/stored-traces.ts';
import { disagreements } from '../../tests/fixtures/waiters-agree.ts';
import { asObjectId, asTaskId } from './ids.ts';
import { stateAt } from './replay.ts';
import type { ObjectView, TaskView } from './state.ts';
import type { QueueState } from './types.ts';
import { reconcileWaiters } from './waiters.ts';

describe('object panels agree with task cards', () => {
  const traces = storedTraces();

  it('finds the corpus (lesson goldens with queues, locks, semaphores and connections)', () => {
    expect(traces.length).toBeGreaterThan(40);
    const types = new Set(traces.flatMap(({ trace }) => trace.objects.map((o) => o.type)));
    expect([...types]).toEqual(
      expect.arrayContaining(['Queue', 'Lock', 'Semaphore', 'Connection']),
    );
  });

  it.each(traces.map((t) => [t.name, t.trace] as const))('%s: at every step', (_, trace) => {
    for (let step = 0; step < trace.events.length; step++) {
      const problems = disagreements(stateAt(trace, step));
      if (problems.length > 0) expect({ step, problems }).toEqual({ step, problems: [] });
    }
  });

  it('queues/1: the moment the consumer waits, the queue lists it as waiting to get', () => {
    const { trace } = traces.find((t) => t.name.includes('06-queues/s1-program')) ?? {};
    if (!trace) throw new Error('queues lesson trace missing');
    const step = trace.events.findIndex(
      (e) => typeof e === 'object' && e.k === 'suspend' && e.w.on === 'queue-get',
    );
    const state = stateAt(trace, step);
    const consumer = state.tasks.find((t) => t.coro === 'consumer');
    const queue = state.objects.find((o) => o.type === 'Queue');
    expect(consumer?.state).toBe('waiting');
    expect((queue?.state as QueueState | undefined)?.get).toEqual([consumer?.id]);
  });
});

describe('reconcileWaiters', () => {
  const task = (id: number, state: TaskView['state'], object: number | null): TaskView =>
    ({
      id: asTaskId(id),
      name: `Task-${id}`,
      state,
      wait: object === null ? null : { on: 'lock', object: asObjectId(object) },
    }) as unknown as TaskView;
  const lock = (wait: number[]): ObjectView => ({
    id: asObjectId(1),
    type: 'Lock',
    label: 'lock',
    state: { locked: true, wait: wait.map(asTaskId) },
  });

  it('keeps the recorded (FIFO) order, drops woken waiters and appends newcomers', () => {
    const tasks = [task(2, 'ready', 1), task(3, 'waiting', 1), task(4, 'waiting', 1)];
    const [fixed] = reconcileWaiters([lock([2, 4])], tasks);
    expect(fixed?.state).toEqual({ locked: true, wait: [4, 3] });
  });

  it('returns the same objects when every list already agrees', () => {
    const objects = [lock([3])];
    expect(reconcileWaiters(objects, [task(3, 'waiting', 1)])).toBe(objects);
  });
});
