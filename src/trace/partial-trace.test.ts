import { describe, expect, it } from 'vitest';
import { EXAMPLE_EVENTS, EXAMPLE_SOURCE, exampleTrace } from './example.ts';
import { checkInvariants } from './invariants.ts';
import { PartialTraceBuilder, partialTrace, WALL_LIMIT } from './partial-trace.ts';
import { CHECKPOINT_INTERVAL, extendReplayIndex, foldStateAt, stateAt } from './replay.ts';
import { syntheticTrace } from './synthetic.ts';
import { rebuildTables } from './tables.ts';
import { TraceFormatError } from './trace-format-error.ts';
import type { Trace } from './types.ts';

describe('rebuildTables', () => {
  it('derives tasks, objects and frames from the events', () => {
    const tables = rebuildTables([
      { k: 'task-created', t: 1, name: 'Task-1', coro: 'main', user: true, by: null },
      { k: 'frame', f: 1, fn: 'main', t: 1 },
      { k: 'object', o: 2, type: 'Lock', label: 'lock' },
      {
        k: 'task-created',
        t: 2,
        name: 'Task-2',
        coro: 'gather.<locals>._done',
        user: false,
        by: 1,
      },
      { k: 'task-name', t: 1, name: 'boss' },
      3,
    ] as never);
    expect(tables).toEqual({
      tasks: [
        { id: 1, name: 'boss', coro: 'main', user: true },
        { id: 2, name: 'Task-2', coro: 'gather.<locals>._done', user: false },
      ],
      objects: [{ id: 2, type: 'Lock', label: 'lock' }],
      frames: [{ id: 1, fn: 'main', task: 1 }],
    });
  });

  it('agrees with the tables of a complete trace', () => {
    const trace = exampleTrace();
    const { tasks, objects, frames } = rebuildTables(trace.events);
    expect({ tasks, objects, frames }).toEqual({
      tasks: trace.tasks,
      objects: trace.objects,
      frames: trace.frames,
    });
  });
});

describe('partialTrace', () => {
  it('assembles a trace cut short, deriving output, tables and stats from the events', () => {
    const cut = EXAMPLE_EVENTS.slice(0, 25);
    const trace = partialTrace({ source: EXAMPLE_SOURCE, python: '3.14.2' }, cut);
    expect(trace).toMatchObject({
      format: 'asyncio-trace',
      version: 2,
      status: 'limit',
      limit: WALL_LIMIT,
      stdout: 'start\n',
      stderr: '',
      stats: { steps: 25, lines: 8, detailSteps: 20000 },
      file: 'main.py',
    });
    expect(trace.tasks.map((t) => t.id)).toEqual([1, 2]);
    expect(trace.frames.map((f) => f.id)).toEqual([1, 2, 3]);
    expect(trace.events).toBe(cut);
    // Cut while task 2 holds control: fine for a stopped run.
    expect(checkInvariants(trace)).toEqual([]);
  });

  it('keeps what the caller knows about the run', () => {
    const limit = { kind: 'steps', message: 'The program ran 5 steps.' } as const;
    const trace = partialTrace(
      { source: 'x\n', status: 'limit', limit, file: 'lesson.py', detailSteps: 9 },
      [1],
    );
    expect(trace).toMatchObject({ limit, file: 'lesson.py', stats: { detailSteps: 9 } });
    expect(partialTrace({ source: 'x\n', status: 'completed' }, [1]).limit).toBeNull();
  });

  it('rejects malformed events with the same messages as parseTrace', () => {
    expect(() => partialTrace({ source: '' }, [1, { k: 'resume', t: 1 }])).toThrow(
      TraceFormatError,
    );
    expect(() => partialTrace({ source: '' }, [1, { k: 'resume', t: 1 }])).toThrow(
      'Invalid trace: step 1 (resume): "h" is missing.',
    );
  });
});

describe('PartialTraceBuilder', () => {
  const header = { source: EXAMPLE_SOURCE, python: '3.14.2' };

  it('gives, chunk by chunk, the trace partialTrace gives of the events so far', () => {
    const builder = new PartialTraceBuilder();
    for (const end of [3, 10, 25, EXAMPLE_EVENTS.length]) {
      builder.add(EXAMPLE_EVENTS.slice(builder.count, end));
      expect(builder.trace(header)).toEqual(partialTrace(header, EXAMPLE_EVENTS.slice(0, end)));
    }
  });

  it('builds the replay checkpoints as events arrive, for every trace it gives', () => {
    const { events, source } = syntheticTrace(3 * CHECKPOINT_INTERVAL + 77, { seed: 5 });
    const builder = new PartialTraceBuilder();
    const traces: Trace[] = [];
    for (let at = 0; at < events.length; at += 5000) {
      builder.add(events.slice(at, at + 5000));
      traces.push(builder.trace({ source }));
    }
    // All built already: extending them (shared, all traces of the run) wants no more time.
    expect(extendReplayIndex(traces.at(-1) as Trace, () => false)).toBe(true);
    for (const trace of traces) {
      const last = trace.events.length - 1;
      for (const step of [last, last - 4100, 17]) {
        expect(stateAt(trace, step)).toEqual(foldStateAt(trace, step));
      }
    }
  });

  it('gives its own events to the final trace, and takes no more after that', () => {
    const builder = new PartialTraceBuilder();
    builder.add(EXAMPLE_EVENTS);
    const events = builder.finish();
    expect(events).toEqual(EXAMPLE_EVENTS);
    expect(() => builder.add([1])).toThrow(/ended/);
    expect(events).toHaveLength(EXAMPLE_EVENTS.length);
  });

  it('leaves the traces it gave as they were when later events arrive', () => {
    const builder = new PartialTraceBuilder();
    builder.add([{ k: 'task-created', t: 1, name: 'Task-1', coro: 'main', user: true, by: null }]);
    const before = builder.trace(header);
    builder.add([{ k: 'task-name', t: 1, name: 'boss' }, 1]);
    expect(before.events).toHaveLength(1);
    expect(before.tasks[0]?.name).toBe('Task-1');
    expect(builder.trace(header).tasks[0]?.name).toBe('boss');
  });

  it('numbers a malformed event by its step in the whole run', () => {
    const builder = new PartialTraceBuilder();
    builder.add([1, 1]);
    expect(() => builder.add([1, { k: 'resume', t: 1 }])).toThrow(
      'Invalid trace: step 3 (resume): "h" is missing.',
    );
  });

  it('trusts events validated already (by the worker), and still knows their object types', () => {
    const builder = new PartialTraceBuilder();
    builder.add([{ k: 'object', o: 3, type: 'Event', label: 'e' }], true);
    // A state of the wrong shape for an Event: found because the type came with checked events.
    expect(() => builder.add([{ k: 'state', o: 3, s: { items: [] } }])).toThrow(TraceFormatError);
    expect(() => builder.add([{ k: 'state', o: 3, s: { set: true, wait: [] } }])).not.toThrow();
  });
});
