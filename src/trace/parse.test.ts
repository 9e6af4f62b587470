import { describe, expect, it } from 'vitest';
import { traceHeader } from '../../tests/fixtures/trace.ts';
import { exampleTrace } from './example.ts';
import { parseTrace, validateEvents } from './parse.ts';
import { TraceFormatError } from './trace-format-error.ts';

/** A valid trace document (plain JSON values) with `events` and header fields overridable. */
function doc(
  events: unknown[] = [1],
  header: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    ...traceHeader({
      source: 'print(1)\n',
      stats: { steps: events.length, lines: 1, detailSteps: 50000 },
    }),
    events,
    ...header,
  };
}

function failure(input: unknown): TraceFormatError {
  try {
    parseTrace(input);
  } catch (err) {
    expect(err).toBeInstanceOf(TraceFormatError);
    return err as TraceFormatError;
  }
  throw new Error('expected parseTrace to throw');
}

const event = (e: unknown) => failure(doc([1, e]));

describe('parseTrace: accepted input', () => {
  it('accepts JSON text and returns the events array as parsed', () => {
    const trace = parseTrace(JSON.stringify(doc([1, 2, { k: 'clock', at: 1.5 }])));
    expect(trace.events).toEqual([1, 2, { k: 'clock', at: 1.5 }]);
    expect(trace.status).toBe('completed');
  });

  it('returns an object input itself, not a copy (a million events are never duplicated)', () => {
    const input = doc();
    expect(parseTrace(input)).toBe(input);
  });

  it('accepts every event kind of the format, including every wait', () => {
    const trace = exampleTrace();
    expect(parseTrace(JSON.parse(JSON.stringify(trace)))).toEqual(trace);
    const waits = [
      { on: 'sleep', until: 2 },
      { on: 'sleep', until: 0.4, net: { m: 'GET', url: 'https://a.com' }, via: ['fetch'] },
      { on: 'yield' },
      { on: 'task', t: 2 },
      { on: 'future', o: 1 },
      { on: 'queue-get', o: 1 },
      { on: 'queue-put', o: 1 },
      { on: 'queue-join', o: 1 },
      { on: 'lock', o: 1 },
      { on: 'event', o: 1 },
      { on: 'condition', o: 1 },
      { on: 'semaphore', o: 1 },
      { on: 'barrier', o: 1 },
      { on: 'gather', of: [2, 3], n: 3 },
      { on: 'wait', of: [2], mode: 'FIRST_COMPLETED' },
      { on: 'as-completed', of: [2, 3] },
      { on: 'taskgroup', o: 1, of: [2] },
      { on: 'shield', t: 2 },
      { on: 'other', what: '<Future pending>', via: ['main'] },
    ];
    const events = [
      ...waits.map((w) => ({ k: 'suspend', t: 1, w })),
      { k: 'task-name', t: 2, name: 'w' },
      { k: 'task-done', t: 2, x: "ValueError('x')" },
      { k: 'task-done', t: 3, c: 1 },
      { k: 'ready', h: 7, cb: 'on_done' },
      { k: 'timer', h: 8, at: 3, why: 'timeout', t: 2 },
      { k: 'timer', h: 9, at: 3, why: 'callback', cb: 'later' },
      { k: 'cancel', h: 8 },
      { k: 'callback', h: 7 },
      { k: 'block', t: null, at: 6, by: 'time.sleep(2)' },
      { k: 'out', s: 'oops\n', e: 1 },
      { k: 'object', o: 4, type: 'Lock', label: null },
      { k: 'state', o: 4, s: { locked: true, by: 2, wait: [3] } },
      { k: 'state', o: 4, s: { locked: false, wait: [] } },
      { k: 'object', o: 5, type: 'Future', label: 'fut' },
      { k: 'state', o: 5, s: { st: 'result', v: '42' } },
      { k: 'object', o: 6, type: 'SomethingNew', label: 'x' },
      { k: 'state', o: 6, s: { anything: [1, 2] } },
      { k: 'net', t: 2, lib: 'aiohttp', m: 'GET', url: 'https://a.com', lat: 0.5 },
    ];
    expect(() => parseTrace(doc(events))).not.toThrow();
  });

  it('accepts what the tracer writes for an infinite delay and for a timer no task scheduled', () => {
    // asyncio.sleep(math.inf), loop.call_later(math.inf, …): JSON has no Infinity, so `null`.
    const events = [
      { k: 'timer', h: 3, at: null, why: 'sleep', t: 1 },
      { k: 'suspend', t: 1, w: { on: 'sleep', until: null, via: ['main', 'sleep'] } },
      { k: 'timer', h: 4, at: null, why: 'callback', cb: 'print' },
      { k: 'timer', h: 5, at: 2, why: 'sleep' },
      { k: 'timer', h: 6, at: 3, why: 'timeout' },
    ];
    expect(() => parseTrace(JSON.stringify(doc(events)))).not.toThrow();
  });

  it('accepts error and limit objects in the header', () => {
    const error = {
      type: 'SyntaxError',
      message: 'invalid syntax',
      line: 3,
      column: 5,
      traceback: '…',
    };
    expect(() => parseTrace(doc([1], { status: 'error', error }))).not.toThrow();
    const limit = { kind: 'deadlock', message: 'Task-2 waits for queue.get() forever.' };
    expect(() => parseTrace(doc([1], { status: 'limit', limit }))).not.toThrow();
    const stopped = { kind: 'stopped', message: 'You stopped the program after 3 steps.' };
    expect(() => parseTrace(doc([1], { status: 'limit', limit: stopped }))).not.toThrow();
  });

  it('accepts stats.exit (the sys.exit code) as an integer, null, or absent', () => {
    for (const exit of [3, null, undefined]) {
      const stats = { steps: 1, lines: 1, detailSteps: 50000, exit };
      expect(parseTrace(doc([1], { stats })).stats.exit).toBe(exit);
    }
    expect(
      failure(doc([1], { stats: { steps: 1, lines: 1, detailSteps: 1, exit: 'bye' } })).message,
    ).toBe('Invalid trace: "stats.exit" must be an integer or null (got "bye").');
  });
});

