import { describe, expect, it } from 'vitest';
import { fakeRunner } from '../../tests/fixtures/store.ts';
import { trace } from '../../tests/fixtures/trace.ts';
import type { RunOptions } from '../runtime/protocol.ts';
import { FOCUS_BLOCK, type RawEvent, type Trace } from '../trace/index.ts';
import { createLabStore } from './create-lab-store.ts';
import { focusedPicture } from './focus-view.ts';
import { memoryTextStore } from './slices/editor.ts';
import { FOCUS_KEPT, type FocusRunner } from './slices/focus.ts';

const STEPS = 10 * FOCUS_BLOCK;
/** A long run of line events that kept no locals past its first 100 steps. */
const long = trace({
  source: 'print(1)\n',
  events: new Array<RawEvent>(STEPS).fill(1),
  stats: { steps: STEPS, lines: STEPS, detailSteps: 100, suspendLocals: false },
});

/** A focus runner whose runs the test ends; each re-run is the run itself, as the tracer's
 * would be for a program with no locals. */
function focusRunner() {
  const asked: RunOptions[] = [];
  const pending: (() => void)[] = [];
  const runner: FocusRunner = {
    run(_source, options) {
      asked.push(options);
      const focus: Trace = {
        ...long,
        stats: { ...long.stats, focusFrom: options.focusFrom, focusSteps: options.focusSteps },
      };
      return new Promise((resolve) => pending.push(() => resolve(focus)));
    },
  };
  return { runner, asked, pending };
}

function storeWith(focus: FocusRunner) {
  const store = createLabStore({
    runner: fakeRunner(),
    textStore: memoryTextStore(),
    defaultSource: 'x',
    focusRunner: focus,
  });
  store.setState({ trace: long });
  return store;
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('focus runs', () => {
  it('are made one at a time, the latest request waiting, and kept for a few blocks', async () => {
    const { runner, asked, pending } = focusRunner();
    const store = storeWith(runner);
    const picture = (step: number) =>
      focusedPicture(store.getState().focusRuns, long, step, store.getState().canFocus);
    expect(picture(50).locals).toBeNull(); // inside the trace's own window
    expect(picture(5_000).locals).toEqual({ busy: true }); // not asked for yet
    store.getState().requestFocus(5_000);
    store.getState().requestFocus(9_000); // waits…
    store.getState().requestFocus(13_000); // …and takes the place of the one waiting
    expect(asked).toHaveLength(1);
    expect(picture(5_000).locals).toEqual({ busy: true });
    pending.shift()?.();
    await settle();
    expect(picture(5_000).locals).toBeNull();
    expect(picture(5_001).state.step).toBe(5_001);
    expect(asked.map((o) => o.focusFrom)).toEqual([3_900, 11_900]);
    pending.shift()?.();
    await settle();
    for (const step of [1_000, 7_000, 15_000, 17_000]) {
      store.getState().requestFocus(step);
      pending.shift()?.();
      await settle();
    }
    expect(store.getState().focusRuns).toHaveLength(FOCUS_KEPT);
    store.getState().requestFocus(17_500); // kept: no new run
    expect(asked).toHaveLength(6);
  });

  it('say when the re-run does not agree with the run, rather than show its locals', async () => {
    const store = storeWith({
      run: async (_source, options) => ({
        ...long,
        events: [2],
        stats: { ...long.stats, focusFrom: options.focusFrom },
      }),
    });
    store.getState().requestFocus(5_000);
    await settle();
    const { locals } = focusedPicture(store.getState().focusRuns, long, 5_000, true);
    expect(locals).toMatchObject({ busy: false, text: expect.stringMatching(/differs/) });
  });
});
