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
  const sim = new SyntheticLoop(steps, options);
  sim.runModule();
  while (!sim.full()) {
    const entry = sim.ready.shift();
    if (entry === undefined) {
      if (!sim.advanceClock()) break; // cannot happen: main always sleeps on a timer
    } else if (entry.t === null) {
      sim.runCallback(entry);
    } else if (!sim.runTask(entry.t, entry.h)) {
      break;
    }
  }
  sim.events.length = Math.min(sim.events.length, steps);
  return finishTrace(sim.events, steps);
}

/** The simulated loop: its clock, ready queue, timers and tasks, and the events it emitted. */
class SyntheticLoop {
  readonly events: RawEvent[] = [];
  readonly ready: Entry[] = [];
  private readonly timers: Timer[] = [];
  private readonly tasks = new Map<number, Task>();
  private readonly random: () => number;
  private readonly workers: number;
  private readonly perTurn: number;
  private time = 0;
  private handles = 0;
  private frames = 0;
  private alive = 0;
  private queued = 0;

  constructor(
    private readonly steps: number,
    options: SyntheticOptions,
  ) {
    this.random = mulberry32(options.seed ?? 1);
    this.workers = options.workers ?? 6;
    this.perTurn = options.linesPerTurn ?? 200;
  }

  full(): boolean {
    return this.events.length >= this.steps;
  }

  private emit(e: RawObjectEvent): void {
    this.events.push(e);
  }

  private schedule(t: number | null, cb: string | null): void {
    const h = ++this.handles;
    this.ready.push({ h, t, cb });
    this.emit(
      t !== null ? { k: 'ready', h: H(h), t: T(t) } : { k: 'ready', h: H(h), cb: cb as string },
    );
  }

  private timer(at: number, why: Timer['why'], t: number | null, cb: string | null): number {
    const h = ++this.handles;
    const entry: Timer = { h, at, why, t, cb };
    let i = this.timers.length;
    while (i > 0 && (this.timers[i - 1] as Timer).at > at) i--;
    this.timers.splice(i, 0, entry);
    this.emit(
      why === 'callback'
        ? { k: 'timer', h: H(h), at, why, cb: cb as string }
        : { k: 'timer', h: H(h), at, why, t: T(t as number) },
    );
    return h;
  }

  private createTask(by: number | null, main: boolean): void {
    const id = this.tasks.size + 1;
    const coro = main ? 'main' : 'worker';
    this.emit({
      k: 'task-created',
      t: T(id),
      name: `Task-${id}`,
      coro,
      user: true,
      by: by === null ? null : T(by),
    });
    this.tasks.set(id, { id, frame: 0, turns: 0, timeout: null, main });
    this.alive++;
    this.schedule(id, null);
  }

  private lines(pool: readonly number[], n: number, onLine?: (i: number) => void): void {
    for (let i = 0; i < n && !this.full(); i++) {
      this.events.push(pool[i % pool.length] as number);
      onLine?.(i);
    }
  }

  private suspend(t: number, w: RawWait): void {
    this.emit({ k: 'suspend', t: T(t), w });
  }

  /** Module level, then asyncio.run(main()). */
  runModule(): void {
    const moduleFrame = ++this.frames;
    this.emit({ k: 'frame', f: F(moduleFrame), fn: '<module>', t: null });
    this.emit({ k: 'in', f: F(moduleFrame) });
    this.lines([1, 3], 2);
    this.emit({ k: 'object', o: O(1), type: 'Queue', label: 'queue' });
    this.emit({ k: 'state', o: O(1), s: { items: [], max: 0, get: [], put: [], unfinished: 0 } });
    this.emit({ k: 'locals', f: F(moduleFrame), v: { queue: '<Queue maxsize=0>' } });
    this.events.push(25);
    this.emit({ k: 'loop', run: true });
    this.createTask(null, true);
  }

  /**
   * Nothing ready: jump the clock to the next timer and move every due timer over. False when
   * there is no timer.
   */
  advanceClock(): boolean {
    const next = this.timers[0];
    if (next === undefined) return false;
    if (next.at > this.time) {
      this.time = next.at;
      this.emit({ k: 'clock', at: this.time });
    }
    const due: number[] = [];
    while (this.timers.length > 0 && (this.timers[0] as Timer).at <= this.time) {
      const d = this.timers.shift() as Timer;
      due.push(d.h);
      this.ready.push({
        h: d.h,
        t: d.why === 'sleep' ? d.t : null,
        cb: d.why === 'sleep' ? null : (d.cb ?? 'timeout'),
      });
    }
    this.emit({ k: 'due', h: due.map(H) });
    return true;
  }

  runCallback(entry: Entry): void {
    this.emit({ k: 'callback', h: H(entry.h) });
    this.lines([5, 6], 2);
    this.emit({ k: 'out', s: 'tick\n' });
  }

