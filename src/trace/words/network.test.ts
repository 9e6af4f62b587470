import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TRACE_FIXTURES } from '../../../tests/fixtures/traces.ts';
import { eventAt } from '../decode.ts';
import { parseTrace } from '../parse.ts';
import { stateAt } from '../replay.ts';
import { plain } from '../words.ts';
import { netWaitText, netWaitWords } from './network.ts';

const trace = parseTrace(
  readFileSync(new URL('41-aiohttp-gather.trace.json', TRACE_FIXTURES), 'utf8'),
);

describe('network waits in words', () => {
  it('a task awaiting an aiohttp response reads as the request and when it arrives', () => {
    const step = trace.events.findIndex(
      (e) => typeof e === 'object' && e.k === 'suspend' && e.w.on === 'sleep',
    );
    const ev = eventAt(trace, step);
    if (ev.kind !== 'suspend') throw new Error('expected a suspend');
    expect(netWaitText(ev.wait)).toBe(
      'waiting for the response to GET https://example.com/slow?delay=0.3 (arrives at 0.3 s)',
    );
    expect(plain(netWaitWords(ev.wait) ?? [])).toBe(
      'the response to GET https://example.com/slow?delay=0.3 (arrives at 0.3 s)',
    );
    // The simulation's own frames (_RequestContextManager._request, sleep) are hidden.
    expect(ev.wait.via).toEqual(['fetch']);
    const task = stateAt(trace, step).tasks.find((t) => t.id === ev.task);
    expect(task?.wait && netWaitText(task.wait)).toMatch(/^waiting for the response to GET /);
  });

  it('says nothing about other waits', () => {
    expect(netWaitText({ on: 'sleep', until: 1, via: [] })).toBeNull();
    expect(netWaitWords({ on: 'yield', via: [] })).toBeNull();
  });
});
