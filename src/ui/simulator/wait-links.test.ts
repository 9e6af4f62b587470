import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TRACE_FIXTURES } from '../../../tests/fixtures/traces.ts';
import {
  type ConnectionState,
  eventAt,
  parseTrace,
  stateAt,
  type TaskId,
} from '../../trace/index.ts';
import { waitLinks } from './wait-links.ts';

// The echo server and client on localhost (tests/corpus/84-echo-localhost.py).
const trace = parseTrace(
  readFileSync(new URL('84-echo-localhost.trace.json', TRACE_FIXTURES), 'utf8'),
);

/** The steps of the stream waits whose op is `op`, in order. */
function streamWaits(op: string): number[] {
  const steps: number[] = [];
  for (let step = 0; step < trace.events.length; step++) {
    const ev = eventAt(trace, step);
    if (ev.kind === 'suspend' && ev.wait.on === 'stream' && ev.wait.op === op) steps.push(step);
  }
  return steps;
}

describe('wait arrows', () => {
  it('go from a task waiting in readline to the Connection it reads, for server and client', () => {
    const readlines = streamWaits('readline');
    expect(readlines).toHaveLength(2);
    const peers = readlines.map((step) => {
      const state = stateAt(trace, step);
      const ev = eventAt(trace, step);
      if (ev.kind !== 'suspend') throw new Error('expected a suspend');
      const links = waitLinks(state, new Set(state.tasks.map((t) => t.id as TaskId)));
      const mine = links.filter((l) => l.from === ev.task);
      expect(mine).toHaveLength(1);
      const to = mine[0]?.to;
      if (to === undefined || !('object' in to)) throw new Error('expected an arrow to an object');
      const target = state.objects.find((o) => o.id === to.object);
      expect(target?.type).toBe('Connection');
      return (target?.state as ConnectionState | undefined)?.peer;
    });
    // The server's handler reads from the client's port; the client reads from the server's.
    expect(peers).toEqual(['127.0.0.1:50001', '127.0.0.1:8888']);
  });

  it('go from a task in writer.wait_closed() to that writer’s Connection', () => {
    for (const step of streamWaits('closed')) {
      const state = stateAt(trace, step);
      const ev = eventAt(trace, step);
      if (ev.kind !== 'suspend' || ev.wait.on !== 'stream') throw new Error('expected a wait');
      const links = waitLinks(state, new Set([ev.task]));
      const target = state.objects.find((o) =>
        links.some((l) => 'object' in l.to && l.to.object === o.id),
      );
      expect(target?.type).toBe('Connection');
      expect((target?.state as ConnectionState | undefined)?.peer).toBe(ev.wait.peer);
    }
  });

  it('are drawn only from tasks that are shown', () => {
    const [step] = streamWaits('readline');
    if (step === undefined) throw new Error('expected a readline');
    expect(waitLinks(stateAt(trace, step), new Set())).toEqual([]);
  });
});