describe('parseTrace: the document', () => {
  it('rejects another version with a clear message, before looking at the rest', () => {
    const err = failure({ format: 'asyncio-trace', version: 3, whatever: true });
    expect(err.message).toMatch(
      /^This trace is version 3; Event Loop Lab reads versions 1 and 2\. /,
    );
    expect(err.field).toBe('version');
  });

  it('reads version 2 and the version 1 traces exported before it', () => {
    expect(parseTrace(doc([1], { version: 2 })).version).toBe(2);
    expect(parseTrace(doc([1], { version: 1 })).version).toBe(1);
  });

  it('rejects a missing version', () => {
    expect(failure({ format: 'asyncio-trace' }).message).toBe(
      'This trace has no valid "version" (got nothing); Event Loop Lab reads versions 1 and 2.',
    );
    expect(failure(doc([1], { version: '1' })).message).toContain('(got "1")');
  });

  it('rejects other documents', () => {
    expect(failure('{oops').message).toMatch(/^This is not a trace: it is not valid JSON \(/);
    expect(failure('[1, 2]').message).toBe(
      'This is not a trace: expected a JSON object, got a list.',
    );
    expect(failure(null).message).toBe('This is not a trace: expected a JSON object, got null.');
    expect(failure({ format: 'chrome-trace' }).message).toBe(
      'This is not an Event Loop Lab trace: "format" is "chrome-trace", expected "asyncio-trace".',
    );
  });

  it('names the header field that is wrong', () => {
    const cases: [Record<string, unknown>, string][] = [
      [
        { status: 'done' },
        'Invalid trace: "status" must be "completed", "error" or "limit" (got "done").',
      ],
      [{ python: undefined }, 'Invalid trace: "python" is missing.'],
      [
        { tasks: [{ id: 1, name: 'Task-1', coro: 'main', user: 'yes' }] },
        'Invalid trace: "tasks[0].user" must be true or false (got "yes").',
      ],
      [
        { tasks: [{ id: 0, name: 'Task-1', coro: 'main', user: true }] },
        'Invalid trace: "tasks[0].id" must be a task id (a positive integer) (got 0).',
      ],
      [
        { error: { type: 'X', message: 'm', line: 1 } },
        'Invalid trace: "error.traceback" is missing.',
      ],
      [
        { limit: { kind: 'memory', message: 'm' } },
        'Invalid trace: "limit.kind" must be "steps", "time", "output", "deadlock", "busy-wait", "wall" or "stopped" (got "memory").',
      ],
      [{ stats: { steps: 1, lines: 1 } }, 'Invalid trace: "stats.detailSteps" is missing.'],
      [{ events: 'nope' }, 'Invalid trace: "events" must be a list (got "nope").'],
    ];
    for (const [header, message] of cases) {
      const input = doc([1], header);
      for (const [key, value] of Object.entries(header)) if (value === undefined) delete input[key];
      expect(failure(input).message).toBe(message);
    }
    expect(failure(doc([1], { status: 'done' })).field).toBe('status');
  });
});

describe('parseTrace: events', () => {
  it('requires line events to be positive integers', () => {
    for (const bad of [0, -3, 1.5]) {
      const err = failure(doc([1, 2, bad]));
      expect(err.message).toBe(
        `Invalid trace: step 2: a line event must be a positive integer (a program line), got ${bad}.`,
      );
      expect(err.step).toBe(2);
    }
  });

  it('rejects values that are neither lines nor event objects', () => {
    expect(event('5').message).toBe(
      'Invalid trace: step 1: expected a line number or an event object, got "5".',
    );
    expect(event(null).message).toBe(
      'Invalid trace: step 1: expected a line number or an event object, got null.',
    );
    expect(event([1]).message).toBe(
      'Invalid trace: step 1: expected a line number or an event object, got a list.',
    );
  });

  it('rejects unknown or missing kinds', () => {
    expect(event({ k: 'teleport' }).message).toBe(
      'Invalid trace: step 1: the event has an unknown kind "k": "teleport".',
    );
    expect(event({ kind: 'line' }).message).toBe(
      'Invalid trace: step 1: the event has no "k" (its kind).',
    );
    expect(event({ k: 'teleport' }).field).toBe('k');
  });

  it('names the step, kind and field of a missing or mistyped field', () => {
    const cases: [unknown, string][] = [
      [{ k: 'resume', t: 2 }, 'step 1 (resume): "h" is missing.'],
      [
        { k: 'resume', t: 2, h: '5' },
        'step 1 (resume): "h" must be a handle id (a non-negative integer) (got "5").',
      ],
      [
        { k: 'resume', t: 0, h: 5 },
        'step 1 (resume): "t" must be a task id (a positive integer) (got 0).',
      ],
      [
        { k: 'task-created', t: 2, name: 'Task-2', coro: 'w', user: true },
        'step 1 (task-created): "by" is missing.',
      ],
      [{ k: 'suspend', t: 2, w: { on: 'sleep' } }, 'step 1 (suspend): "w.until" is missing.'],
      [
        { k: 'suspend', t: 2, w: { on: 'sleep', until: -1 } },
        'step 1 (suspend): "w.until" must be ≥ 0 (got -1).',
      ],
      [{ k: 'suspend', t: 2, w: { on: 'queue-get' } }, 'step 1 (suspend): "w.o" is missing.'],
      [
        { k: 'suspend', t: 2, w: { on: 'gather', of: [2, 'x'], n: 2 } },
        'step 1 (suspend): "w.of[1]" must be a task id (a positive integer) (got "x").',
      ],
      [
        { k: 'suspend', t: 2, w: { on: 'wait', of: [], mode: 'SOME' } },
        'step 1 (suspend): "w.mode" must be FIRST_COMPLETED, FIRST_EXCEPTION or ALL_COMPLETED (got "SOME").',
      ],
      [
        { k: 'task-done', t: 2 },
        'step 1 (task-done): the event needs "r" (result), "x" (exception) or "c": 1 (cancelled).',
      ],
      [{ k: 'task-done', t: 2, c: true }, 'step 1 (task-done): "c" must be 1 (got true).'],
      [
        { k: 'ready', h: 3 },
        'step 1 (ready): the event needs "t" (the task it runs) or "cb" (a callback name).',
      ],
      [
        { k: 'timer', h: 3, at: 'soon', why: 'sleep' },
        'step 1 (timer): "at" must be a number of seconds (got "soon").',
      ],
      [{ k: 'timer', h: 3, at: 1, why: 'callback' }, 'step 1 (timer): "cb" is missing.'],
      [
        { k: 'timer', h: 3, at: 1, why: 'nap', t: 2 },
        'step 1 (timer): "why" must be "sleep", "timeout" or "callback" (got "nap").',
      ],
      [{ k: 'due', h: 3 }, 'step 1 (due): "h" must be a list of handle ids (got 3).'],
      [
        { k: 'clock', at: 'soon' },
        'step 1 (clock): "at" must be a number of seconds (got "soon").',
      ],
      [{ k: 'loop', run: 1 }, 'step 1 (loop): "run" must be true or false (got 1).'],
      [{ k: 'out', s: 'x', e: 2 }, 'step 1 (out): "e" must be 1 (stderr) or absent (got 2).'],
      [{ k: 'object', o: 1, type: 'Queue' }, 'step 1 (object): "label" is missing.'],
      [{ k: 'state', o: 1, s: 'full' }, 'step 1 (state): "s" must be an object (got "full").'],
      [{ k: 'locals', f: 1, v: { n: 3 } }, 'step 1 (locals): "v.n" must be a string (got 3).'],
      [
        { k: 'locals', f: 1, v: {}, d: 'n' },
        'step 1 (locals): "d" must be a list of strings (got "n").',
      ],
      [{ k: 'frame', f: 1, fn: 'main' }, 'step 1 (frame): "t" is missing.'],
      [{ k: 'net', t: 2, lib: 'aiohttp', m: 'GET', url: 'u' }, 'step 1 (net): "lat" is missing.'],
    ];
    for (const [e, message] of cases) expect(event(e).message).toBe(`Invalid trace: ${message}`);
    const err = event({ k: 'suspend', t: 2, w: { on: 'sleep' } });
    expect(err.step).toBe(1);
    expect(err.field).toBe('w.until');
  });

  it('rejects an unknown wait', () => {
    expect(event({ k: 'suspend', t: 2, w: { on: 'nap' } }).message).toMatch(
      /^Invalid trace: step 1 \(suspend\): "w.on" must be one of "sleep", "yield", .* \(got "nap"\)\.$/,
    );
  });

  it("checks an object's state against its declared type", () => {
    const queue = { k: 'object', o: 3, type: 'Queue', label: 'q' };
    const err = failure(
      doc([
        1,
        queue,
        { k: 'state', o: 3, s: { items: [1], max: 0, get: [], put: [], unfinished: 0 } },
      ]),
    );
    expect(err.message).toBe(
      'Invalid trace: step 2 (state of Queue 3): "s.items[0]" must be a string (got 1).',
    );
    expect(err.field).toBe('s.items[0]');
    const future = { k: 'object', o: 4, type: 'Future', label: null };
    expect(failure(doc([future, { k: 'state', o: 4, s: { st: 'done' } }])).message).toBe(
      'Invalid trace: step 1 (state of Future 4): "s.st" must be "pending", "result", "exception" or "cancelled" (got "done").',
    );
  });

  it('validates chunks with step numbers that continue across them', () => {
    const types = new Map<number, string>();
    validateEvents([{ k: 'object', o: 1, type: 'Event', label: 'e' }], 0, types);
    expect(() =>
      validateEvents([1, { k: 'state', o: 1, s: { set: 'no', wait: [] } }], 100, types),
    ).toThrow(
      'Invalid trace: step 101 (state of Event 1): "s.set" must be true or false (got "no").',
    );
  });

  it('validates a million mostly-line events in one pass', () => {
    const events: unknown[] = [];
    for (let i = 0; i < 1_000_000; i++)
      events.push(i % 500 === 0 ? { k: 'out', s: 'x\n' } : (i % 40) + 1);
    const started = performance.now();
    expect(() => parseTrace(doc(events))).not.toThrow();
    console.log(
      `parseTrace: 1,000,000 events validated in ${(performance.now() - started).toFixed(0)} ms`,
    );
  });
});
