import { describe, expect, it } from 'vitest';
import { traceHeader } from '../../tests/fixtures/trace.ts';
import {
  ColumnAssembler,
  columnsOf,
  indexTransferables,
  type RawEvent,
  traceIndex,
  traceIndexData,
} from '../trace/index.ts';
import { traceFromColumns, traceFromEvents } from './run-trace.ts';

const header = traceHeader({
  source: 'print(1)\n',
  stdout: '1\n',
  stats: { steps: 3, lines: 1, detailSteps: 50000 },
});

const streamed: RawEvent[] = [{ k: 'loop', run: true }, 1, { k: 'out', s: '1\n' }];

describe('traceFromEvents', () => {
  it('puts the streamed events under the header', () => {
    const trace = traceFromEvents(JSON.stringify(header), streamed.slice());
    expect(trace.events).toEqual(streamed);
    expect(trace.stdout).toBe('1\n');
  });

  it('rejects a trace of another version with a clear message', () => {
    expect(() => traceFromEvents(JSON.stringify({ ...header, version: 2 }), [])).toThrow(
      /version 2.*version 1/,
    );
  });
});

describe('traceFromColumns', () => {
  const chunks = ['[{"k":"loop","run":true}]', '[1,{"k":"out","s":"1\\n"}]'];

  it('is the trace traceFromEvents gives, and answers with the index the worker built', () => {
    const assembler = new ColumnAssembler();
    for (const chunk of chunks) assembler.addChunk(chunk);
    const fromEvents = traceFromEvents(JSON.stringify(header), streamed.slice());
    const data = traceIndexData(fromEvents);
    const index = structuredClone(data, { transfer: indexTransferables(data) });
    const trace = traceFromColumns(JSON.stringify(header), assembler.columns(), index);
    expect(trace).toEqual(fromEvents);
    expect(traceIndex(trace).time).toBe(index.time);
  });

  it('validates the events itself when the worker sent no index (it had not validated them)', () => {
    const bad = columnsOf([{ k: 'resume', t: 1 } as unknown as RawEvent]);
    expect(() => traceFromColumns(JSON.stringify(header), bad, undefined)).toThrow(
      /step 0 \(resume\)/,
    );
  });

  it('builds the index itself when the worker sent none', () => {
    const assembler = new ColumnAssembler();
    for (const chunk of chunks) assembler.addChunk(chunk);
    const trace = traceFromColumns(JSON.stringify(header), assembler.columns(), undefined);
    expect(traceIndex(trace).time.length).toBe(3);
  });
});
