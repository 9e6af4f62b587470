import { describe, expect, it } from 'vitest';
import { traceHeader } from '../../tests/fixtures/trace.ts';
import { ColumnAssembler, columnsOf, type RawEvent, traceIndex } from '../trace/index.ts';
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

  it('checks only the header of events the worker validated', () => {
    const unchecked = [{ k: 'resume', t: 1 } as unknown as RawEvent];
    expect(() => traceFromEvents(JSON.stringify(header), unchecked.slice())).toThrow(/step 0/);
    expect(() =>
      traceFromEvents(JSON.stringify({ ...header, version: 3 }), streamed.slice(), true),
    ).toThrow(/version 3/);
  });

  it('rejects a trace of another version with a clear message', () => {
    expect(() => traceFromEvents(JSON.stringify({ ...header, version: 3 }), [])).toThrow(
      /version 3.*versions 1 and 2/,
    );
  });
});

describe('traceFromColumns', () => {
  const chunks = ['[{"k":"loop","run":true}]', '[1,{"k":"out","s":"1\\n"}]'];

  it('is the trace traceFromEvents gives', () => {
    const assembler = new ColumnAssembler();
    for (const chunk of chunks) assembler.addChunk(chunk);
    const fromEvents = traceFromEvents(JSON.stringify(header), streamed.slice());
    const trace = traceFromColumns(JSON.stringify(header), assembler.columns());
    expect(trace).toEqual(fromEvents);
    expect(traceIndex(trace).time.length).toBe(3);
  });

  it('validates the events (the worker sends columns only when they did not validate there)', () => {
    const bad = columnsOf([{ k: 'resume', t: 1 } as unknown as RawEvent]);
    expect(() => traceFromColumns(JSON.stringify(header), bad)).toThrow(/step 0 \(resume\)/);
  });
});
