import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TRACE_FIXTURES } from '../../../tests/fixtures/traces.ts';
import { eventAt } from '../decode.ts';
import { narrate } from '../narration.ts';
import { parseTrace } from '../parse.ts';
import { stateAt } from '../replay.ts';
import type { Wait } from '../types.ts';
import { describeWait, waitKindText } from '../words.ts';

const trace = parseTrace(
  readFileSync(new URL('84-echo-localhost.trace.json', TRACE_FIXTURES), 'utf8'),
);

function streamSuspends(): number[] {
  const steps: number[] = [];
  trace.events.forEach((e, i) => {
    if (typeof e === 'object' && e.k === 'suspend' && e.w.on === 'stream') steps.push(i);
  });
  return steps;
}

describe('stream waits in words', () => {
  it('a task in readline waits for a line from the other end, and the narration says so', () => {
    const [step] = streamSuspends();
    if (step === undefined) throw new Error('expected a stream wait');
    const ev = eventAt(trace, step);
    if (ev.kind !== 'suspend') throw new Error('expected a suspend');
    expect(describeWait(stateAt(trace, step), ev.wait)).toBe('a line from 127.0.0.1:50001');
    expect(waitKindText(ev.wait)).toBe('reading from a connection');
    expect(narrate(trace, step)).toMatch(/^Task-4 awaits a line from 127\.0\.0\.1:50001/);
  });

  it('words every kind of stream wait', () => {
    const state = stateAt(trace, 0);
    const said = (w: Partial<Extract<Wait, { on: 'stream' }>>) =>
      describeWait(state, { on: 'stream', op: 'read', peer: '127.0.0.1:8888', via: [], ...w });
    expect(said({ op: 'readexactly', count: 4 })).toBe('4 bytes from 127.0.0.1:8888');
    expect(said({ op: 'readuntil', separator: "b'.'" })).toBe(
      "data up to b'.' from 127.0.0.1:8888",
    );
    expect(said({ op: 'drain' })).toBe('the connection to 127.0.0.1:8888 to take more data');
    expect(said({ op: 'closed' })).toBe('the connection to 127.0.0.1:8888 to close');
    expect(said({ op: 'serve' })).toBe('connections to 127.0.0.1:8888');
    expect(said({ op: 'server-closed', peer: '' })).toBe(
      'the server to close and its connections to end',
    );
  });

  it('the narration says what changed on a connection or a server, never just "changes"', () => {
    const said = trace.events.flatMap((e, i) => {
      if (typeof e !== 'object' || e.k !== 'state') return [];
      const type = trace.objects.find((o) => o.id === e.o)?.type;
      return type === 'Connection' || type === 'Server' ? [narrate(trace, i)] : [];
    });
    expect(said).toContain('Server server is now listening on 127.0.0.1:8888, 1 connection.');
    expect(said.some((s) => /^Connection reader \(with 127\.0\.0\.1:\d+\) is now: /.test(s))).toBe(
      true,
    );
    for (const s of said) expect(s).not.toMatch(/changes\.$/);
  });
});
