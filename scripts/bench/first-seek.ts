/**
 * `npx tsx scripts/bench/first-seek.ts`: the first far seek in a 1,000,000-step trace, in Node,
 * with checkpoints built all at once by the seek (as before) against checkpoints built in idle
 * slices first (the store's warm-up, replay-warmup.ts), run after run alternately so both see
 * the same load on a shared machine; and the live traces of a streaming run seeking their last
 * step, each building its own checkpoints against sharing those of the one before. Prints
 * medians (and the warm-up's slices: a slice overruns its budget only by one checkpoint, or
 * when the machine preempts it). BENCH_RUNS (default 7) sets the number of runs.
 */
import { extendReplayIndex, shareReplayIndex, stateAt, type Trace } from '../../src/trace/index.ts';
import { syntheticTrace } from '../../src/trace/synthetic.ts';
import { median } from './throughput.ts';

const STEPS = 1_000_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const SLICE_MS = 8;
const LIVE_TRACES = 20;

const trace = syntheticTrace(STEPS, { seed: 1 });
const far = STEPS - 1 - 1234;

function time(f: () => void): number {
  const start = performance.now();
  f();
  return performance.now() - start;
}

/** Warms a fresh copy in slices of at most SLICE_MS; returns the time of each slice. */
function warm(copy: Trace): number[] {
  const times: number[] = [];
  for (let done = false; !done; ) {
    const start = performance.now();
    done = extendReplayIndex(copy, () => performance.now() - start < SLICE_MS);
    times.push(performance.now() - start);
  }
  return times;
}

/** Live traces of growing prefixes, each seeking its last step; `share`: as PartialTraceBuilder does. */
function live(share: boolean): number[] {
  const seeks: number[] = [];
  let previous: Trace | null = null;
  for (let i = 1; i <= LIVE_TRACES; i++) {
    const n = Math.floor((STEPS * i) / LIVE_TRACES);
    const t: Trace = { ...trace, events: trace.events.slice(0, n) };
    if (share && previous !== null) shareReplayIndex(t, previous);
    seeks.push(time(() => stateAt(t, n - 1)));
    previous = t;
  }
  return seeks;
}

const before: number[] = [];
const after: number[] = [];
const slices: number[] = [];
const liveBefore: number[] = [];
const liveAfter: number[] = [];
const liveMaxBefore: number[] = [];
const liveMaxAfter: number[] = [];
for (let run = 0; run < RUNS; run++) {
  const order = run % 2 === 0 ? [false, true] : [true, false];
  for (const incremental of order) {
    const copy: Trace = { ...trace };
    if (incremental) {
      slices.push(...warm(copy));
      after.push(time(() => stateAt(copy, far)));
    } else before.push(time(() => stateAt(copy, far)));
    const seeks = live(incremental);
    (incremental ? liveAfter : liveBefore).push(seeks.reduce((a, b) => a + b, 0));
    (incremental ? liveMaxAfter : liveMaxBefore).push(Math.max(...seeks));
  }
}
const ms = (xs: number[]) => `${median(xs).toFixed(2)} ms`;
console.log(
  `first far seek at ${STEPS.toLocaleString('en')} steps, median of ${RUNS} paired runs:`,
);
console.log(`  checkpoints built by the seek:      ${ms(before)}`);
slices.sort((a, b) => a - b);
const p99 = slices[Math.floor(slices.length * 0.99)] ?? 0;
console.log(`  after idle warm-up (≤ ${SLICE_MS} ms slices): ${ms(after)}`);
console.log(
  `  warm-up: ${slices.length / RUNS} slices a run, median ${ms(slices)}, p99 ${p99.toFixed(2)} ms, max ${(slices.at(-1) ?? 0).toFixed(2)} ms`,
);
console.log(`${LIVE_TRACES} live traces, each seeking its last step:`);
console.log(`  each builds its own:  total ${ms(liveBefore)}, longest seek ${ms(liveMaxBefore)}`);
console.log(`  shared checkpoints:   total ${ms(liveAfter)}, longest seek ${ms(liveMaxAfter)}`);
