import { describe, expect, it } from 'vitest';
import type { RuntimeStatus } from '../runtime/client.ts';
import type { Trace } from '../runtime/run-trace.ts';
import { exampleTrace } from '../trace/example.ts';
import { handoffSteps } from '../trace/index.ts';
import { createLabStore } from './create-lab-store.ts';
import { playgroundRoute, shareRoute } from './selectors.ts';
import { memoryTextStore } from './slices/editor.ts';
import { HANDOFF_INTERVAL_MS, nextPlayStep, speedLabel } from './slices/playback.ts';
import type { Runner } from './slices/run.ts';

/** A runner that answers every run with the given trace at once. */
function instantRunner(trace: Trace): Runner {
  const status: RuntimeStatus = { state: 'ready', pythonVersion: '3.14.2', loadMs: 1 };
  return {
    run: async () => trace,
    stop() {},
    getStatus: () => status,
    subscribe: () => () => {},
  };
}

async function storeWithTrace(step?: number) {
  const trace = exampleTrace();
  const store = createLabStore({
    runner: instantRunner(trace),
    textStore: memoryTextStore(),
    defaultSource: trace.source,
  });
  await store.getState().run({ step });
  return { store, trace, s: () => store.getState() };
}

describe('the playback cursor', () => {
  it('starts at the first step after a run, or at the step asked for', async () => {
    expect((await storeWithTrace()).s().step).toBe(0);
    expect((await storeWithTrace(17)).s().step).toBe(17);
    // A link's step beyond the end lands on the last step.
    expect((await storeWithTrace(10_000)).s().step).toBe(40);
  });

  it('steps forward and back, clamped to the trace', async () => {
    const { s } = await storeWithTrace();
    s().stepBack();
    expect(s().step).toBe(0);
    s().stepForward();
    s().stepForward();
    expect(s().step).toBe(2);
    s().lastStep();
    expect(s().step).toBe(40);
    s().stepForward();
    expect(s().step).toBe(40);
    s().firstStep();
    expect(s().step).toBe(0);
    s().seek(-5);
    expect(s().step).toBe(0);
    s().seek(12.7);
    expect(s().step).toBe(12);
  });

  it('jumps from handoff to handoff', async () => {
    const { s, trace } = await storeWithTrace();
    const handoffs = [...handoffSteps(trace)];
    expect(handoffs).toEqual([9, 19, 20, 26, 29, 33, 35, 39]);
    const visited: number[] = [];
    for (let i = 0; i < handoffs.length; i++) {
      s().nextHandoff();
      visited.push(s().step);
    }
    expect(visited).toEqual(handoffs);
    s().nextHandoff(); // no more: the last step
    expect(s().step).toBe(40);
    s().prevHandoff();
    expect(s().step).toBe(39);
    s().seek(21);
    s().prevHandoff();
    expect(s().step).toBe(20);
    s().seek(5);
    s().prevHandoff(); // none before: the first step
    expect(s().step).toBe(0);
  });

  it('plays at its speed, skipping steps that show nothing new, and stops at the end', async () => {
    const { s, trace } = await storeWithTrace();
    s().setSpeed(10);
    s().play();
    expect(s().playing).toBe(true);
    s().tick(50); // half a step's worth
    expect(s().step).toBe(0);
    s().tick(50);
    expect(s().step).toBe(2); // step 1 is an `in` event: nothing to see
    s().tick(200);
    expect(s().step).toBe(4);
    // A long pause (a background tab) does not make it lurch ahead.
    s().tick(60_000);
    expect(s().step).toBeLessThanOrEqual(7);
    while (s().playing) s().tick(100);
    expect(s().step).toBe(trace.events.length - 1);
    // Play at the end starts again from the beginning.
    s().play();
    expect(s().step).toBe(0);
    expect(s().playing).toBe(true);
  });

  it('plays handoff by handoff', async () => {
    const { s } = await storeWithTrace();
    s().setSpeed('handoffs');
    s().play();
    s().tick(HANDOFF_INTERVAL_MS);
    expect(s().step).toBe(9);
    s().tick(HANDOFF_INTERVAL_MS);
    expect(s().step).toBe(19);
  });

  it('stops playing when the learner moves the cursor or runs again', async () => {
    const { s } = await storeWithTrace();
    s().play();
    s().stepForward();
    expect(s().playing).toBe(false);
    s().togglePlay();
    expect(s().playing).toBe(true);
    s().togglePlay();
    expect(s().playing).toBe(false);
    s().play();
    const done = s().run();
    expect(s().playing).toBe(false);
    await done;
  });

  it('has nothing to play without a trace', () => {
    const store = createLabStore({
      runner: instantRunner(exampleTrace()),
      textStore: memoryTextStore(),
      defaultSource: '',
    });
    store.getState().play();
    expect(store.getState().playing).toBe(false);
    store.getState().stepForward();
    expect(store.getState().step).toBe(0);
  });

  it('never plays past the last step', () => {
    const trace = exampleTrace();
    expect(nextPlayStep(trace, 39, 50)).toBe(40);
    expect(nextPlayStep(trace, 40, 50)).toBeNull();
    expect(nextPlayStep(trace, 39, 'handoffs')).toBe(40);
  });
});

describe('the editor slice', () => {
  it('opens a shared program, and Reset goes back to it', () => {
    const text = memoryTextStore('mine');
    const store = createLabStore({
      runner: instantRunner(exampleTrace()),
      textStore: text,
      defaultSource: 'default',
    });
    const s = () => store.getState();
    s().setSource('mine, edited');
    s().resetSource();
    expect(s().source).toBe('default');
    s().openProgram('shared');
    s().setSource('shared, edited');
    expect(text.text).toBe('shared, edited');
    s().resetSource();
    expect(s().source).toBe('shared');
    expect(text.text).toBe('shared');
  });
});

describe('the URL of what is open', () => {
  it('names the program once it is edited or run, and the step once it is shown', async () => {
    const trace = exampleTrace();
    const store = createLabStore({
      runner: instantRunner(trace),
      textStore: memoryTextStore(),
      defaultSource: trace.source,
    });
    const s = () => store.getState();
    const route = () => playgroundRoute(s(), trace.source);
    expect(route()).toEqual({ page: 'playground', code: null, step: null });
    expect(shareRoute(s())).toEqual({ page: 'playground', code: trace.source, step: null });
    const done = s().run({ step: 7 });
    expect(route()).toEqual({ page: 'playground', code: trace.source, step: 7 });
    await done;
    s().seek(12);
    expect(route()).toEqual({ page: 'playground', code: trace.source, step: 12 });
    expect(shareRoute(s())).toEqual({ page: 'playground', code: trace.source, step: 12 });
    s().setSource('print("changed")');
    expect(route()).toEqual({ page: 'playground', code: 'print("changed")', step: null });
    expect(shareRoute(s()).step).toBeNull();
  });
});

describe('speed labels', () => {
  it('count steps in the singular and the plural', () => {
    expect(speedLabel(1)).toBe('1 step/s');
    expect(speedLabel(5)).toBe('5 steps/s');
    expect(speedLabel('handoffs')).toBe('handoffs only');
  });
});
