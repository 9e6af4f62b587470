import { describe, expect, it } from 'vitest';
import { exampleTrace } from './example.ts';
import type { TaskId } from './ids.ts';
import { partialTrace } from './partial-trace.ts';
import { buildReplayIndex, CHECKPOINT_INTERVAL, foldStateAt, stateAt } from './replay.ts';
import { findFrame, findObject, findTask, type LoopState, threadActivityAt } from './state.ts';
import type { Trace } from './types.ts';

const SOURCE = `${Array.from({ length: 30 }, (_, i) => `line ${i + 1}`).join('\n')}\n`;
const make = (events: unknown[]): Trace =>
  partialTrace({ source: SOURCE, status: 'completed' }, events);
const task = (s: LoopState, id: number) => {
  const t = findTask(s, id as TaskId);
  if (!t) throw new Error(`no task ${id}`);
  return t;
};
const handles = (list: readonly { handle: number }[]) => list.map((e) => e.handle);

/** Two tasks created from module level, both queued. */
const START = [
  { k: 'loop', run: true },
  { k: 'task-created', t: 1, name: 'Task-1', coro: 'main', user: true, by: null },
  { k: 'ready', h: 1, t: 1 },
  { k: 'task-created', t: 2, name: 'Task-2', coro: 'worker', user: true, by: null },
  { k: 'ready', h: 2, t: 2 },
];

describe('stateAt: the example program', () => {
  const trace = exampleTrace();

  it('starts empty before the first event', () => {
    const s = stateAt(trace, -1);
    expect(s).toMatchObject({
      step: -1,
      time: 0,
      holder: null,
      loopRunning: false,
      line: null,
      blocked: null,
    });
    expect(s.tasks).toEqual([]);
    expect(s.outputCount).toBe(0);
    expect(s.lastOutputStep).toBeNull();
  });

  it('follows control: module level, then main, then worker, then main again', () => {
    expect(stateAt(trace, 5).holder).toBeNull();
    expect(stateAt(trace, 9).holder).toBe(1);
    expect(task(stateAt(trace, 9), 1).state).toBe('running');
    const s19 = stateAt(trace, 19); // main awaits the worker
    expect(s19.holder).toBeNull();
    expect(task(s19, 1)).toMatchObject({
      state: 'waiting',
      line: 11, // where it waits: the last line it ran
      wait: { on: 'task', task: 2 },
    });
    expect(task(s19, 2)).toMatchObject({
      state: 'ready',
      wait: null,
      line: null,
      createdBy: 1,
      createdAt: 13,
    });
    expect(stateAt(trace, 20).holder).toBe(2);
    expect(task(stateAt(trace, 35), 1)).toMatchObject({ state: 'running', wait: null, line: 11 });
    expect(task(stateAt(trace, 37), 1).line).toBe(12);
  });

  it('records lines per party: the holder, the no-task party and the latest line overall', () => {
    const s = stateAt(trace, 24);
    expect(s.line).toBe(4);
    expect(task(s, 2).line).toBe(4);
    expect(task(s, 1).line).toBe(11);
    expect(s.mainLine).toBe(14);
    expect(stateAt(trace, 4)).toMatchObject({ line: 8, mainLine: 8 });
  });

  it('moves a due timer to the ready queue and advances the virtual clock', () => {
    const s26 = stateAt(trace, 26);
    expect(s26.timers).toEqual([{ handle: 3, at: 1, why: 'sleep', task: 2, callback: null }]);
    expect(task(s26, 2)).toMatchObject({ state: 'waiting', wait: { on: 'sleep', until: 1 } });
    expect(stateAt(trace, 27).time).toBe(1);
    const s28 = stateAt(trace, 28);
    expect(s28.timers).toEqual([]);
    expect(s28.ready).toEqual([{ handle: 3, task: 2, callback: null, timer: 'sleep' }]);
    expect(task(s28, 2).state).toBe('ready');
    expect(stateAt(trace, 29).ready).toEqual([]);
  });

  it('finishes tasks with their results', () => {
    const s = stateAt(trace, 40);
    expect(task(s, 2)).toMatchObject({
      state: 'done',
      result: '2',
      exception: null,
      doneAt: 33,
      wait: null,
    });
    expect(task(s, 1)).toMatchObject({ state: 'done', result: 'None' });
    expect(s.loopRunning).toBe(false);
  });

  it('tracks frames, the frame each party is in, and locals', () => {
    const s = stateAt(trace, 23);
    expect(s.mainFrame).toBe(1);
    expect(task(s, 1).frame).toBe(2);
    expect(task(s, 2).frame).toBe(3);
    expect(findFrame(s, 3 as never)).toEqual({ id: 3, fn: 'worker', task: 2, locals: { n: '1' } });
    expect(findFrame(stateAt(trace, 36), 2 as never)?.locals).toEqual({ r: '2' });
    expect(findFrame(stateAt(trace, 35), 2 as never)?.locals).toEqual({
      t: "<Task pending name='Task-2'>",
    });
  });

  it('counts output', () => {
    expect(stateAt(trace, 16)).toMatchObject({ outputCount: 0, lastOutputStep: null });
    expect(stateAt(trace, 17)).toMatchObject({ outputCount: 1, lastOutputStep: 17 });
    expect(stateAt(trace, 40)).toMatchObject({ outputCount: 3, lastOutputStep: 38 });
  });

  it('gives the same state whichever way the step is reached', () => {
    const forward = Array.from({ length: trace.events.length }, (_, i) => stateAt(trace, i));
    for (let i = trace.events.length - 1; i >= 0; i--) {
      expect(stateAt(trace, i)).toEqual(forward[i]);
      expect(stateAt(trace, i)).toEqual(foldStateAt(trace, i));
    }
  });

  it('rejects steps outside the trace', () => {
    expect(() => stateAt(trace, -2)).toThrow(RangeError);
    expect(() => stateAt(trace, trace.events.length)).toThrow(
      'stateAt: step 41 is outside the trace (-1…40)',
    );
    expect(() => stateAt(trace, 1.5)).toThrow(RangeError);
  });
});

