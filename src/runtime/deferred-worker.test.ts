import { expect, test } from 'vitest';
import type { WorkerLike } from './client.ts';
import { deferredWorker } from './deferred-worker.ts';
import type { ToWorker } from './protocol.ts';

function fakeSpawn() {
  const spawned: { posted: ToWorker[]; listeners: string[]; terminated: boolean }[] = [];
  const spawn = (): WorkerLike => {
    const w = { posted: [] as ToWorker[], listeners: [] as string[], terminated: false };
    spawned.push(w);
    return {
      postMessage: (m: ToWorker) => w.posted.push(m),
      terminate: () => {
        w.terminated = true;
      },
      addEventListener: (type: string) => w.listeners.push(type),
    } as WorkerLike;
  };
  return { spawn, spawned };
}

const run = (id: number): ToWorker => ({ type: 'run', id, source: 'pass', options: {} });

test('the first worker starts when told; what came before reaches it in order', async () => {
  const { spawn, spawned } = fakeSpawn();
  let go = () => {};
  const create = deferredWorker(
    spawn,
    new Promise<void>((r) => {
      go = r;
    }),
  );
  const worker = create();
  worker.addEventListener('message', () => {});
  worker.addEventListener('error', () => {});
  worker.postMessage(run(1));
  worker.postMessage(run(2));
  await Promise.resolve();
  expect(spawned).toHaveLength(0);
  go();
  await new Promise((r) => setTimeout(r, 0));
  expect(spawned).toHaveLength(1);
  expect(spawned[0]?.listeners).toEqual(['message', 'error']);
  expect(spawned[0]?.posted.map((m) => m.id)).toEqual([1, 2]);
  worker.postMessage(run(3));
  expect(spawned[0]?.posted.map((m) => m.id)).toEqual([1, 2, 3]);
  // A fresh worker after Stop or a crash starts at once.
  create();
  expect(spawned).toHaveLength(2);
});

test('a worker terminated before it started is never spawned', async () => {
  const { spawn, spawned } = fakeSpawn();
  const create = deferredWorker(spawn, Promise.resolve());
  create().terminate();
  await new Promise((r) => setTimeout(r, 0));
  expect(spawned).toHaveLength(0);
});
