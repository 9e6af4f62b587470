import { describe, expect, it } from 'vitest';
import type { RuntimeStatus } from '../runtime/client.ts';
import type { Trace } from '../runtime/run-trace.ts';
import {
  buildReplayIndex,
  CHECKPOINT_INTERVAL,
  extendReplayIndex,
  stateAt,
} from '../trace/index.ts';
import { syntheticTrace } from '../trace/synthetic.ts';
import { createLabStore } from './create-lab-store.ts';
import { type IdleScheduler, warmReplayIndexes } from './replay-warmup.ts';
import { memoryTextStore } from './slices/editor.ts';

function idleStore() {
  const status: RuntimeStatus = { state: 'ready', pythonVersion: '3.14.2', loadMs: 1 };
  return createLabStore({
    runner: {
      run: () => new Promise<Trace>(() => {}),
      stop() {},
      getStatus: () => status,
      subscribe: () => () => {},
    },
    textStore: memoryTextStore(),
    defaultSource: '',
  });
}

/** Slices queued, run by hand; the clock moves 1 ms each time it is read. */
function fakeScheduler() {
  const queue: ((budget: number) => void)[] = [];
  let clock = 0;
  const scheduler: IdleScheduler = {
    now: () => clock++,
    later(slice) {
      queue.push(slice);
      return () => {
        const i = queue.indexOf(slice);
        if (i >= 0) queue.splice(i, 1);
      };
    },
  };
  return { scheduler, queue };
}

/** Whether every checkpoint of `trace` is built (asks to build none). */
const built = (trace: Trace) => extendReplayIndex(trace, () => false);

describe('warming the replay index in idle slices', () => {
  const trace = syntheticTrace(CHECKPOINT_INTERVAL * 40 + 5, { seed: 9 });

  it('builds every checkpoint of the shown trace over several short slices', () => {
    const store = idleStore();
    const { scheduler, queue } = fakeScheduler();
    warmReplayIndexes(store, scheduler);
    const shown: Trace = { ...trace };
    store.setState({ trace: shown });
    let slices = 0;
    while (queue.length > 0) {
      (queue.shift() as (budget: number) => void)(100);
      slices++;
    }
    expect(slices).toBeGreaterThan(1);
    expect(built(shown)).toBe(true);
    const full: Trace = { ...trace };
    buildReplayIndex(full);
    for (const step of [0, CHECKPOINT_INTERVAL * 7 - 1, CHECKPOINT_INTERVAL * 40 + 4]) {
      expect(stateAt(shown, step)).toEqual(stateAt(full, step));
    }
  });

  it('moves on to a new trace, and stops when asked', () => {
    const store = idleStore();
    const { scheduler, queue } = fakeScheduler();
    const stop = warmReplayIndexes(store, scheduler);
    const first: Trace = { ...trace };
    const second: Trace = { ...trace };
    store.setState({ trace: first });
    (queue.shift() as (budget: number) => void)(2);
    store.setState({ trace: second });
    expect(queue).toHaveLength(1);
    stop();
    expect(queue).toHaveLength(0);
    expect(built(first)).toBe(false);
  });

  it('leaves a short trace alone', () => {
    const store = idleStore();
    const { scheduler, queue } = fakeScheduler();
    warmReplayIndexes(store, scheduler);
    store.setState({ trace: syntheticTrace(100) });
    expect(queue).toHaveLength(0);
  });
});
