/**
 * `syntheticTrace(steps)`: a valid trace of exactly `steps` events, for tests and benchmarks
 * that need big traces without running Python. It simulates a small program on a loop model
 * (FIFO ready queue, timers by (at, handle)), so it passes `parseTrace` and `checkInvariants`:
 * a main task that spawns workers and sleeps; workers that run ~200 lines a turn, print,
 * sleep, yield, schedule callbacks, arm and cancel timeouts, block, rename and finish (each
 * finished worker is replaced). It ends as a run stopped by the step limit.
 *
 * Deterministic: the same arguments give the same trace.
 */
import { asFrameId as F, asHandleId as H, asObjectId as O, asTaskId as T } from './ids.ts';
import { rebuildTables } from './tables.ts';
import type { RawEvent, RawObjectEvent, RawWait, Trace } from './types.ts';

export interface SyntheticOptions {
  /** PRNG seed. */
  readonly seed?: number;
  /** Workers alive at once (besides the main task). */
  readonly workers?: number;
  /** Average line events per task turn. */
  readonly linesPerTurn?: number;
}

const SOURCE_LINES = [
  'import asyncio', // 1
  '', // 2
  'queue = asyncio.Queue()', // 3
  '', // 4
  'def on_tick():', // 5
  '    print("tick")', // 6
  '', // 7
  'async def worker(n):', // 8
  '    total = 0', // 9
  '    for i in range(10**9):', // 10
  '        total += i', // 11
  '        if i % 50 == 0:', // 12
  '            print(n, i)', // 13
  '        if i % 200 == 0:', // 14
  '            await asyncio.sleep(0.5)', // 15
  '        await queue.put(i)', // 16
  '', // 17
  'async def main():', // 18
  '    n = 0', // 19
  '    while True:', // 20
  '        n += 1', // 21
  '        asyncio.create_task(worker(n))', // 22
  '        await asyncio.sleep(1)', // 23
  '', // 24
  'asyncio.run(main())', // 25
];
const WORKER_LINES = [9, 10, 11, 12, 13, 14, 15, 16];
const MAIN_LINES = [19, 20, 21, 22, 23];

type Entry = { h: number; t: number | null; cb: string | null };
type Timer = {
  h: number;
  at: number;
  why: 'sleep' | 'timeout' | 'callback';
  t: number | null;
  cb: string | null;
};
type Task = { id: number; frame: number; turns: number; timeout: number | null; main: boolean };