describe('stateAt: snapshots are immutable', () => {
  it('keeps a returned state unchanged while stepping on, and freezes it', () => {
    const trace = exampleTrace();
    const kept = stateAt(trace, 19);
    const copy = JSON.parse(JSON.stringify(kept));
    for (let i = 20; i < trace.events.length; i++) stateAt(trace, i);
    stateAt(trace, 3);
    expect(JSON.parse(JSON.stringify(kept))).toEqual(copy);
    expect(Object.isFrozen(kept)).toBe(true);
    expect(Object.isFrozen(kept.tasks)).toBe(true);
    expect(Object.isFrozen(kept.tasks[0])).toBe(true);
    expect(Object.isFrozen(kept.ready)).toBe(true);
    expect(Object.isFrozen(kept.frames[1]?.locals)).toBe(true);
    expect(() => (kept.tasks as unknown[]).push(1)).toThrow(TypeError);
  });

  it('returns the very same object for the same step asked twice in a row', () => {
    const trace = exampleTrace();
    expect(stateAt(trace, 12)).toBe(stateAt(trace, 12));
  });
});

describe('stateAt: task states', () => {
  it('ready, running, waiting, done, failed, cancelled', () => {
    const trace = make([
      ...START, // 0–4
      { k: 'task-created', t: 3, name: 'Task-3', coro: 'worker', user: true, by: null }, // 5
      { k: 'resume', t: 1, h: 1 }, // 6
      { k: 'suspend', t: 1, w: { on: 'gather', of: [2, 3], n: 2 } }, // 7
      { k: 'resume', t: 2, h: 2 }, // 8
      { k: 'task-done', t: 2, x: "ValueError('boom')" }, // 9
      { k: 'ready', h: 3, t: 3 }, // 10
      { k: 'resume', t: 3, h: 3 }, // 11
      { k: 'task-done', t: 3, c: 1 }, // 12
    ]);
    const s5 = stateAt(trace, 5);
    expect(s5.tasks.map((t) => t.state)).toEqual(['ready', 'ready', 'waiting']);
    expect(task(s5, 3).wait).toBeNull();
    const s8 = stateAt(trace, 8);
    expect(s8.tasks.map((t) => t.state)).toEqual(['waiting', 'running', 'waiting']);
    expect(task(s8, 1).wait).toEqual({ on: 'gather', of: [2, 3], count: 2, via: [] });
    const s12 = stateAt(trace, 12);
    expect(s12.tasks.map((t) => t.state)).toEqual(['waiting', 'failed', 'cancelled']);
    expect(task(s12, 2)).toMatchObject({ exception: "ValueError('boom')", result: null });
    expect(task(s12, 3).outcome).toEqual({ kind: 'cancelled' });
  });

  it('a task that yields is ready, with its wait still shown', () => {
    const trace = make([
      ...START,
      { k: 'resume', t: 1, h: 1 }, // 5
      { k: 'ready', h: 3, t: 1 }, // 6
      { k: 'suspend', t: 1, w: { on: 'yield' } }, // 7
    ]);
    expect(task(stateAt(trace, 6), 1).state).toBe('running');
    expect(task(stateAt(trace, 7), 1)).toMatchObject({ state: 'ready', wait: { on: 'yield' } });
    expect(handles(stateAt(trace, 7).ready)).toEqual([2, 3]);
  });

  it('renames tasks', () => {
    const trace = make([...START, { k: 'task-name', t: 2, name: 'fetcher' }]);
    expect(task(stateAt(trace, 4), 2).name).toBe('Task-2');
    expect(task(stateAt(trace, 5), 2).name).toBe('fetcher');
    expect(trace.tasks[1]?.name).toBe('fetcher');
  });
});

