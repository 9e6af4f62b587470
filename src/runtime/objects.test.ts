/**
 * objects.py records a queue's state only when it changed, and reuses what it showed last time
 * (the reprs of immutable items still in the queue, the last state compared by `==` instead of
 * by repr). Checked here against the plain way, written out: every item's brepr, the state's
 * repr compared with the last one, on random edits of a queue — items equal but not the same
 * (1, 1.0, True; 0.0, -0.0), one object queued twice, a list mutated while queued, middle
 * items swapped, waiters coming and going, a maxsize or count that is not an int.
 *
 * The plain way includes the FIFO's quick probe as it is (same length, counts and end items:
 * no new state), which misses some edits (a middle item swapped, a queued list mutated): a
 * faster tracer must record the very same states, misses included.
 */
import { expect, test } from 'vitest';
import { nodeTracer } from './tracer.node.ts';

const CHECK = `
import asyncio, random
from eventlooplab import awaiting, objects, recorder, reprs

def ref_state(q):
    items = list(q._queue)
    if isinstance(q, asyncio.LifoQueue):
        items.reverse()
    shown = [reprs.brepr(x) for x in items[:20]]
    if len(items) > 20:
        shown.append("… %d more" % (len(items) - 20))
    return {"items": shown, "max": q._maxsize, "get": awaiting.waiter_tasks(q._getters),
            "put": awaiting.waiter_tasks(q._putters), "unfinished": q._unfinished_tasks}

def run(seed, kind, steps):
    rng = random.Random(seed)
    recorder.reset({}, None)
    objects.reset()
    awaiting.reset()
    q = kind()
    shared = [1]
    pool = [1, 1.0, True, 0.0, -0.0, float("nan"), None, "a", "b" * 70, b"x", 2**200,
            (1, "x"), (1.0,), (True,), ([1],), shared, (1, (2, 3))]
    waiters = []
    oid = objects.track(q)
    last = repr(ref_state(q))
    expected = [last]
    probe = None
    for step in range(steps):
        for _ in range(rng.choice([1, 1, 1, 2, 3])):
            op = rng.randrange(12)
            d = q._queue
            if op < 4:
                k = rng.randrange(4)
                x = rng.choice(pool) if k else (rng.randrange(3), "u%d" % rng.randrange(2))
                for _ in range(rng.choice([1, 1, 1, 25])):
                    d.append(x)
            elif op < 7 and d:
                d.popleft() if kind is asyncio.Queue else d.pop()
            elif op == 7 and len(d) > 2:
                i = rng.randrange(len(d) - 1)
                d[i], d[i + 1] = d[i + 1], d[i]
            elif op == 8:
                shared.append(step)
            elif op == 9:
                f = object()
                waiters.append(f)
                (q._getters if rng.random() < 0.5 else q._putters).append(f)
                awaiting.awaits(rng.randrange(1, 4), f)
            elif op == 10 and waiters:
                f = waiters.pop(rng.randrange(len(waiters)))
                for w in (q._getters, q._putters):
                    if f in w:
                        w.remove(f)
                awaiting.resumed(awaiting._awaited.get(id(f), 0))
            elif op == 11:
                if rng.random() < 0.5:
                    q._maxsize = rng.choice([0, 8, 8.0, True, 0.0, -0.0])
                else:
                    q._unfinished_tasks = rng.choice([0, 1, 1.0, True, 2])
        objects.check_all()
        if kind is asyncio.Queue:
            d = q._queue
            now = ((len(d), len(q._getters), len(q._putters), q._unfinished_tasks),
                   (d[0], d[-1]) if d else ())
            if probe is not None and probe[0] == now[0] and len(probe[1]) == len(now[1]) and all(
                    a is b for a, b in zip(probe[1], now[1])):
                continue
            probe = now
        s = ref_state(q)
        if repr(s) != last:
            last = repr(s)
            expected.append(last)
    got = [repr(e["s"]) for e in recorder.EV if type(e) is dict and e.get("k") == "state"
           and e["o"] == oid]
    recorder.active = False
    objects.reset()
    awaiting.reset()
    return got, expected
`;

test.each([
  ['asyncio.Queue', 1],
  ['asyncio.Queue', 2],
  ['asyncio.LifoQueue', 3],
])(
  '%s (seed %i): the states recorded are the plain way’s, no more, no fewer',
  async (kind, seed) => {
    const tracer = await nodeTracer();
    tracer.pyodide.runPython(CHECK);
    const [got, expected] = tracer.pyodide.runPython(`run(${seed}, ${kind}, 3000)`).toJs();
    expect(got).toEqual(expected);
    expect(expected.length).toBeGreaterThan(1000);
  },
);
