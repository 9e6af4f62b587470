import { describe, expect, test } from 'vitest';
import {
  FOCUS_BLOCK,
  FocusMismatchError,
  focusRequest,
  focusStep,
  hasSuspendLocals,
  mapFocus,
  withFocusLocals,
} from './focus.ts';
import { findFrame } from './state.ts';
import { rebuildTables } from './tables.ts';
import type { RawEvent, Trace } from './types.ts';

/** A trace of `events` (one task), as a tracer of `version` would write it. */
function traceOf(events: RawEvent[], stats: Partial<Trace['stats']> = {}, version = 2): Trace {
  return {
    format: 'asyncio-trace',
    version: version as 1,
    python: '3.14.2',
    file: 'main.py',
    source: 'x\n',
    status: 'completed',
    stdout: '',
    stderr: '',
    error: null,
    limit: null,
    ...rebuildTables(events),
    simulated: [],
    stats: { steps: events.length, lines: 0, detailFrom: 0, detailSteps: 2, ...stats },
    events,
  };
}

const start = [
  { k: 'task-created', t: 1, name: 'Task-1', coro: 'main', user: true, by: null },
  { k: 'ready', h: 1, t: 1 },
  { k: 'resume', t: 1, h: 1 },
] as unknown as RawEvent[];
// The first run: no locals past its window of 2 steps.
const original = traceOf([
  ...start,
  { k: 'frame', f: 1, fn: 'main', t: 1 },
  { k: 'in', f: 1 },
  1,
  2,
  3,
  { k: 'suspend', t: 1, w: { on: 'yield' } },
] as RawEvent[]);
// Its focus re-run from step 4: the same events, and locals at every line from there.
const focus = traceOf(
  [
    ...start,
    { k: 'frame', f: 1, fn: 'main', t: 1 },
    { k: 'in', f: 1 },
    1,
    { k: 'locals', f: 1, v: { n: '1' } },
    2,
    { k: 'locals', f: 1, v: { n: '2' } },
    3,
    { k: 'suspend', t: 1, w: { on: 'yield' } },
  ] as RawEvent[],
  { focusFrom: 6, focusSteps: 100 },
);

describe('focus re-runs', () => {
  test('are asked for outside the window of a trace without suspend locals only', () => {
    expect(hasSuspendLocals(original)).toBe(false);
    expect(focusRequest(original, 1)).toBeNull(); // inside the detail window
    expect(focusRequest(original, 99)).toBeNull(); // no such step
    expect(focusRequest(traceOf(original.events as RawEvent[], {}, 1), 5)).toBeNull();
    const far = traceOf(original.events as RawEvent[], { steps: 10 * FOCUS_BLOCK });
    const asked = focusRequest({ ...far, events: new Array(10 * FOCUS_BLOCK).fill(1) }, 5_500);
    expect(asked).toMatchObject({ detailFrom: 0, detailSteps: 2, stopAfterFocus: true });
    // The block holding the step, begun a little early (a window opens at a line).
    expect(asked?.focusFrom).toBeLessThanOrEqual(4_000);
    expect(asked?.focusFrom).toBeGreaterThan(3_800);
    expect(asked?.maxSteps).toBeGreaterThan((asked?.focusFrom ?? 0) + (asked?.focusSteps ?? 0));
  });

  test('map each step to the same moment of the re-run, and read exact locals there', () => {
    const map = mapFocus(original, focus);
    expect(map.from).toBe(6);
    expect([6, 7, 8].map((s) => focusStep(map, s))).toEqual([7, 9, 10]);
    expect(focusStep(map, 5)).toBeNull();
    const state = withFocusLocals(original, focus, map, 7);
    const task = state?.tasks[0];
    expect(task && state ? findFrame(state, task.frame as never)?.locals : null).toEqual({
      n: '2',
    });
  });

  test('refuse runs that differ, rather than show locals from another moment', () => {
    const other = traceOf([...(focus.events.slice(0, 9) as RawEvent[]), 4], { focusFrom: 6 });
    expect(() => mapFocus(original, other)).toThrow(FocusMismatchError);
    const early = traceOf([...start, 7], { focusFrom: 6 });
    expect(() => mapFocus(original, early)).toThrow(/differs from the run at step 3/);
  });
});
