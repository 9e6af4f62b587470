import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chunkSizes } from '../../tests/fixtures/live.ts';
import { TRACE_FIXTURES } from '../../tests/fixtures/traces.ts';
import { exampleTrace } from './example.ts';
import { asHandleId as H, asTaskId as T } from './ids.ts';
import { parseTrace } from './parse.ts';
import { partialTrace } from './partial-trace.ts';
import { syntheticTrace } from './synthetic.ts';
import { rebuildTables } from './tables.ts';
import { type TraceIndexData, traceIndexData } from './trace-index.ts';
import { TraceIndexBuilder } from './trace-index-builder.ts';
import type { RawEvent, Trace } from './types.ts';

/** The index as plain arrays and objects, so that equality compares values, not buffers. */
function plain(data: TraceIndexData) {
  return {
    ...data,
    time: Array.from(data.time),
    holder: Array.from(data.holder),
    kindSteps: Object.fromEntries(Array.from(data.kindSteps, ([k, s]) => [k, Array.from(s)])),
  };
}

/** The index of the first `n` events built in one go, as a live trace of them has it. */
function fullIndexOfPrefix(trace: Trace, n: number) {
  const events = trace.events.slice(0, n) as RawEvent[];
  return plain(traceIndexData({ ...trace, events, tasks: rebuildTables(events).tasks }));
}

const fixtures: [string, Trace][] = readdirSync(TRACE_FIXTURES)
  .filter((f) => f.endsWith('.trace.json'))
  .map((f) => [f, parseTrace(readFileSync(new URL(f, TRACE_FIXTURES), 'utf8'))]);

describe('TraceIndexBuilder: chunk by chunk, the same index as one build', () => {
  const traces: [string, Trace][] = [
    ['example', exampleTrace()],
    ['synthetic', syntheticTrace(3_000)],
    [
      'renamed',
      partialTrace({ source: 'x\n' }, [
        { k: 'task-created', t: T(1), name: 'Task-1', coro: 'main', user: true, by: null },
        { k: 'task-name', t: T(1), name: 'boss' },
        { k: 'resume', t: T(1), h: H(1) },
        1,
        { k: 'task-name', t: T(1), name: 'Task-1' },
        { k: 'task-done', t: T(1), r: 'None' },
      ]),
    ],
    ...fixtures,
  ];

  it.each(traces)('%s: at every chunk, and every snapshot stays as it was', (_name, trace) => {
    const builder = new TraceIndexBuilder();
    const events = trace.events as readonly RawEvent[];
    const snapshots: [number, TraceIndexData][] = [];
    let at = 0;
    for (const [i, size] of chunkSizes(events.length, events.length + 7).entries()) {
      const chunk = events.slice(at, at + size);
      builder.add(chunk);
      at += size;
      // Snapshots at every chunk of a small trace; every few chunks of a long one.
      if (i % 4 === 0 || at === events.length) {
        const data = builder.data(rebuildTables(events.slice(0, at)).tasks);
        expect(plain(data), `after ${at} events`).toEqual(fullIndexOfPrefix(trace, at));
        snapshots.push([at, data]);
      }
    }
    // Later events changed none of the earlier snapshots (views of growing buffers).
    for (const [n, data] of snapshots) expect(plain(data)).toEqual(fullIndexOfPrefix(trace, n));
    // With the header's own task table, the whole trace's index.
    expect(plain(builder.data(trace.tasks))).toEqual(plain(traceIndexData(trace)));
  });

  it('covers traces with callbacks, renamed tasks and clock jumps', () => {
    const kinds = new Set(
      traces.flatMap(([, t]) => t.events.flatMap((e) => (typeof e === 'object' ? [e.k] : []))),
    );
    for (const k of ['callback', 'task-name', 'clock', 'block', 'task-done', 'loop']) {
      expect(kinds, k).toContain(k);
    }
  });
});
