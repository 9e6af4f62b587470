import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { derived } from '../../tests/fixtures/live.ts';
import { traceHeader } from '../../tests/fixtures/trace.ts';
import { fixture } from '../../tests/fixtures/traces.ts';
import { columnsOf, stalls } from '../trace/index.ts';
import { LabClient, LIVE_INTERVAL_MS, type WorkerLike } from './client.ts';
import type { FromWorker, ToWorker } from './protocol.ts';
import type { RawEvent, Trace } from './run-trace.ts';

/** The `events` message the worker sends for one chunk the tracer streamed (JSON text). */
const events = (id: number, chunk: string): FromWorker => ({
  type: 'events',
  id,
  columns: columnsOf(JSON.parse(chunk) as RawEvent[]),
});

/** A stand-in for the Pyodide worker that the test drives by hand. */
class FakeWorker implements WorkerLike {
  posted: ToWorker[] = [];
  terminated = false;
  private listeners: Record<string, ((event: never) => void)[]> = {};

  postMessage(message: ToWorker): void {
    this.posted.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  addEventListener(type: string, listener: (event: never) => void): void {
    const list = this.listeners[type] ?? [];
    list.push(listener);
    this.listeners[type] = list;
  }
  send(message: FromWorker): void {
    for (const l of this.listeners.message ?? []) l({ data: message } as never);
  }
  crash(message: string): void {
    for (const l of this.listeners.error ?? []) l({ message, preventDefault() {} } as never);
  }
  get lastRun() {
    const run = this.posted.at(-1);
    if (run?.type !== 'run') throw new Error('no run was posted');
    return run;
  }
}

const header = (over: Record<string, unknown> = {}) =>
  JSON.stringify({
    ...traceHeader({ stdout: 'hi\n', stats: { steps: 3, lines: 1, detailSteps: 50000 } }),
    ...over,
  });

let workers: FakeWorker[];
const make = (watchdogMs = 10_000) =>
  new LabClient({
    watchdogMs,
    createWorker: () => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    },
  });
const ready = (w: FakeWorker) => w.send({ type: 'ready', pythonVersion: '3.14.2', loadMs: 5 });

