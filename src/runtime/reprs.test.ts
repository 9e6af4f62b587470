/**
 * reprs.py's shortcuts (C's repr for small flat containers, the inline cases in _short, the
 * snapshot's scalar reprs) claim the very text of the plain recursive walk with its budget,
 * after brepr's cut at 80 characters. Checked here against that walk, written out plainly,
 * on random nested values: ints around the 10**40 limit, floats, strs around the 60-character
 * limit and with escapes, containers around the 8-item limit, nested past the depth limit.
 * (Not covered: a str holding " at 0x<hex>" inside a container whose repr runs past the cut,
 * where C's repr and the walk differ after the address is removed: shown either way without
 * the address, and left as it was.)
 */
import { expect, test } from 'vitest';
import { nodeTracer } from './tracer.node.ts';

const REFERENCE = `
import random
from collections import deque
from eventlooplab import reprs

def ref_r(obj, depth, budget=80):
    t = type(obj)
    if t is int:
        return repr(obj) if -10**40 < obj < 10**40 else "<int of %d bits>" % obj.bit_length()
    if t is str:
        return repr(obj) if len(obj) <= 60 else repr(obj[:57]) + "..."
    if t in (bool, type(None), float, complex):
        return repr(obj)
    if t is bytes:
        return repr(obj) if len(obj) <= 40 else repr(obj[:37]) + "..."
    if depth >= 2 and t in (list, tuple, dict, set, frozenset, deque):
        return "[...]" if t is list else "{...}" if t in (dict, set) else "(...)"
    if t is list:
        return ref_seq(obj, depth, "[", "]", budget)
    if t is tuple:
        return ref_seq(obj, depth, "(", ")", budget)
    if t is dict:
        parts, used = [], 0
        for k, v in obj.items():
            if used > budget or len(parts) == 8:
                parts.append("...")
                break
            key = ref_r(k, depth + 1, budget - used)
            part = key + ": " + ref_r(v, depth + 1, budget - used - len(key))
            parts.append(part)
            used += len(part) + 2
        return "{" + ", ".join(parts) + "}"
    raise TypeError(t)

def ref_seq(items, depth, open_, close, budget):
    parts, used = [], 0
    for x in items:
        if used > budget or len(parts) == 8:
            parts.append("...")
            break
        part = ref_r(x, depth + 1, budget - used)
        parts.append(part)
        used += len(part) + 2
    if open_ == "(" and len(parts) == 1:
        return "(%s,)" % parts[0]
    return open_ + ", ".join(parts) + close

def ref_brepr(obj):
    s = ref_r(obj, 0)
    if " at 0x" in s:
        s = reprs._address.sub("", s)
    if len(s) > 80:
        s = s[:77] + "..."
    return s

def value(rng, depth):
    k = rng.random()
    if depth < 3 and k < 0.35:
        n = rng.choice([0, 1, 2, 3, 7, 8, 9, 12])
        kind = rng.choice(["list", "tuple", "dict"])
        if kind == "dict":
            return {scalar(rng): value(rng, depth + 1) for _ in range(n)}
        items = [value(rng, depth + 1) for _ in range(n)]
        return items if kind == "list" else tuple(items)
    return scalar(rng)

def scalar(rng):
    k = rng.randrange(9)
    if k == 0:
        return rng.randrange(-10**6, 10**6)
    if k == 1:
        return rng.choice([10**40 - 1, 10**40, -10**40, 2**200, 0])
    if k == 2:
        return rng.choice([0.5, -0.0, 1e300, float("nan"), 3.0])
    if k == 3:
        return rng.choice([True, False, None])
    if k == 5:
        return "\\x00" * rng.randrange(0, 62)
    return "w" * rng.choice([0, 1, 5, 20, 40, 58, 59, 60, 61, 62, 70])


def check(seed, n):
    rng = random.Random(seed)
    bad = []
    for _ in range(n):
        v = value(rng, 0)
        a, b = reprs.brepr(v), ref_brepr(v)
        if a != b:
            bad.append("%s != %s" % (a, b))
    return bad[:3]
`;

test("brepr gives the plain walk's text on random nested values", async () => {
  const tracer = await nodeTracer();
  tracer.pyodide.runPython(REFERENCE);
  const bad = tracer.pyodide.runPython('check(7, 5000)').toJs();
  expect(bad).toEqual([]);
});

test("the locals diff's scalar shortcut gives brepr's text", async () => {
  const tracer = await nodeTracer();
  const bad = tracer.pyodide
    .runPython(`
import random
from eventlooplab import reprs, monitor
rng = random.Random(3)
def sc():
    k = rng.randrange(6)
    if k == 0: return rng.choice([0, 5, 10**40 - 1, 10**40, -10**40, 2**300])
    if k == 1: return "w" * rng.choice([0, 5, 58, 59, 60, 61])
    if k == 2: return "\\x00" * rng.randrange(0, 30)
    if k == 3: return rng.choice([None, True, 1.5, float("nan")])
    if k == 4: return "a at 0x%x" % rng.randrange(1 << 20)
    return rng.randrange(-999, 999)
bad = []
for _ in range(5000):
    v = sc() if rng.random() < 0.5 else tuple(sc() for _ in range(rng.randrange(0, 9)))
    if monitor._scalar_repr(v, type(v)) != reprs.brepr(v):
        bad.append(reprs.brepr(v))
bad[:3]
`)
    .toJs();
  expect(bad).toEqual([]);
});
