/**
 * A worker started later: `deferredWorker(spawn, start)` gives a `createWorker` whose first
 * worker is spawned only once `start` resolves — on a lesson link, after the lesson's picture is
 * painted, so Pyodide's download and compile do not compete with it for the machine's cores.
 * Listeners and messages given before then reach the real worker once it exists, in order.
 * Every later call (a fresh worker after Stop or a crash) spawns at once.
 */
import type { WorkerLike } from './client.ts';
import type { ToWorker } from './protocol.ts';

type Listen = Parameters<WorkerLike['addEventListener']>;

export function deferredWorker(spawn: () => WorkerLike, start: Promise<unknown>): () => WorkerLike {
  let first = true;
  return () => {
    if (!first) return spawn();
    first = false;
    let real: WorkerLike | undefined;
    let terminated = false;
    const listeners: Listen[] = [];
    const messages: ToWorker[] = [];
    void start.then(() => {
      if (terminated) return;
      real = spawn();
      for (const [type, listener] of listeners)
        (real.addEventListener as (...args: Listen) => void)(type, listener);
      for (const message of messages) real.postMessage(message);
    });
    return {
      postMessage(message) {
        if (real) real.postMessage(message);
        else messages.push(message);
      },
      terminate() {
        terminated = true;
        real?.terminate();
      },
      addEventListener(...args: Listen) {
        if (real) (real.addEventListener as (...a: Listen) => void)(...args);
        else listeners.push(args);
      },
    } as WorkerLike;
  };
}
