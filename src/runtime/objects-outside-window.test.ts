/**
 * Outside the detail window a suspend records no locals (trace format 2), but the asyncio
 * objects a suspending frame holds are declared all the same, named after their local: the
 * Objects panel shows the same objects wherever the window is. Checked with a window of a few
 * steps against one covering the whole run.
 */
import { beforeAll, expect, test } from 'vitest';
import { parseTrace } from '../trace/index.ts';
import { type NodeTracer, nodeTracer } from './tracer.node.ts';

// Objects a task only holds: a queue it never waits on, a lock never contended, an event set
// before anyone waits: no wait declares them, only the frame's locals do.
const PROGRAM = `import asyncio

async def worker(n):
    inbox = asyncio.Queue()
    guard = asyncio.Lock()
    done = asyncio.Event()
    inbox.put_nowait(n)
    async with guard:
        item = inbox.get_nowait()
    done.set()
    await asyncio.sleep(0.1)
    return item

async def main():
    await asyncio.sleep(0.1)
    print(await asyncio.gather(*(worker(n) for n in range(3))))

asyncio.run(main())
`;

let tracer: NodeTracer;
beforeAll(async () => {
  tracer = await nodeTracer();
});

const objectsOf = (detailSteps: number) =>
  parseTrace(tracer.traceJson(PROGRAM, { detailSteps })).objects.map((o) => `${o.type} ${o.label}`);

test('objects held only in locals are declared past the detail window too', () => {
  const everywhere = objectsOf(1_000_000);
  expect(everywhere).toEqual(expect.arrayContaining(['Queue inbox', 'Lock guard', 'Event done']));
  // A window of five steps ends before any worker runs: its suspends declare them.
  expect([...objectsOf(5)].sort()).toEqual([...everywhere].sort());
});