describe('stateAt: the loop', () => {
  it('keeps the ready queue FIFO and removes handles that run or are cancelled', () => {
    const trace = make([
      ...START, // 0–4
      { k: 'ready', h: 3, cb: 'on_done' }, // 5
      { k: 'ready', h: 4, cb: 'later' }, // 6
      { k: 'cancel', h: 4 }, // 7
      { k: 'resume', t: 1, h: 1 }, // 8
      { k: 'suspend', t: 1, w: { on: 'yield' } }, // 9
      { k: 'resume', t: 2, h: 2 }, // 10
      { k: 'suspend', t: 2, w: { on: 'event', o: 1 } }, // 11
      { k: 'callback', h: 3 }, // 12
    ]);
    expect(stateAt(trace, 6).ready).toEqual([
      { handle: 1, task: 1, callback: null, timer: null },
      { handle: 2, task: 2, callback: null, timer: null },
      { handle: 3, task: null, callback: 'on_done', timer: null },
      { handle: 4, task: null, callback: 'later', timer: null },
    ]);
    expect(handles(stateAt(trace, 7).ready)).toEqual([1, 2, 3]);
    expect(handles(stateAt(trace, 8).ready)).toEqual([2, 3]);
    expect(handles(stateAt(trace, 11).ready)).toEqual([3]);
    const s12 = stateAt(trace, 12);
    expect(s12.ready).toEqual([]);
    expect(s12.holder).toBeNull();
  });

  it('sorts timers by (time, handle) and moves due ones to the end of the ready queue in order', () => {
    const trace = make([
      ...START, // 0–4
      { k: 'timer', h: 3, at: 2, why: 'sleep', t: 1 }, // 5
      { k: 'timer', h: 4, at: 1, why: 'callback', cb: 'tick' }, // 6
      { k: 'timer', h: 5, at: 2, why: 'timeout', t: 2 }, // 7
      { k: 'timer', h: 6, at: 0.5, why: 'callback', cb: 'early' }, // 8
      { k: 'cancel', h: 6 }, // 9
      { k: 'resume', t: 1, h: 1 }, // 10
      { k: 'suspend', t: 1, w: { on: 'sleep', until: 2 } }, // 11
      { k: 'clock', at: 2 }, // 12
      { k: 'due', h: [4, 3, 5] }, // 13
    ]);
    expect(handles(stateAt(trace, 8).timers)).toEqual([6, 4, 3, 5]);
    expect(handles(stateAt(trace, 9).timers)).toEqual([4, 3, 5]);
    const s13 = stateAt(trace, 13);
    expect(s13.timers).toEqual([]);
    expect(s13.ready).toEqual([
      { handle: 2, task: 2, callback: null, timer: null },
      { handle: 4, task: null, callback: 'tick', timer: 'callback' },
      { handle: 3, task: 1, callback: null, timer: 'sleep' },
      { handle: 5, task: 2, callback: null, timer: 'timeout' },
    ]);
    expect(task(s13, 1).state).toBe('ready');
    expect(s13.time).toBe(2);
  });

  it('a due timeout does not make its task ready (it will cancel it)', () => {
    const trace = make([
      { k: 'loop', run: true },
      { k: 'task-created', t: 1, name: 'Task-1', coro: 'main', user: true, by: null },
      { k: 'timer', h: 1, at: 5, why: 'timeout', t: 1 },
      { k: 'clock', at: 5 },
      { k: 'due', h: [1] },
    ]);
    expect(task(stateAt(trace, 4), 1).state).toBe('waiting');
    expect(stateAt(trace, 4).ready[0]).toMatchObject({ handle: 1, task: 1, timer: 'timeout' });
  });

  it('shows a blocking call only at its step, with the clock advanced', () => {
    const trace = make([
      ...START,
      { k: 'resume', t: 1, h: 1 }, // 5
      3, // 6
      { k: 'block', t: 1, at: 2, by: 'time.sleep(2)' }, // 7
      4, // 8
    ]);
    expect(stateAt(trace, 6)).toMatchObject({ blocked: null, time: 0 });
    expect(stateAt(trace, 7)).toMatchObject({
      blocked: { task: 1, until: 2, by: 'time.sleep(2)' },
      time: 2,
      holder: 1,
    });
    expect(stateAt(trace, 8)).toMatchObject({ blocked: null, time: 2 });
  });

  it('ignores network events for the state (they are read with eventAt)', () => {
    const trace = make([
      ...START,
      { k: 'net', t: null, lib: 'requests', m: 'GET', url: 'u', lat: 1 },
    ]);
    expect(stateAt(trace, 5)).toEqual({ ...stateAt(trace, 4), step: 5 });
  });
});

