import { describe, expect, it } from 'vitest';
import { exampleTrace } from './example.ts';
import { asHandleId as H, asTaskId as T } from './ids.ts';
import { partialTrace } from './partial-trace.ts';
import { stateAt } from './replay.ts';
import {
  adoptTraceIndex,
  controlAt,
  eventsOfKind,
  findEvent,
  firstStepAtTime,
  stepsOfKind,
  stepsOfLine,
  taskOfEvent,
  taskSummary,
  traceIndex,
  traceIndexData,
  virtualTimeAt,
} from './trace-index.ts';

describe('traceIndex', () => {
  const trace = exampleTrace();

  it('agrees with the replay on the time and the holder at every step', () => {
    const index = traceIndex(trace);
    for (let s = 0; s < trace.events.length; s++) {
      const state = stateAt(trace, s);
      expect(index.time[s], `time at step ${s}`).toBe(state.time);
      expect(index.holder[s] || null, `holder at step ${s}`).toBe(state.holder);
    }
    expect(index.endTime).toBe(1);
    expect(virtualTimeAt(trace, -1)).toBe(0);
    expect(virtualTimeAt(trace, 27)).toBe(1);
  });

  it('is built once per trace', () => {
    expect(traceIndex(trace)).toBe(traceIndex(trace));
  });

  it('tells when each task was created, first ran and finished, and how it ended', () => {
    expect(traceIndex(trace).tasks).toEqual([
      {
        id: 1,
        name: 'Task-1',
        names: ['Task-1'],
        coro: 'main',
        user: true,
        created: 7,
        started: 9,
        done: 39,
        outcome: { kind: 'result', repr: 'None' },
      },
      {
        id: 2,
        name: 'Task-2',
        names: ['Task-2'],
        coro: 'worker',
        user: true,
        created: 13,
        started: 20,
        done: 33,
        outcome: { kind: 'result', repr: '2' },
      },
    ]);
    expect(taskSummary(trace, 2)?.coro).toBe('worker');
    expect(taskSummary(trace, 3)).toBeUndefined();
  });

  it('lists every output with the task that wrote it', () => {
    expect(traceIndex(trace).outputs).toEqual([
      { step: 17, text: 'start\n', stream: 'stdout', task: 1 },
      { step: 31, text: '1\n', stream: 'stdout', task: 2 },
      { step: 38, text: '2\n', stream: 'stdout', task: 1 },
    ]);
  });

  it('finds the steps of an event kind, of a program line, and the task an event is about', () => {
    expect(Array.from(stepsOfKind(trace, 'resume'))).toEqual([9, 20, 29, 35]);
    expect(Array.from(stepsOfKind(trace, 'net'))).toEqual([]);
    expect(Array.from(stepsOfLine(trace, 12))).toEqual([37]);
    expect(Array.from(stepsOfLine(trace, 99))).toEqual([]);
    expect(taskOfEvent(trace, 26)).toBe(2);
    expect(taskOfEvent(trace, 27)).toBeNull();
  });

  it('finds the first step at which the clock has reached a time', () => {
    expect(firstStepAtTime(trace, 0)).toBe(0);
    expect(firstStepAtTime(trace, 1)).toBe(27);
    expect(firstStepAtTime(trace, 0.5, 30)).toBe(30);
    expect(firstStepAtTime(trace, 2)).toBeNull();
    expect(firstStepAtTime(trace, 1, 0, 26)).toBeNull();
  });

  it('tells a task that raised from one that was cancelled', () => {
    const ended = partialTrace({ source: 'x\n' }, [
      { k: 'task-created', t: T(1), name: 'Task-1', coro: 'main', user: true, by: null },
      { k: 'task-created', t: T(2), name: 'Task-2', coro: 'boom', user: true, by: T(1) },
      { k: 'task-created', t: T(3), name: 'Task-3', coro: 'idle', user: true, by: T(1) },
      { k: 'task-done', t: T(2), x: "ValueError('no')" },
      { k: 'task-done', t: T(3), c: 1 },
    ]);
    expect(traceIndex(ended).tasks.map((t) => [t.done, t.outcome])).toEqual([
      [null, null],
      [3, { kind: 'exception', repr: "ValueError('no')" }],
      [4, { kind: 'cancelled' }],
    ]);
  });

  it('decodes the events of one kind, and finds the first that matches', () => {
    expect(eventsOfKind(trace, 'task-done').map((e) => [e.step, e.event.task])).toEqual([
      [33, 2],
      [39, 1],
    ]);
    expect(findEvent(trace, 'suspend', (e) => e.wait.on === 'sleep')?.step).toBe(26);
    expect(findEvent(trace, 'suspend', (e) => e.wait.on === 'lock')).toBeNull();
  });

  it('takes final names from the header and keeps every name a task had', () => {
    const renamed = partialTrace({ source: 'x\n' }, [
      { k: 'task-created', t: T(1), name: 'Task-1', coro: 'main', user: true, by: null },
      { k: 'task-name', t: T(1), name: 'boss' },
    ]);
    expect(traceIndex(renamed).tasks[0]?.names).toEqual(['Task-1', 'boss']);
    expect(traceIndex(renamed).tasks[0]?.name).toBe('boss');
  });
});

describe('controlAt', () => {
  it('names the task holding control, the running callback, or nobody', () => {
    const trace = partialTrace({ source: 'x\n' }, [
      /* 0 */ { k: 'loop', run: true },
      /* 1 */ { k: 'task-created', t: T(1), name: 'Task-1', coro: 'main', user: true, by: null },
      /* 2 */ { k: 'ready', h: H(1), t: T(1) },
      /* 3 */ { k: 'timer', h: H(2), at: 0, why: 'callback', cb: 'tick' },
      /* 4 */ { k: 'resume', t: T(1), h: H(1) },
      /* 5 */ 1,
      /* 6 */ { k: 'suspend', t: T(1), w: { on: 'yield' } },
      /* 7 */ { k: 'callback', h: H(2) },
      /* 8 */ 1,
      /* 9 */ { k: 'loop', run: false },
    ]);
    expect(controlAt(trace, 1)).toEqual({ kind: 'none' });
    expect(controlAt(trace, 5)).toEqual({ kind: 'task', task: 1 });
    expect(controlAt(trace, 6)).toEqual({ kind: 'none' });
    expect(controlAt(trace, 7)).toEqual({ kind: 'callback', step: 7, name: 'tick' });
    expect(controlAt(trace, 8)).toEqual({ kind: 'callback', step: 7, name: 'tick' });
    expect(controlAt(trace, 9)).toEqual({ kind: 'none' });
  });
});

describe('an index built elsewhere and adopted', () => {
  it('answers as the one built here', () => {
    const data = traceIndexData(exampleTrace());
    const trace = exampleTrace();
    const adopted = adoptTraceIndex(trace, data);
    expect(traceIndex(trace)).toBe(adopted);
    const fresh = traceIndex(exampleTrace());
    expect(Array.from(adopted.time)).toEqual(Array.from(fresh.time));
    expect(Array.from(adopted.holder)).toEqual(Array.from(fresh.holder));
    expect(adopted.tasks).toEqual(fresh.tasks);
    expect(adopted.callbacks).toEqual(fresh.callbacks);
    expect([...adopted.kindSteps.keys()]).toEqual([...fresh.kindSteps.keys()]);
    expect(adopted.outputs).toEqual(fresh.outputs);
    expect(controlAt(trace, 5)).toEqual(controlAt(exampleTrace(), 5));
  });
});
