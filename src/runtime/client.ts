/**
 * LabClient: the page's side of the Pyodide worker. One worker is reused across runs; a run's
 * events stream in as columns the worker parsed, and are assembled with the final header into a
 * trace.
 *
 * The page never hangs and nothing is lost: `stop()`, a silent worker (the watchdog) and a
 * crashed worker all end the run the same way — the worker is terminated, the events that
 * already arrived are kept as a trace with status `limit`, and a fresh worker is started.
 */

import { eventsOfColumns, PartialTraceBuilder } from '../trace/index.ts';
import { plural } from '../trace/words.ts';
import type { FromWorker, RunOptions, ToWorker } from './protocol.ts';
import { isFromWorker } from './protocol.ts';
import {
  type LimitKind,
  type RawEvent,
  type Trace,
  traceFromColumns,
  traceFromEvents,
} from './run-trace.ts';

/**
 * What the client needs from a Worker (a fake one in tests). Declared here rather than taken from
 * the DOM types so that this module type-checks and tests in Node as well.
 */
export interface WorkerLike {
  postMessage(message: ToWorker): void;
  terminate(): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(
    type: 'error',
    listener: (event: { message?: string; preventDefault?(): void }) => void,
  ): void;
  addEventListener(type: 'messageerror', listener: (event: unknown) => void): void;
}

export type RuntimeStatus =
  | { state: 'loading' }
  | { state: 'ready'; pythonVersion: string; loadMs: number }
  | { state: 'failed'; message: string };

export interface RunCallbacks {
  /** Called as events stream in: how many steps the run has so far. */
  onProgress?: (steps: number) => void;
  /**
   * Called while the run goes on with a trace of the events so far (status `limit`, kind
   * `running`): the live picture. Throttled (see `LIVE_INTERVAL_MS`), never once per event.
   */
  onPartial?: (trace: Trace) => void;
}

export interface LabClientOptions {
  /** Starts a Pyodide worker (src/runtime/browser-client.ts gives the real one). */
  createWorker: () => WorkerLike;
  /** Milliseconds without any message from a running program before it is stopped. */
  watchdogMs?: number;
  /** The clock that spaces live traces (tests give their own). */
  now?: () => number;
}

export const DEFAULT_WATCHDOG_MS = 10_000;

/**
 * At most one live trace per this many milliseconds. Each new trace costs the page a copy of the
 * events so far and a fresh picture of them (the views' per-trace indexes), so the wait also
 * grows with that cost (`LIVE_COST_FACTOR` times it): however long the run, live pictures take
 * at most about a fifth of the page's time.
 */
export const LIVE_INTERVAL_MS = 250;
const LIVE_COST_FACTOR = 4;

/** What a live trace says about the run it pictures. */
export const LIVE_LIMIT_MESSAGE = 'The program is still running: this is what it has done so far.';

const realNow = (): number => globalThis.performance?.now() ?? Date.now();

interface ActiveRun {
  id: number;
  source: string;
  options: RunOptions;
  /** The events so far, validated as they arrive. */
  events: PartialTraceBuilder;
  /** Why the streamed events cannot make a trace (a malformed event), or null. */
  unreadable: Error | null;
  steps: number;
  callbacks: RunCallbacks;
  /** When the next live trace may be built (`now()` time); 0: at the first chunk. */
  nextLiveAt: number;
  resolve: (trace: Trace) => void;
  reject: (error: Error) => void;
  /** The watchdog starts only once Python is ready: loading may legitimately take a while. */
  watchdog: ReturnType<typeof setTimeout> | undefined;
}

export class LabClient {
  readonly watchdogMs: number;
  private readonly createWorker: () => WorkerLike;
  private readonly now: () => number;
  private worker!: WorkerLike;
  private status: RuntimeStatus = { state: 'loading' };
  private readonly listeners = new Set<(status: RuntimeStatus) => void>();
  private active: ActiveRun | undefined;
  private nextId = 1;
  private disposed = false;

  constructor(options: LabClientOptions) {
    this.watchdogMs = options.watchdogMs ?? DEFAULT_WATCHDOG_MS;
    this.createWorker = options.createWorker;
    this.now = options.now ?? realNow;
    this.spawn();
  }

