/**
 * The per-line locals diff looks only at the names a line can change (writes.py): a line of
 * plain instructions changes just its targets; a call, a store into an item, an in-place
 * operator may change anything, and the whole frame is diffed. Aliases must still show.
 */
import { expect, test } from 'vitest';
import { nodeTracer } from './tracer.node.ts';

test('the static map of a function: plain lines name their targets, other lines name none', async () => {
  const tracer = await nodeTracer();
  tracer.pyodide.globals.set(
    'SRC',
    'def f(a):\n    n, m = a, 2\n    a.append(n)\n    a[0] = m\n    k = n + m\n    k += 1\n    del k\n',
  );
  const plan = tracer.pyodide
    .runPython(
      'from eventlooplab import writes\nc = compile(SRC, "main.py", "exec").co_consts[0]\n' +
        'p = writes.plan(c)\n[sorted(p[n]) if p[n] is not None else "all" for n in range(2, 8)]',
    )
    .toJs();
  expect(plan).toEqual([['m', 'n'], 'all', 'all', ['k'], 'all', ['k']]);
});

test('aliases and mutations show at the next line as they did with a whole-frame diff', async () => {
  const tracer = await nodeTracer();
  const source =
    'def f():\n    a = [1]\n    b = a\n    b.append(2)\n    x = 1\n    b += [3]\n    del x\n    return a\nf()\n';
  const trace = JSON.parse(tracer.traceJson(source));
  const locals = trace.events.filter(
    (e: { k?: string; f?: number }) => e.k === 'locals' && e.f === 2,
  );
  expect(locals.map((e: { v: object; d?: string[] }) => [e.v, e.d ?? []])).toEqual([
    [{ a: '[1]' }, []],
    [{ b: '[1]' }, []],
    [{ a: '[1, 2]', b: '[1, 2]' }, []],
    [{ x: '1' }, []],
    [{ a: '[1, 2, 3]', b: '[1, 2, 3]' }, []],
    [{}, ['x']],
  ]);
});
