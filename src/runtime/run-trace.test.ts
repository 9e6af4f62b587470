import { describe, expect, it } from 'vitest';
import { traceHeader } from '../../tests/fixtures/trace.ts';
import {
  ColumnAssembler,
  DEFAULT_DETAIL_STEPS,
  indexTransferables,
  traceIndex,
  traceIndexData,
} from '../trace/index.ts';
import { joinChunks, partialTrace, traceFromColumns, traceFromParts } from './run-trace.ts';

const header = traceHeader({
  source: 'print(1)\n',
  stdout: '1\n',
  stats: { steps: 3, lines: 1, detailSteps: 50000 },
});

describe('traceFromParts', () => {
  it('joins the streamed chunks under the header', () => {
    const trace = traceFromParts(JSON.stringify(header), [
      '[{"k":"loop","run":true}]',
      '[1,{"k":"out","s":"1\\n"}]',
    ]);
    expect(trace.events).toEqual([{ k: 'loop', run: true }, 1, { k: 'out', s: '1\n' }]);
    expect(trace.stdout).toBe('1\n');
  });

  it('rejects a trace of another version with a clear message', () => {
    expect(() => traceFromParts(JSON.stringify({ ...header, version: 2 }), [])).toThrow(
      /version 2.*version 1/,
    );
  });
});

describe('traceFromColumns', () => {
  const chunks = ['[{"k":"loop","run":true}]', '[1,{"k":"out","s":"1\\n"}]'];

  it('is the trace traceFromParts gives, and answers with the index the worker built', () => {
    const assembler = new ColumnAssembler();
    for (const chunk of chunks) assembler.addChunk(chunk);
    const fromParts = traceFromParts(JSON.stringify(header), chunks);
    const data = traceIndexData(fromParts);
    const index = structuredClone(data, { transfer: indexTransferables(data) });
    const trace = traceFromColumns(JSON.stringify(header), assembler.columns(), index);
    expect(trace).toEqual(fromParts);
    expect(traceIndex(trace).time).toBe(index.time);
  });

  it('builds the index itself when the worker sent none', () => {
    const assembler = new ColumnAssembler();
    for (const chunk of chunks) assembler.addChunk(chunk);
    const trace = traceFromColumns(JSON.stringify(header), assembler.columns(), undefined);
    expect(traceIndex(trace).time.length).toBe(3);
  });
});

describe('partialTrace', () => {
  it('rebuilds tasks, output and stats from the events alone', () => {
    const trace = partialTrace({
      source: 'src',
      options: {},
      python: '3.14.2',
      limit: { kind: 'wall', message: 'You stopped the program after 6 steps.' },
      chunks: [
        JSON.stringify([
          { k: 'task-created', t: 1, name: 'Task-1', coro: 'main', user: true, by: null },
          { k: 'resume', t: 1, h: 1 },
          4,
          { k: 'out', s: 'hi\n' },
        ]),
        JSON.stringify([
          { k: 'task-name', t: 1, name: 'boss' },
          { k: 'out', s: 'oops', e: 1 },
        ]),
      ],
    });
    expect(trace.status).toBe('limit');
    expect(trace.limit?.kind).toBe('wall');
    expect(trace.tasks).toEqual([{ id: 1, name: 'boss', coro: 'main', user: true }]);
    expect(trace.stdout).toBe('hi\n');
    expect(trace.stderr).toBe('oops');
    expect(trace.stats).toEqual({ steps: 6, lines: 1, detailSteps: DEFAULT_DETAIL_STEPS });
  });

  it('handles a run stopped before any event arrived', () => {
    expect(joinChunks([])).toEqual([]);
    const trace = partialTrace({
      source: '',
      options: {},
      python: '',
      chunks: [],
      limit: { kind: 'wall', message: 'x.' },
    });
    expect(trace.events).toEqual([]);
  });
});
