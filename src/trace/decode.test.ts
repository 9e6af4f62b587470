import { describe, expect, it } from 'vitest';
import { decodeEvent, decodeWait, eventAt } from './decode.ts';
import { exampleTrace } from './example.ts';
import type { RawEvent, RawWait } from './types.ts';

const decode = (raw: unknown) => decodeEvent(raw as RawEvent);

describe('eventAt', () => {
  const trace = exampleTrace();

  it('decodes the event at a step on demand', () => {
    expect(eventAt(trace, 2)).toEqual({ kind: 'line', line: 1 });
    expect(eventAt(trace, 9)).toEqual({ kind: 'resume', task: 1, handle: 1, cancelling: 0 });
    expect(eventAt(trace, 19)).toEqual({
      kind: 'suspend',
      task: 1,
      wait: { on: 'task', task: 2, via: ['main'] },
    });
  });

  it('rejects steps outside the trace', () => {
    expect(() => eventAt(trace, -1)).toThrow(RangeError);
    expect(() => eventAt(trace, 41)).toThrow('eventAt: step 41 is outside the trace (0…40)');
    expect(() => eventAt(trace, 0.5)).toThrow(RangeError);
  });
});

describe('decodeEvent', () => {
  it('decodes every kind to readable field names', () => {
    const cases: [unknown, unknown][] = [
      [7, { kind: 'line', line: 7 }],
      [
        { k: 'task-created', t: 2, name: 'Task-2', coro: 'worker', user: false, by: 1 },
        { kind: 'task-created', task: 2, name: 'Task-2', coro: 'worker', user: false, by: 1 },
      ],
      [
        { k: 'task-name', t: 2, name: 'w1' },
        { kind: 'task-name', task: 2, name: 'w1' },
      ],
      [
        { k: 'resume', t: 2, h: 5 },
        { kind: 'resume', task: 2, handle: 5, cancelling: 0 },
      ],
      [
        { k: 'resume', t: 2, h: 5, cn: 1 },
        { kind: 'resume', task: 2, handle: 5, cancelling: 1 },
      ],
      [
        { k: 'task-done', t: 2, r: '42' },
        { kind: 'task-done', task: 2, outcome: { kind: 'result', repr: '42' }, cancelling: 0 },
      ],
      [
        { k: 'task-done', t: 2, r: '42', cn: 1 },
        { kind: 'task-done', task: 2, outcome: { kind: 'result', repr: '42' }, cancelling: 1 },
      ],
      [
        { k: 'task-done', t: 2, x: "ValueError('boom')" },
        {
          kind: 'task-done',
          task: 2,
          outcome: { kind: 'exception', repr: "ValueError('boom')" },
          cancelling: 0,
        },
      ],
      [
        { k: 'task-done', t: 2, c: 1 },
        { kind: 'task-done', task: 2, outcome: { kind: 'cancelled' }, cancelling: 0 },
      ],
      [
        { k: 'loop', run: true },
        { kind: 'loop', running: true },
      ],
      [
        { k: 'ready', h: 5, t: 2 },
        { kind: 'ready', handle: 5, task: 2, callback: null },
      ],
      [
        { k: 'ready', h: 7, cb: 'on_done' },
        { kind: 'ready', handle: 7, task: null, callback: 'on_done' },
      ],
      [
        { k: 'timer', h: 6, at: 4, why: 'sleep', t: 2 },
        { kind: 'timer', handle: 6, at: 4, why: 'sleep', task: 2, callback: null },
      ],
      [
        // `null` on the wire (an infinite delay) decodes to Infinity, so timers sort and compare.
        { k: 'timer', h: 6, at: null, why: 'sleep' },
        { kind: 'timer', handle: 6, at: Infinity, why: 'sleep', task: null, callback: null },
      ],
      [
        { k: 'timer', h: 6, at: 4, why: 'callback', cb: 'tick' },
        { kind: 'timer', handle: 6, at: 4, why: 'callback', task: null, callback: 'tick' },
      ],
      [
        { k: 'due', h: [6, 9] },
        { kind: 'due', handles: [6, 9] },
      ],
      [
        { k: 'cancel', h: 6 },
        { kind: 'cancel', handle: 6 },
      ],
      [
        { k: 'callback', h: 7 },
        { kind: 'callback', handle: 7 },
      ],
      [
        { k: 'clock', at: 4 },
        { kind: 'clock', at: 4 },
      ],
      [
        { k: 'block', t: 2, at: 6, by: 'time.sleep(2)' },
        { kind: 'block', task: 2, at: 6, by: 'time.sleep(2)' },
      ],
      [
        { k: 'out', s: 'hi\n' },
        { kind: 'out', text: 'hi\n', stream: 'stdout' },
      ],
      [
        { k: 'out', s: 'no\n', e: 1 },
        { kind: 'out', text: 'no\n', stream: 'stderr' },
      ],
      [
        { k: 'object', o: 3, type: 'Queue', label: 'queue' },
        { kind: 'object', object: 3, type: 'Queue', label: 'queue' },
      ],
      [
        { k: 'state', o: 3, s: { set: true, wait: [] } },
        { kind: 'state', object: 3, state: { set: true, wait: [] } },
      ],
      [
        { k: 'frame', f: 3, fn: 'worker', t: 2 },
        { kind: 'frame', frame: 3, fn: 'worker', task: 2 },
      ],
      [
        { k: 'in', f: 3 },
        { kind: 'in', frame: 3 },
      ],
      [
        { k: 'locals', f: 3, v: { n: '3' }, d: ['tmp'] },
        { kind: 'locals', frame: 3, values: { n: '3' }, deleted: ['tmp'] },
      ],
      [
        { k: 'locals', f: 3, v: {} },
        { kind: 'locals', frame: 3, values: {}, deleted: [] },
      ],
      [
        { k: 'net', t: 2, lib: 'aiohttp', m: 'GET', url: 'https://a.com', lat: 0.5 },
        { kind: 'net', task: 2, lib: 'aiohttp', method: 'GET', url: 'https://a.com', latency: 0.5 },
      ],
    ];
    for (const [raw, decoded] of cases) expect(decode(raw)).toEqual(decoded);
  });

  it('decodes every wait, filling in via', () => {
    const cases: [unknown, unknown][] = [
      [
        { on: 'sleep', until: 4 },
        { on: 'sleep', until: 4 },
      ],
      [{ on: 'yield' }, { on: 'yield' }],
      [
        { on: 'task', t: 3 },
        { on: 'task', task: 3 },
      ],
      [
        { on: 'shield', t: 3 },
        { on: 'shield', task: 3 },
      ],
      [
        { on: 'future', o: 1 },
        { on: 'future', object: 1 },
      ],
      [
        { on: 'queue-get', o: 1 },
        { on: 'queue-get', object: 1 },
      ],
      [
        { on: 'queue-put', o: 1 },
        { on: 'queue-put', object: 1 },
      ],
      [
        { on: 'queue-join', o: 1 },
        { on: 'queue-join', object: 1 },
      ],
      [
        { on: 'lock', o: 1 },
        { on: 'lock', object: 1 },
      ],
      [
        { on: 'event', o: 1 },
        { on: 'event', object: 1 },
      ],
      [
        { on: 'condition', o: 1 },
        { on: 'condition', object: 1 },
      ],
      [
        { on: 'semaphore', o: 1 },
        { on: 'semaphore', object: 1 },
      ],
      [
        { on: 'barrier', o: 1 },
        { on: 'barrier', object: 1 },
      ],
      [
        { on: 'gather', of: [2, 3], n: 3 },
        { on: 'gather', of: [2, 3], count: 3 },
      ],
      [
        { on: 'wait', of: [2], mode: 'FIRST_EXCEPTION' },
        { on: 'wait', of: [2], mode: 'FIRST_EXCEPTION' },
      ],
      [
        { on: 'as-completed', of: [2] },
        { on: 'as-completed', of: [2] },
      ],
      [
        { on: 'taskgroup', o: 4, of: [2] },
        { on: 'taskgroup', object: 4, of: [2] },
      ],
      [
        { on: 'stream', op: 'readexactly', peer: '127.0.0.1:8888', o: 5, n: 4 },
        { on: 'stream', op: 'readexactly', peer: '127.0.0.1:8888', object: 5, count: 4 },
      ],
      [
        { on: 'stream', op: 'drain', peer: '' },
        { on: 'stream', op: 'drain', peer: '' },
      ],
      [
        { on: 'other', what: '<Future>' },
        { on: 'other', what: '<Future>' },
      ],
    ];
    for (const [raw, decoded] of cases) {
      expect(decodeWait(raw as RawWait)).toEqual({ via: [], ...(decoded as object) });
    }
    const where = decodeWait({ on: 'yield', via: ['main', 'sleep'] } as RawWait);
    expect(where).toEqual({ on: 'yield', via: ['main', 'sleep'] });
    expect(Object.isFrozen(where)).toBe(true);
  });
});