describe('stateAt: objects and frames', () => {
  it('declares objects and keeps their latest state', () => {
    const q0 = { items: [], max: 2, get: [], put: [], unfinished: 0 };
    const q1 = { items: ["'a'"], max: 2, get: [], put: [], unfinished: 1 };
    const trace = make([
      { k: 'object', o: 7, type: 'Queue', label: 'queue' },
      { k: 'state', o: 7, s: q0 },
      { k: 'object', o: 8, type: 'Event', label: null },
      { k: 'state', o: 7, s: q1 },
    ]);
    expect(stateAt(trace, 0).objects).toEqual([
      { id: 7, type: 'Queue', label: 'queue', state: null },
    ]);
    expect(findObject(stateAt(trace, 2), 7 as never)?.state).toEqual(q0);
    const s3 = stateAt(trace, 3);
    expect(s3.objects.map((o) => o.id)).toEqual([7, 8]);
    expect(findObject(s3, 7 as never)?.state).toEqual(q1);
    expect(findObject(s3, 8 as never)?.state).toBeNull();
  });

  it('applies locals changes and deletions, sharing nothing mutable between steps', () => {
    const trace = make([
      { k: 'frame', f: 1, fn: '<module>', t: null },
      { k: 'in', f: 1 },
      { k: 'locals', f: 1, v: { a: '1', b: '2' } },
      { k: 'locals', f: 1, v: { a: '3' }, d: ['b'] },
    ]);
    expect(stateAt(trace, 0).frames[0]?.locals).toEqual({});
    expect(stateAt(trace, 1).mainFrame).toBe(1);
    const s2 = stateAt(trace, 2);
    expect(s2.frames[0]?.locals).toEqual({ a: '1', b: '2' });
    expect(stateAt(trace, 3).frames[0]?.locals).toEqual({ a: '3' });
    expect(s2.frames[0]?.locals).toEqual({ a: '1', b: '2' });
  });
});