export function syntheticTrace(steps: number, options: SyntheticOptions = {}): Trace {
  const random = mulberry32(options.seed ?? 1);
  const workers = options.workers ?? 6;
  const perTurn = options.linesPerTurn ?? 200;
  const events: RawEvent[] = [];
  const emit = (e: RawObjectEvent) => events.push(e);
  const full = () => events.length >= steps;

  let time = 0;
  let handles = 0;
  let frames = 0;
  const ready: Entry[] = [];
  const timers: Timer[] = [];
  const tasks = new Map<number, Task>();
  let alive = 0;

  const schedule = (t: number | null, cb: string | null) => {
    const h = ++handles;
    ready.push({ h, t, cb });
    emit(t !== null ? { k: 'ready', h: H(h), t: T(t) } : { k: 'ready', h: H(h), cb: cb as string });
  };
  const timer = (at: number, why: Timer['why'], t: number | null, cb: string | null): number => {
    const h = ++handles;
    const entry: Timer = { h, at, why, t, cb };
    let i = timers.length;
    while (i > 0 && (timers[i - 1] as Timer).at > at) i--;
    timers.splice(i, 0, entry);
    emit(
      why === 'callback'
        ? { k: 'timer', h: H(h), at, why, cb: cb as string }
        : { k: 'timer', h: H(h), at, why, t: T(t as number) },
    );
    return h;
  };
  const createTask = (by: number | null, main: boolean) => {
    const id = tasks.size + 1;
    const coro = main ? 'main' : 'worker';
    emit({
      k: 'task-created',
      t: T(id),
      name: `Task-${id}`,
      coro,
      user: true,
      by: by === null ? null : T(by),
    });
    tasks.set(id, { id, frame: 0, turns: 0, timeout: null, main });
    alive++;
    schedule(id, null);
  };
  const lines = (pool: readonly number[], n: number, onLine?: (i: number) => void) => {
    for (let i = 0; i < n && !full(); i++) {
      events.push(pool[i % pool.length] as number);
      onLine?.(i);
    }
  };
  const suspend = (t: number, w: RawWait) => emit({ k: 'suspend', t: T(t), w });

  // Module level, then asyncio.run(main()).
  const moduleFrame = ++frames;
  emit({ k: 'frame', f: F(moduleFrame), fn: '<module>', t: null });
  emit({ k: 'in', f: F(moduleFrame) });
  lines([1, 3], 2);
  emit({ k: 'object', o: O(1), type: 'Queue', label: 'queue' });
  emit({ k: 'state', o: O(1), s: { items: [], max: 0, get: [], put: [], unfinished: 0 } });
  emit({ k: 'locals', f: F(moduleFrame), v: { queue: '<Queue maxsize=0>' } });
  events.push(25);
  emit({ k: 'loop', run: true });
  createTask(null, true);

  let queued = 0;
  while (!full()) {
    const entry = ready.shift();
    if (entry === undefined) {
      // Nothing ready: jump the clock to the next timer and move every due timer over.
      const next = timers[0];
      if (next === undefined) break; // cannot happen: main always sleeps on a timer
      if (next.at > time) {
        time = next.at;
        emit({ k: 'clock', at: time });
      }
      const due: number[] = [];
      while (timers.length > 0 && (timers[0] as Timer).at <= time) {
        const d = timers.shift() as Timer;
        due.push(d.h);
        ready.push({
          h: d.h,
          t: d.why === 'sleep' ? d.t : null,
          cb: d.why === 'sleep' ? null : (d.cb ?? 'timeout'),
        });
      }
      emit({ k: 'due', h: due.map(H) });
      continue;
    }
    if (entry.t === null) {
      emit({ k: 'callback', h: H(entry.h) });
      lines([5, 6], 2);
      emit({ k: 'out', s: 'tick\n' });
      continue;
    }
    const task = tasks.get(entry.t) as Task;
    const t = task.id;
    emit({ k: 'resume', t: T(t), h: H(entry.h) });
    task.turns++;
    if (task.frame === 0) {
      task.frame = ++frames;
      emit({ k: 'frame', f: F(task.frame), fn: task.main ? 'main' : 'worker', t: T(t) });
    }
    emit({ k: 'in', f: F(task.frame) });
    if (task.timeout !== null) {
      emit({ k: 'cancel', h: H(task.timeout) });
      const i = timers.findIndex((x) => x.h === task.timeout);
      if (i >= 0) timers.splice(i, 1);
      task.timeout = null;
    }
    const n = Math.max(1, Math.round(perTurn * (0.5 + random())));
    if (task.main) {
      lines(MAIN_LINES, n);
      if (alive - 1 < workers && !full()) createTask(t, false);
      const until = time + 1;
      timer(until, 'sleep', t, null);
      suspend(t, { on: 'sleep', until, via: ['main'] });
      continue;
    }
    lines(WORKER_LINES, n, (i) => {
      if (i % 50 === 4) emit({ k: 'out', s: `${t} ${task.turns}:${i}\n` });
      if (i % 20 === 9)
        emit({ k: 'locals', f: F(task.frame), v: { i: String(i), total: String(i * task.turns) } });
      if (i === 100 && random() < 0.05) {
        time += 0.25;
        emit({ k: 'block', t: T(t), at: time, by: 'time.sleep(0.25)' });
      }
    });
    if (full()) break;
    const roll = random();
    if (roll < 0.05) {
      // Finish, leaving a successor so the program keeps running.
      createTask(t, false);
      const r = random();
      emit(
        r < 0.6
          ? { k: 'task-done', t: T(t), r: String(task.turns) }
          : r < 0.8
            ? { k: 'task-done', t: T(t), x: "ValueError('boom')" }
            : { k: 'task-done', t: T(t), c: 1 },
      );
      alive--;
    } else if (roll < 0.1) {
      emit({ k: 'task-name', t: T(t), name: `worker-${t}-${task.turns}` });
      schedule(t, null);
      suspend(t, { on: 'yield', via: ['worker'] });
    } else if (roll < 0.3) {
      schedule(t, null);
      suspend(t, { on: 'yield', via: ['worker'] });
    } else if (roll < 0.4) {
      schedule(null, 'on_tick');
      timer(time + 0.5, 'sleep', t, null);
      suspend(t, { on: 'sleep', until: time + 0.5, via: ['worker'] });
    } else if (roll < 0.5) {
      timer(time + 0.75, 'callback', null, 'on_tick');
      task.timeout = timer(time + 100, 'timeout', t, null);
      timer(time + 0.5, 'sleep', t, null);
      suspend(t, { on: 'sleep', until: time + 0.5, via: ['worker'] });
    } else if (roll < 0.6) {
      emit({
        k: 'net',
        t: T(t),
        lib: 'aiohttp',
        m: 'GET',
        url: `https://example.com/${t}`,
        lat: 0.5,
      });
      timer(time + 0.5, 'sleep', t, null);
      suspend(t, { on: 'other', what: '<aiohttp response>' });
    } else {
      queued++;
      emit({
        k: 'state',
        o: O(1),
        s: { items: [`${queued}`], max: 0, get: [], put: [], unfinished: queued },
      });
      const until = time + Math.round(random() * 8) / 4 + 0.25;
      timer(until, 'sleep', t, null);
      suspend(t, { on: 'sleep', until, via: ['worker'] });
    }
  }
  events.length = Math.min(events.length, steps);

  let stdout = '';
  let lineCount = 0;
  for (const e of events) {
    if (typeof e === 'number') lineCount++;
    else if (e.k === 'out') stdout += e.s;
  }
  return {
    format: 'asyncio-trace',
    version: 1,
    python: '3.14.2',
    file: 'main.py',
    source: `${SOURCE_LINES.join('\n')}\n`,
    status: 'limit',
    stdout,
    stderr: '',
    error: null,
    limit: {
      kind: 'steps',
      message: `The program ran ${steps} steps, the step limit; raise it with # lab: max-steps=N.`,
    },
    ...rebuildTables(events),
    simulated: [],
    stats: { steps: events.length, lines: lineCount, detailFrom: 0, detailSteps: 20_000 },
    events,
  };
}

/** A small, fast, seedable PRNG (mulberry32). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
