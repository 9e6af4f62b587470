/**
 * Focus re-runs (src/trace/focus.ts) through the real tracer: a re-run with a focus window at
 * step N writes the very events of the first run up to N, and the locals it gives at a step
 * are the locals a run recording them everywhere has there.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import {
  type FocusMap,
  FocusMismatchError,
  focusRequest,
  mapFocus,
  withFocusLocals,
} from '../trace/focus.ts';
import { findFrame, parseTrace } from '../trace/index.ts';
import type { Trace } from '../trace/types.ts';
import { isFinished } from '../trace/words/names.ts';
import { type NodeTracer, nodeTracer, type TraceOptions } from './tracer.node.ts';

const corpusDir = fileURLToPath(new URL('../../tests/corpus/', import.meta.url));
const programs = readdirSync(corpusDir).filter((f) => f.endsWith('.py'));
const realistic = fileURLToPath(
  new URL('../../scripts/bench/programs/realistic.py', import.meta.url),
);

let tracer: NodeTracer;
beforeAll(async () => {
  tracer = await nodeTracer();
});

const trace = (source: string, options: TraceOptions): Trace =>
  parseTrace(tracer.traceJson(source, options));

/** The innermost frame of each task still running (a finished task's card shows no locals),
 * and of the module level when it runs a line (a callback's frame outlives its call), at
 * `step`, as the cards read them. */
function cards(original: Trace, other: Trace, map: FocusMap, step: number) {
  const state = withFocusLocals(original, other, map, step);
  if (state === null) return null;
  const frame = (id: number | null) => {
    const f = id === null ? undefined : findFrame(state, id as never);
    return f ? { fn: f.fn, locals: f.locals } : null;
  };
  return {
    module:
      state.holder === null && typeof original.events[step] === 'number'
        ? frame(state.mainFrame)
        : null,
    tasks: state.tasks
      .filter((t) => !isFinished(t.state))
      .map((t) => ({ task: t.id, frame: frame(t.frame) })),
  };
}

const SCALAR = /^(-?\d|'|"|b'|b"|None$|True$|False$)/;

/**
 * `got` with each value that differs from `want` only as a mutable object can taken from `want`.
 * A run recording locals everywhere shows a suspended task's list or task object as of the
 * task's last line; the focus run reads it afresh when its window opens (an append by another
 * task, a task that has finished since, show). Names, and every scalar value, must agree.
 */
function settle<T>(got: T, want: T): T {
  if (typeof got === 'string' && typeof want === 'string')
    return (got !== want && !SCALAR.test(want) && !SCALAR.test(got) ? want : got) as T;
  if (typeof got !== 'object' || got === null || typeof want !== 'object' || want === null)
    return got;
  const out: Record<string, unknown> = Array.isArray(got) ? ([] as never) : {};
  for (const [k, v] of Object.entries(got))
    out[k] = settle(v, (want as Record<string, unknown>)[k]);
  return out as T;
}

/** Traces `source` with a short first window, re-runs it focused at each step of `at`, and
 * compares the locals there with a run recording them everywhere. */
function check(
  name: string,
  source: string,
  base: TraceOptions,
  at: number[],
  { every = 1, focusSteps = 300 } = {},
) {
  const original = trace(source, { ...base, suspendLocals: false });
  const full = trace(source, {
    ...base,
    suspendLocals: false,
    detailSteps: 100_000_000,
    maxSteps: (base.maxSteps ?? 2_000_000) * 6, // more events per line: not stopped sooner
  });
  const fullMap = mapFocus(original, full, 0);
  let compared = 0;
  for (const n of at) {
    const focus = trace(source, {
      ...base,
      suspendLocals: false,
      focusFrom: n,
      focusSteps,
      stopAfterFocus: true,
      maxSteps: n + focusSteps + 1,
    });
    // The property the page relies on: identical events, place by place, up to the window.
    const upTo = Math.min(n, original.events.length);
    expect(JSON.stringify(focus.events.slice(0, upTo)), name).toBe(
      JSON.stringify(original.events.slice(0, upTo)),
    );
    const map = mapFocus(original, focus);
    expect(map.from).toBeGreaterThanOrEqual(upTo);
    if (map.at.length > 0) expect(map.at[0]).toBeGreaterThanOrEqual(map.from); // inside: exact
    for (let s = map.from; s < original.events.length; s += every) {
      const got = cards(original, focus, map, s);
      if (got === null) break; // past the re-run's end
      const want = cards(original, full, fullMap, s);
      expect(settle(got, want), `${name} focused at ${n}, step ${s}`).toEqual(want);
      compared++;
    }
  }
  return { compared, original };
}

// About 350 runs of the corpus programs, and three of a 200,000-step one: minutes on a loaded
// machine, not the project's two.
const SLOW = 300_000;

describe('a focus re-run', () => {
  test(
    'agrees with the run up to its window, and gives the locals of a run that records all',
    () => {
      let compared = 0;
      const mismatched = new Set<string>();
      for (const program of programs) {
        const source = readFileSync(corpusDir + program, 'utf8');
        const base = { detailSteps: 30, maxSteps: 20_000 };
        const steps = trace(source, { ...base, suspendLocals: false }).events.length;
        const at = [Math.floor(steps / 3), Math.floor((2 * steps) / 3)];
        try {
          compared += check(
            program,
            source,
            base,
            at.filter((n) => n > base.detailSteps),
          ).compared;
        } catch (e) {
          if (!(e instanceof FocusMismatchError)) throw e;
          mismatched.add(program);
        }
      }
      expect(compared).toBeGreaterThan(5_000);
      // Recording locals takes stack of its own, so a program that hits the recursion limit hits
      // it at another depth: the runs differ, and the mapping says so instead of mixing them.
      expect([...mismatched]).toEqual(['54-recursion-error.py']);
    },
    SLOW,
  );

  test(
    'covers a far step of a long program (the realistic benchmark)',
    () => {
      const source = readFileSync(realistic, 'utf8');
      const { original, compared } = check('realistic', source, {}, [150_000], {
        every: 7,
        focusSteps: 3_000,
      });
      expect(compared).toBeGreaterThan(50);
      // The page asks for the block around the step: inside the trace's own window, nothing.
      expect(focusRequest(original, 10)).toBeNull();
      expect(focusRequest(original, 150_500)).toMatchObject({ focusFrom: 149_900 });
    },
    SLOW,
  );
});
