/**
 * The LabClient of the browser: its workers are Vite-bundled ES module workers running
 * worker.ts. (Kept apart from client.ts, which stays free of DOM types and runs in Node tests.)
 */
import { LabClient, type LabClientOptions, type WorkerLike } from './client.ts';

export function spawnPythonWorker(): WorkerLike {
  // Vite recognises this exact shape and bundles worker.ts as a module worker of our origin.
  return new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'python' });
}

export function createBrowserLabClient(options: Omit<LabClientOptions, 'createWorker'> = {}) {
  return new LabClient({ ...options, createWorker: spawnPythonWorker });
}