  /** One turn of task `t`, resumed by handle `h`. False when the trace filled up mid-turn. */
  runTask(t: number, h: number): boolean {
    const task = this.tasks.get(t) as Task;
    this.resume(task, h);
    const n = Math.max(1, Math.round(this.perTurn * (0.5 + this.random())));
    if (task.main) {
      this.mainTurn(task, n);
      return true;
    }
    this.workerLines(task, n);
    if (this.full()) return false;
    this.endWorkerTurn(task);
    return true;
  }

  /** Resume the task in its frame (made on its first turn), cancelling its armed timeout. */
  private resume(task: Task, h: number): void {
    const t = task.id;
    this.emit({ k: 'resume', t: T(t), h: H(h) });
    task.turns++;
    if (task.frame === 0) {
      task.frame = ++this.frames;
      this.emit({ k: 'frame', f: F(task.frame), fn: task.main ? 'main' : 'worker', t: T(t) });
    }
    this.emit({ k: 'in', f: F(task.frame) });
    if (task.timeout !== null) {
      this.emit({ k: 'cancel', h: H(task.timeout) });
      const i = this.timers.findIndex((x) => x.h === task.timeout);
      if (i >= 0) this.timers.splice(i, 1);
      task.timeout = null;
    }
  }

  /** Main runs its lines, spawns a worker when there is room, and sleeps a second. */
  private mainTurn(task: Task, n: number): void {
    const t = task.id;
    this.lines(MAIN_LINES, n);
    if (this.alive - 1 < this.workers && !this.full()) this.createTask(t, false);
    const until = this.time + 1;
    this.timer(until, 'sleep', t, null);
    this.suspend(t, { on: 'sleep', until, via: ['main'] });
  }

  /** A worker's lines, printing, updating its locals and now and then blocking the loop. */
  private workerLines(task: Task, n: number): void {
    const t = task.id;
    this.lines(WORKER_LINES, n, (i) => {
      if (i % 50 === 4) this.emit({ k: 'out', s: `${t} ${task.turns}:${i}\n` });
      if (i % 20 === 9)
        this.emit({
          k: 'locals',
          f: F(task.frame),
          v: { i: String(i), total: String(i * task.turns) },
        });
      if (i === 100 && this.random() < 0.05) {
        this.time += 0.25;
        this.emit({ k: 'block', t: T(t), at: this.time, by: 'time.sleep(0.25)' });
      }
    });
  }

  /** How a worker's turn ends, by a roll: finish, rename, yield, sleep, time out, net or queue. */
  private endWorkerTurn(task: Task): void {
    const t = task.id;
    const roll = this.random();
    if (roll < 0.05) {
      this.finishWorker(task);
    } else if (roll < 0.1) {
      this.emit({ k: 'task-name', t: T(t), name: `worker-${t}-${task.turns}` });
      this.schedule(t, null);
      this.suspend(t, { on: 'yield', via: ['worker'] });
    } else if (roll < 0.3) {
      this.schedule(t, null);
      this.suspend(t, { on: 'yield', via: ['worker'] });
    } else if (roll < 0.4) {
      this.schedule(null, 'on_tick');
      this.sleepWorker(t, this.time + 0.5);
    } else if (roll < 0.5) {
      this.timer(this.time + 0.75, 'callback', null, 'on_tick');
      task.timeout = this.timer(this.time + 100, 'timeout', t, null);
      this.sleepWorker(t, this.time + 0.5);
    } else if (roll < 0.6) {
      this.emit({
        k: 'net',
        t: T(t),
        lib: 'aiohttp',
        m: 'GET',
        url: `https://example.com/${t}`,
        lat: 0.5,
      });
      this.timer(this.time + 0.5, 'sleep', t, null);
      this.suspend(t, { on: 'other', what: '<aiohttp response>' });
    } else {
      this.queued++;
      this.emit({
        k: 'state',
        o: O(1),
        s: { items: [`${this.queued}`], max: 0, get: [], put: [], unfinished: this.queued },
      });
      this.sleepWorker(t, this.time + Math.round(this.random() * 8) / 4 + 0.25);
    }
  }

  private sleepWorker(t: number, until: number): void {
    this.timer(until, 'sleep', t, null);
    this.suspend(t, { on: 'sleep', until, via: ['worker'] });
  }

  /** Finish (returning, raising or cancelled), leaving a successor so the program keeps running. */
  private finishWorker(task: Task): void {
    const t = task.id;
    this.createTask(t, false);
    const r = this.random();
    this.emit(
      r < 0.6
        ? { k: 'task-done', t: T(t), r: String(task.turns) }
        : r < 0.8
          ? { k: 'task-done', t: T(t), x: "ValueError('boom')" }
          : { k: 'task-done', t: T(t), c: 1 },
    );
    this.alive--;
  }
}

/** The trace around the events: a run of `steps` steps, stopped by the step limit. */
function finishTrace(events: RawEvent[], steps: number): Trace {
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