  /** The runtime's current status; `subscribe` to hear about changes. */
  getStatus(): RuntimeStatus {
    return this.status;
  }

  subscribe(listener: (status: RuntimeStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get running(): boolean {
    return this.active !== undefined;
  }

  /**
   * Runs `source` and resolves with its trace (also when the program fails: its error is part
   * of the trace). Rejects only when Event Loop Lab itself fails.
   */
  run(source: string, options: RunOptions = {}, callbacks: RunCallbacks = {}): Promise<Trace> {
    if (this.disposed) return Promise.reject(new Error('The Python runtime was shut down.'));
    if (this.active) return Promise.reject(new Error('A program is already running.'));
    return new Promise<Trace>((resolve, reject) => {
      const run: ActiveRun = {
        id: this.nextId++,
        source,
        options,
        events: new PartialTraceBuilder(),
        unreadable: null,
        steps: 0,
        callbacks,
        nextLiveAt: 0,
        resolve,
        reject,
        watchdog: undefined,
      };
      this.active = run;
      // A worker that failed to load is useless: a new run gets a fresh one.
      if (this.status.state === 'failed') this.respawn();
      this.worker.postMessage({ type: 'run', id: run.id, source, options });
      if (this.status.state === 'ready') this.armWatchdog(run);
    });
  }

  /** Stops the running program (if any), keeping what it did so far. */
  stop(): void {
    const run = this.active;
    if (!run) return;
    this.abandon(run, 'stopped', `You stopped the program after ${plural(run.steps, 'step')}.`);
  }

  /** Terminates the worker for good. */
  dispose(): void {
    this.disposed = true;
    const run = this.active;
    if (run) this.abandon(run, 'wall', 'The program was stopped because the page closed it.');
    this.worker.terminate();
    this.listeners.clear();
  }

  private spawn(): void {
    const worker = this.createWorker();
    this.worker = worker;
    this.setStatus({ state: 'loading' });
    worker.addEventListener('message', (event) => {
      if (this.worker === worker && isFromWorker(event.data)) this.receive(event.data);
    });
    worker.addEventListener('error', (event) => {
      if (this.worker !== worker) return;
      event.preventDefault?.();
      this.crashed(event.message || 'the Python worker failed');
    });
    worker.addEventListener('messageerror', () => {
      if (this.worker === worker) this.crashed('a message from the Python worker was unreadable');
    });
  }

  private receive(message: FromWorker): void {
    const run = this.active;
    switch (message.type) {
      case 'ready':
        this.setStatus({
          state: 'ready',
          pythonVersion: message.pythonVersion,
          loadMs: message.loadMs,
        });
        if (run) this.armWatchdog(run);
        return;
      case 'failed':
        if (message.id === null) {
          this.setStatus({ state: 'failed', message: `Python failed to load: ${message.message}` });
          if (run) this.finish(run).reject(new Error(`Python failed to load: ${message.message}`));
          return;
        }
        if (run?.id !== message.id) return;
        this.finish(run).reject(new Error(`Event Loop Lab failed: ${message.message}`));
        // After an internal failure the interpreter may be unusable: start afresh.
        this.respawn();
        return;
    }
    if (run?.id !== message.id) return;
    this.armWatchdog(run);
    switch (message.type) {
      case 'events':
        if (run.unreadable) return;
        try {
          run.events.add(eventsOfColumns(message.columns), message.checked === true);
        } catch (error) {
          run.unreadable = error instanceof Error ? error : new Error(String(error));
        }
        return;
      case 'progress':
        run.steps = message.steps;
        run.callbacks.onProgress?.(message.steps);
        this.live(run);
        return;
      case 'done': {
        const finished = this.finish(run);
        try {
          finished.resolve(this.finalTrace(run, message));
        } catch (error) {
          finished.reject(error instanceof Error ? error : new Error(String(error)));
        }
        return;
      }
    }
  }

  /** The trace of a run that ended normally, from its `done` message and streamed events. */
  private finalTrace(run: ActiveRun, message: Extract<FromWorker, { type: 'done' }>): Trace {
    const streamed = run.unreadable ? undefined : run.events;
    let trace: Trace;
    if (streamed !== undefined && message.checked === streamed.count) {
      // Validated in the worker as they streamed: they make the trace as they are.
      trace = traceFromEvents(message.header, streamed.finish(), true);
    } else if (message.columns) {
      const same = streamed?.count === message.columns.codes.length;
      trace = traceFromColumns(
        message.header,
        message.columns,
        same ? streamed.finish() : undefined,
      );
    } else {
      trace = traceFromEvents(message.header, this.eventsOf(run));
    }
    // What the page collected from the streamed events (the index, outputs, stalls) serves the
    // final trace too: it scans none of them again.
    streamed?.lend(trace);
    return trace;
  }

  /** Hands the run's live trace to `onPartial`, unless one was built too recently. */
  private live(run: ActiveRun): void {
    const onPartial = run.callbacks.onPartial;
    const start = this.now();
    // Unreadable events: no live picture; the final trace will say why.
    if (!onPartial || start < run.nextLiveAt || run.events.count === 0 || run.unreadable) return;
    const trace = this.partialOf(run, 'running', LIVE_LIMIT_MESSAGE);
    run.nextLiveAt = start + LIVE_INTERVAL_MS;
    onPartial(trace);
    // The page draws the new trace in a microtask queued by `onPartial` (React renders a store
    // update then): one queued now runs after it, so the cost measured includes the picture.
    queueMicrotask(() => {
      const end = this.now();
      run.nextLiveAt = end + Math.max(LIVE_INTERVAL_MS, LIVE_COST_FACTOR * (end - start));
    });
  }

  /** The trace of the events streamed so far (throws if they are unreadable). */
  private partialOf(run: ActiveRun, kind: LimitKind, message: string): Trace {
    if (run.unreadable) throw run.unreadable;
    return run.events.trace({
      source: run.source,
      python: this.status.state === 'ready' ? this.status.pythonVersion : '',
      detailSteps: run.options.detailSteps,
      status: 'limit',
      limit: { kind, message },
    });
  }

  private eventsOf(run: ActiveRun): RawEvent[] {
    if (run.unreadable) throw run.unreadable;
    return run.events.eventsSoFar();
  }

  private crashed(reason: string): void {
    const run = this.active;
    if (run) {
      this.abandon(
        run,
        'wall',
        `The Python worker crashed (${reason}), so the program was stopped after ${plural(run.steps, 'step')}.`,
      );
    } else if (this.status.state === 'ready') {
      this.respawn();
    } else {
      // Crashing while loading would crash again at once: wait for the next run to retry.
      this.setStatus({ state: 'failed', message: `The Python worker crashed: ${reason}.` });
    }
  }

  private armWatchdog(run: ActiveRun): void {
    clearTimeout(run.watchdog);
    run.watchdog = setTimeout(() => {
      if (this.active !== run) return;
      const seconds = Math.round(this.watchdogMs / 100) / 10;
      this.abandon(
        run,
        'wall',
        `The program stopped answering for ${seconds} seconds, so it was stopped after ${plural(run.steps, 'step')}.`,
      );
    }, this.watchdogMs);
  }

  /** Ends `run` with the events it streamed, and replaces the worker it was running in. */
  private abandon(run: ActiveRun, kind: LimitKind, message: string): void {
    const finished = this.finish(run);
    let result: Trace | Error;
    try {
      // Before the respawn: it forgets the Python version.
      result = this.partialOf(run, kind, message);
    } catch (error) {
      result = error instanceof Error ? error : new Error(String(error));
    }
    this.respawn();
    if (result instanceof Error) finished.reject(result);
    else finished.resolve(result);
  }

  private finish(run: ActiveRun): ActiveRun {
    clearTimeout(run.watchdog);
    if (this.active === run) this.active = undefined;
    return run;
  }

  private respawn(): void {
    this.worker.terminate();
    if (!this.disposed) this.spawn();
  }

  private setStatus(status: RuntimeStatus): void {
    this.status = status;
    for (const listener of this.listeners) listener(status);
  }
}