describe('stateAt: checkpoints', () => {
  it('agrees with a plain fold across checkpoint boundaries, seeking in any order', () => {
    // Long enough for several checkpoints, with a handoff straddling each boundary.
    const events: unknown[] = [...START];
    const queue = [
      { h: 1, t: 1 },
      { h: 2, t: 2 },
    ];
    for (let h = 3; events.length < CHECKPOINT_INTERVAL * 3 + 10; h++) {
      const next = queue.shift() as { h: number; t: number };
      events.push({ k: 'resume', t: next.t, h: next.h });
      for (let i = 0; i < 997; i++) events.push((i % 30) + 1);
      events.push({ k: 'out', s: `${h}\n` });
      events.push({ k: 'ready', h, t: next.t });
      queue.push({ h, t: next.t });
      events.push({ k: 'suspend', t: next.t, w: { on: 'yield' } });
    }
    const trace = make(events);
    buildReplayIndex(trace);
    const K = CHECKPOINT_INTERVAL;
    const steps = [
      K - 1,
      K,
      K + 1,
      2 * K - 2,
      0,
      -1,
      3 * K,
      5,
      trace.events.length - 1,
      K - 2,
      2 * K,
    ];
    for (const step of steps) expect(stateAt(trace, step)).toEqual(foldStateAt(trace, step));
  });
});

describe('stateAt: simulated threads', () => {
  // Task-1 sends blocking_io to a pool thread at 0 s: the thread runs it at once on its own
  // clock (sleeping 0 → 1 s) while the loop jumps to 1 s and then sees the result.
  const events = [
    ...START.slice(0, 3),
    { k: 'resume', t: 1, h: 1 },
    4,
    { k: 'thread', th: 1, name: 'asyncio_0', by: 1 },
    { k: 'thread-run', th: 1, fn: 'blocking_io', from: 0 },
    9,
    { k: 'thread-sleep', th: 1, from: 0, until: 1, by: 'time.sleep(1)' },
    10,
    { k: 'thread-end', th: 1, until: 1 },
    { k: 'suspend', t: 1, w: { on: 'future', o: 1 } },
    { k: 'clock', at: 1 },
    { k: 'thread-done', th: 1, r: "'done'" },
  ];
  const trace = make(events);
  const at = (step: number) => stateAt(trace, step);

  it('lists the thread and its job, with its sleep, as the thread runs it', () => {
    const s = at(8);
    expect(s.threads).toHaveLength(1);
    expect(s.threads[0]).toMatchObject({ name: 'asyncio_0', createdBy: 1 });
    expect(s.threads[0]?.jobs).toEqual([
      {
        fn: 'blocking_io',
        from: 0,
        until: null,
        sleeps: [{ from: 0, until: 1, by: 'time.sleep(1)' }],
        outcome: null,
      },
    ]);
  });

  it("runs the thread's lines with no task holding control, and hands control back after", () => {
    expect(at(7).holder).toBeNull();
    expect(at(10).holder).toBe(1);
    expect(task(at(10), 1).line).toBe(4);
  });

  it('tells what the thread is doing at the picture time, and its outcome when the loop sees it', () => {
    const before = at(12);
    const thread = before.threads[0];
    if (!thread) throw new Error('no thread');
    expect(threadActivityAt(thread, 0.5)).toMatchObject({ state: 'sleeping', until: 1 });
    expect(threadActivityAt(thread, 1).state).toBe('idle');
    expect(before.threads[0]?.jobs[0]?.outcome).toBeNull();
    expect(at(13).threads[0]?.jobs[0]?.outcome).toEqual({ kind: 'result', repr: "'done'" });
  });
});