beforeEach(() => {
  workers = [];
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('LabClient', () => {
  it('reports loading, then ready', () => {
    const client = make();
    const seen: string[] = [];
    client.subscribe((s) => seen.push(s.state));
    expect(client.getStatus().state).toBe('loading');
    ready(workers[0] as FakeWorker);
    expect(client.getStatus()).toEqual({ state: 'ready', pythonVersion: '3.14.2', loadMs: 5 });
    expect(seen).toEqual(['ready']);
  });

  it('assembles a trace from streamed chunks and the header, reusing one worker', async () => {
    const client = make();
    const w = workers[0] as FakeWorker;
    ready(w);
    const progress: number[] = [];
    for (const round of [1, 2]) {
      const pending = client.run('print("hi")', {}, { onProgress: (n) => progress.push(n) });
      const { id } = w.lastRun;
      expect(id).toBe(round);
      w.send(events(id, '[{"k":"loop","run":true},1]'));
      w.send({ type: 'progress', id, steps: 2 });
      w.send(events(id, '[{"k":"out","s":"hi\\n"}]'));
      w.send({ type: 'progress', id, steps: 3 });
      w.send({ type: 'done', id, header: header() });
      const trace = await pending;
      expect(trace.events).toHaveLength(3);
      expect(trace.stdout).toBe('hi\n');
    }
    expect(progress).toEqual([2, 3, 2, 3]);
    expect(workers).toHaveLength(1);
  });

  it('ignores messages of runs it has given up on', async () => {
    const client = make();
    const w = workers[0] as FakeWorker;
    ready(w);
    const pending = client.run('x');
    w.send(events(99, '[1,2,3]'));
    w.send({ type: 'done', id: 1, header: header() });
    expect((await pending).events).toEqual([]);
  });

  it('stop() keeps the streamed events, resolves as a limit and respawns the worker', async () => {
    const client = make();
    const w = workers[0] as FakeWorker;
    ready(w);
    const pending = client.run('while True: pass');
    const { id } = w.lastRun;
    w.send(
      events(
        id,
        '[{"k":"task-created","t":1,"name":"Task-1","coro":"main","user":true,"by":null},5,5]',
      ),
    );
    w.send({ type: 'progress', id, steps: 3 });
    client.stop();
    const trace = await pending;
    expect(trace.status).toBe('limit');
    expect(trace.limit).toEqual({
      kind: 'stopped',
      message: 'You stopped the program after 3 steps.',
    });
    expect(trace.events).toHaveLength(3);
    expect(trace.tasks[0]?.name).toBe('Task-1');
    expect(trace.python).toBe('3.14.2');
    expect(w.terminated).toBe(true);
    expect(workers).toHaveLength(2);
    expect(client.getStatus().state).toBe('loading');
    expect(client.running).toBe(false);
  });

  it('the watchdog stops a silent run, but only once Python is ready', async () => {
    const client = make(3000);
    const w = workers[0] as FakeWorker;
    const pending = client.run('sum(range(10**12))');
    vi.advanceTimersByTime(60_000); // still loading Python: no watchdog
    expect(client.running).toBe(true);
    ready(w);
    vi.advanceTimersByTime(2000);
    w.send({ type: 'progress', id: w.lastRun.id, steps: 1 }); // any message re-arms it
    vi.advanceTimersByTime(2999);
    expect(client.running).toBe(true);
    vi.advanceTimersByTime(1);
    const trace = await pending;
    expect(trace.limit).toEqual({
      kind: 'wall',
      message: 'The program stopped answering for 3 seconds, so it was stopped after 1 step.',
    });
    expect(w.terminated).toBe(true);
    expect(workers).toHaveLength(2);
  });

  it('survives a worker crash during a run', async () => {
    const client = make();
    const w = workers[0] as FakeWorker;
    ready(w);
    const pending = client.run('x');
    w.crash('out of memory');
    const trace = await pending;
    expect(trace.status).toBe('limit');
    expect(trace.limit?.message).toMatch(/crashed \(out of memory\)/);
    const next = workers[1] as FakeWorker;
    ready(next);
    const again = client.run('y');
    next.send({ type: 'done', id: next.lastRun.id, header: header() });
    expect((await again).status).toBe('completed');
  });

  it('an internal failure rejects the run and starts a fresh worker', async () => {
    const client = make();
    const w = workers[0] as FakeWorker;
    ready(w);
    const pending = client.run('x');
    w.send({ type: 'failed', id: w.lastRun.id, message: 'tracer bug' });
    await expect(pending).rejects.toThrow('Event Loop Lab failed: tracer bug');
    expect(workers).toHaveLength(2);
  });

  it('a failed load is reported, and the next run tries a fresh worker', async () => {
    const client = make();
    const w = workers[0] as FakeWorker;
    w.send({ type: 'failed', id: null, message: 'no wasm' });
    expect(client.getStatus()).toEqual({
      state: 'failed',
      message: 'Python failed to load: no wasm',
    });
    const pending = client.run('x');
    expect(workers).toHaveLength(2);
    const fresh = workers[1] as FakeWorker;
    expect(fresh.posted).toHaveLength(1);
    ready(fresh);
    fresh.send({ type: 'done', id: fresh.lastRun.id, header: header() });
    expect((await pending).status).toBe('completed');
  });

  it('refuses a second run while one is running', async () => {
    const client = make();
    ready(workers[0] as FakeWorker);
    void client.run('x');
    await expect(client.run('y')).rejects.toThrow(/already running/);
  });

  it('hands over a live trace while events stream, a few times a second, never per event', async () => {
    let clock = 1000;
    const client = new LabClient({
      now: () => clock,
      createWorker: () => {
        const w = new FakeWorker();
        workers.push(w);
        return w;
      },
    });
    const w = workers[0] as FakeWorker;
    ready(w);
    const live: Trace[] = [];
    const pending = client.run('x', {}, { onPartial: (t) => live.push(t) });
    const { id } = w.lastRun;
    const stream = (chunk: string, steps: number) => {
      w.send(events(id, chunk));
      w.send({ type: 'progress', id, steps });
    };
    stream('[{"k":"task-created","t":1,"name":"Task-1","coro":"main","user":true,"by":null},5]', 2);
    expect(live).toHaveLength(1); // the first chunk is drawn at once
    expect(live[0]?.limit?.kind).toBe('running');
    expect(live[0]?.tasks[0]?.name).toBe('Task-1');
    stream('[5,5]', 4);
    stream('[5]', 5);
    expect(live).toHaveLength(1); // too soon after the last one
    clock += LIVE_INTERVAL_MS;
    stream('[5]', 6);
    expect(live).toHaveLength(2);
    expect(live[1]?.events).toHaveLength(6);
    w.send({
      type: 'done',
      id,
      header: header({ stats: { steps: 6, lines: 5, detailSteps: 50000 } }),
    });
    const trace = await pending;
    expect(trace.status).toBe('completed');
    expect(trace.events).toHaveLength(6);
    expect(live).toHaveLength(2);
  });

  it('gives the final trace the outputs, stalls and index collected from the streamed events', async () => {
    const client = make();
    const w = workers[0] as FakeWorker;
    ready(w);
    const pending = client.run('x');
    const { id } = w.lastRun;
    const recorded = fixture('blocking');
    const all = recorded.events as RawEvent[];
    for (let at = 0; at < all.length; at += 7) {
      w.send({ type: 'events', id, columns: columnsOf(all.slice(at, at + 7)) });
    }
    const { events: _, ...rest } = recorded;
    w.send({ type: 'done', id, header: JSON.stringify(rest), columns: columnsOf(all) });
    const trace = await pending;
    expect(trace.events).toEqual(all);
    expect(stalls(trace).length).toBeGreaterThan(0);
    // A copy has none of the adopted caches: it derives everything from the events again.
    expect(derived(trace)).toEqual(derived({ ...trace }));
  });

  it('makes the final trace of the streamed events the worker checked', async () => {
    const client = make();
    const w = workers[0] as FakeWorker;
    ready(w);
    const live: Trace[] = [];
    const pending = client.run('x', {}, { onPartial: (t) => live.push(t) });
    const { id } = w.lastRun;
    const recorded = fixture('blocking');
    const all = recorded.events as RawEvent[];
    for (let at = 0; at < all.length; at += 7) {
      w.send({ type: 'events', id, columns: columnsOf(all.slice(at, at + 7)), checked: true });
      w.send({ type: 'progress', id, steps: Math.min(at + 7, all.length) });
    }
    const { events: _, ...rest } = recorded;
    w.send({ type: 'done', id, header: JSON.stringify(rest), checked: all.length });
    const trace = await pending;
    expect(trace.events).toEqual(all);
    expect(trace.status).toBe(recorded.status);
    expect(live[0]?.events.length).toBeLessThan(all.length); // live traces hold their own
    expect(derived(trace)).toEqual(derived({ ...trace }));
  });

  it('validates the streamed events itself when the worker checked another number of them', async () => {
    const client = make();
    const w = workers[0] as FakeWorker;
    ready(w);
    const pending = client.run('x');
    const { id } = w.lastRun;
    w.send({
      type: 'events',
      id,
      columns: columnsOf([{ k: 'resume', t: 9 } as never]),
      checked: true,
    });
    w.send({ type: 'done', id, header: header(), checked: 2 });
    await expect(pending).rejects.toThrow(/step 0/);
  });
});
