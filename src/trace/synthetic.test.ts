import { describe, expect, it } from 'vitest';
import { applyRange } from './apply-event.ts';
import { nextHandoff, prevHandoff } from './handoffs.ts';
import { checkInvariants } from './invariants.ts';
import { outputTextAt } from './output.ts';
import { parseTrace } from './parse.ts';
import { buildReplayIndex, CHECKPOINT_INTERVAL, stateAt } from './replay.ts';
import type { LoopState } from './state.ts';
import { syntheticTrace } from './synthetic.ts';
import type { Trace } from './types.ts';
import { freezeState, initialWorking } from './working-state.ts';

const STEPS = 1_000_000;
const SLOW = { timeout: 120_000 };

/** Seeded so that a failure is reproducible. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (Math.imul(a, 1664525) + 1013904223) >>> 0;
    return a / 2 ** 32;
  };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] as number;
}

describe('syntheticTrace', () => {
  it('has exactly the steps asked for, and is deterministic', () => {
    const a = syntheticTrace(5000);
    expect(a.events).toHaveLength(5000);
    expect(a.stats.steps).toBe(5000);
    expect(syntheticTrace(5000)).toEqual(a);
    expect(syntheticTrace(5000, { seed: 2 })).not.toEqual(a);
    expect(checkInvariants(a)).toEqual([]);
  });

  describe('a 1,000,000-step trace', () => {
    let trace: Trace;

    it('is a valid trace that keeps every invariant and uses every event kind', SLOW, () => {
      trace = syntheticTrace(STEPS);
      expect(trace.events).toHaveLength(STEPS);
      expect(parseTrace(JSON.stringify(trace))).toEqual(trace);
      expect(checkInvariants(trace)).toEqual([]);
      const kinds = new Set(trace.events.map((e) => (typeof e === 'number' ? 'line' : e.k)));
      expect([...kinds].sort()).toEqual(
        [
          'line',
          'task-created',
          'task-name',
          'resume',
          'suspend',
          'task-done',
          'loop',
          'ready',
          'timer',
          'due',
          'cancel',
          'callback',
          'clock',
          'block',
          'out',
          'object',
          'state',
          'frame',
          'in',
          'locals',
          'net',
        ].sort(),
      );
      expect(trace.tasks.length).toBeGreaterThan(20);
    });

    it('stateAt at random steps equals a plain fold from step 0', SLOW, () => {
      const random = seeded(42);
      const K = CHECKPOINT_INTERVAL;
      const steps = [
        -1,
        0,
        K - 1,
        K,
        STEPS - 1,
        ...Array.from({ length: 60 }, () => Math.floor(random() * STEPS)),
      ];
      // Seek in random order (forwards, backwards, far and near)…
      const got = new Map<number, LoopState>();
      for (const step of steps) got.set(step, stateAt(trace, step));
      // …and compare with one plain fold that stops at each sampled step in turn.
      const w = initialWorking();
      for (const step of [...new Set(steps)].sort((a, b) => a - b)) {
        applyRange(w, trace.events, w.step + 1, step);
        expect(got.get(step), `step ${step}`).toEqual(freezeState(w, trace.events));
      }
    });

    it('seeks fast once indexed (timings printed, not asserted)', SLOW, () => {
      const fresh: Trace = { ...trace }; // a new object: no cached index
      let started = performance.now();
      buildReplayIndex(fresh);
      const build = performance.now() - started;

      const random = seeded(7);
      const seeks: number[] = [];
      for (let i = 0; i < 2000; i++) {
        const step = Math.floor(random() * STEPS);
        started = performance.now();
        stateAt(fresh, step);
        seeks.push(performance.now() - started);
      }
      seeks.sort((a, b) => a - b);

      const from = Math.floor(STEPS / 2);
      started = performance.now();
      for (let step = from; step < from + 1000; step++) stateAt(fresh, step);
      const stepping = (performance.now() - started) / 1000;

      started = performance.now();
      let step: number | null = 0;
      let jumps = 0;
      while (step !== null && jumps < 1000) {
        step = nextHandoff(fresh, step);
        if (step !== null) stateAt(fresh, step);
        jumps++;
      }
      const handoffJump = (performance.now() - started) / jumps;
      expect(prevHandoff(fresh, STEPS)).not.toBeNull();
      expect(outputTextAt(fresh, STEPS - 1).stdout).toBe(fresh.stdout);

      const ms = (x: number) => `${x.toFixed(3)} ms`;
      console.log(
        [
          `replay of ${STEPS.toLocaleString('en')} steps (${fresh.tasks.length} tasks, checkpoint every ${CHECKPOINT_INTERVAL}):`,
          `  index build ${ms(build)}`,
          `  random seek p50 ${ms(percentile(seeks, 50))}, p99 ${ms(percentile(seeks, 99))}, max ${ms(seeks.at(-1) ?? 0)}`,
          `  step forward ${ms(stepping)} per step, next handoff + stateAt ${ms(handoffJump)}`,
        ].join('\n'),
      );
    });
  });
});
