/**
 * `exampleTrace()`: a small hand-written trace of a two-task program, written the way the tracer
 * records it. Tests (here and in the UI) use it when they need a realistic trace without Python.
 */
import { asFrameId as F, asHandleId as H, asTaskId as T } from './ids.ts';
import { partialTrace } from './partial-trace.ts';
import type { RawEvent, Trace } from './types.ts';

export const EXAMPLE_SOURCE = `import asyncio

async def worker(n):
    await asyncio.sleep(n)
    print(n)
    return n * 2

async def main():
    t = asyncio.create_task(worker(1))
    print("start")
    r = await t
    print(r)

asyncio.run(main())
`;

/** Step numbers are given so that tests can refer to them. */
export const EXAMPLE_EVENTS: readonly RawEvent[] = [
  /* 0 */ { k: 'frame', f: F(1), fn: '<module>', t: null },
  /* 1 */ { k: 'in', f: F(1) },
  /* 2 */ 1,
  /* 3 */ 3,
  /* 4 */ 8,
  /* 5 */ 14,
  /* 6 */ { k: 'loop', run: true },
  /* 7 */ { k: 'task-created', t: T(1), name: 'Task-1', coro: 'main', user: true, by: null },
  /* 8 */ { k: 'ready', h: H(1), t: T(1) },
  /* 9 */ { k: 'resume', t: T(1), h: H(1) },
  /* 10 */ { k: 'frame', f: F(2), fn: 'main', t: T(1) },
  /* 11 */ { k: 'in', f: F(2) },
  /* 12 */ 9,
  /* 13 */ { k: 'task-created', t: T(2), name: 'Task-2', coro: 'worker', user: true, by: T(1) },
  /* 14 */ { k: 'ready', h: H(2), t: T(2) },
  /* 15 */ { k: 'locals', f: F(2), v: { t: "<Task pending name='Task-2'>" } },
  /* 16 */ 10,
  /* 17 */ { k: 'out', s: 'start\n' },
  /* 18 */ 11,
  /* 19 */ { k: 'suspend', t: T(1), w: { on: 'task', t: T(2), via: ['main'] } },
  /* 20 */ { k: 'resume', t: T(2), h: H(2) },
  /* 21 */ { k: 'frame', f: F(3), fn: 'worker', t: T(2) },
  /* 22 */ { k: 'in', f: F(3) },
  /* 23 */ { k: 'locals', f: F(3), v: { n: '1' } },
  /* 24 */ 4,
  /* 25 */ { k: 'timer', h: H(3), at: 1, why: 'sleep', t: T(2) },
  /* 26 */ {
    k: 'suspend',
    t: T(2),
    w: { on: 'sleep', until: 1, via: ['worker', 'sleep'] },
  },
  /* 27 */ { k: 'clock', at: 1 },
  /* 28 */ { k: 'due', h: [H(3)] },
  /* 29 */ { k: 'resume', t: T(2), h: H(3) },
  /* 30 */ 5,
  /* 31 */ { k: 'out', s: '1\n' },
  /* 32 */ 6,
  /* 33 */ { k: 'task-done', t: T(2), r: '2' },
  /* 34 */ { k: 'ready', h: H(4), t: T(1) },
  /* 35 */ { k: 'resume', t: T(1), h: H(4) },
  /* 36 */ { k: 'locals', f: F(2), v: { r: '2' }, d: ['t'] },
  /* 37 */ 12,
  /* 38 */ { k: 'out', s: '2\n' },
  /* 39 */ { k: 'task-done', t: T(1), r: 'None' },
  /* 40 */ { k: 'loop', run: false },
];

export function exampleTrace(): Trace {
  return partialTrace(
    { source: EXAMPLE_SOURCE, python: '3.14.2', status: 'completed' },
    EXAMPLE_EVENTS,
  );
}
