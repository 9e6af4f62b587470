/**
 * The LabClient of the browser: its workers are Vite-bundled ES module workers running
 * worker.ts. (Kept apart from client.ts, which stays free of DOM types and runs in Node tests.)
 */
import { LabClient, type LabClientOptions, type WorkerLike } from './client.ts';
import { deferredWorker } from './deferred-worker.ts';
import type { RunOptions } from './protocol.ts';

export function spawnPythonWorker(): WorkerLike {
  // Vite recognises this exact shape and bundles worker.ts as a module worker of our origin.
  return new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'python' });
}

/**
 * A runner for focus re-runs (src/store/slices/focus.ts) with a worker of its own, started on
 * the first one: a run the learner starts never waits behind a focus run.
 */
export function createFocusRunner(options: Omit<LabClientOptions, 'createWorker'> = {}) {
  let client: LabClient | undefined;
  return {
    run(source: string, runOptions: RunOptions) {
      client ??= createBrowserLabClient(options);
      return client.run(source, runOptions);
    },
  };
}

/** `start`: when the first worker may start (deferred-worker.ts); at once without it. */
export function createBrowserLabClient(
  options: Omit<LabClientOptions, 'createWorker'> = {},
  start?: Promise<unknown>,
) {
  const createWorker = start ? deferredWorker(spawnPythonWorker, start) : spawnPythonWorker;
  return new LabClient({ ...options, createWorker });
}
