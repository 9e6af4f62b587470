/**
 * `npm run bench`: the runtime's benchmark. Prints a table and writes bench-results/bench.json.
 * Figures are targets to watch, not tests: this machine is shared and noisy, so each figure is
 * the median of several runs.
 *
 *   (a) trace throughput of a tight loop, (b) of a realistic async program (≥ 200,000 steps),
 *   traced/untraced time ratio, trace bytes per event, seek p50/p99 in a 1,000,000-step trace,
 *   Pyodide load time (Node); then the playground in headless Chromium (see browser.ts).
 */
import { createNodeTracer } from '../../src/runtime/tracer.node.ts';
import { buildReplayIndex, parseTrace, stateAt } from '../../src/trace/index.ts';
import { browserBench } from './browser.ts';
import { lessonChunkRows } from './lesson-chunks.ts';
import { type BenchRow, reportRows } from './table.ts';
import { program, throughput } from './throughput.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);

const rows: BenchRow[] = [];
const row = (measure: string, value: number, unit: string, target?: [string, boolean]) =>
  rows.push({ measure, value, unit, target: target?.[0], ok: target?.[1] });

const quantile = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))] ?? NaN;

const t0 = performance.now();
const tracer = await createNodeTracer();
row('Pyodide load + tracer install (Node)', performance.now() - t0, 'ms');

function measure(label: string, file: string, eventsTarget: number) {
  const r = throughput(tracer, file, RUNS);
  row(`${label}: steps`, r.steps, 'events');
  row(`${label}: throughput`, Math.round(r.eventsPerSecond), 'events/s', [
    `≥ ${eventsTarget.toLocaleString('en')}`,
    r.eventsPerSecond >= eventsTarget,
  ]);
  row(`${label}: traced / untraced time`, r.ratio, '×');
  row(`${label}: bytes per event`, r.bytesPerEvent, 'B', ['≤ 40', r.bytesPerEvent <= 40]);
}

measure('(a) tight loop', 'tight-loop.py', 1_000_000);
measure('(b) realistic', 'realistic.py', 300_000);

// Seek in a real 1,000,000-step trace: the tight loop, cut by the step limit.
const big = parseTrace(tracer.traceJson(program('tight-loop.py'), { maxSteps: 1_000_000 }));
let s = performance.now();
buildReplayIndex(big);
row('seek: index build (1,000,000 steps)', performance.now() - s, 'ms');
const seeks: number[] = [];
let seed = 7;
for (let i = 0; i < 2000; i++) {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  const step = seed % big.events.length;
  s = performance.now();
  stateAt(big, step);
  seeks.push(performance.now() - s);
}
row('seek p50 (1,000,000 steps)', quantile(seeks, 0.5), 'ms');
const p99 = quantile(seeks, 0.99);
row('seek p99 (1,000,000 steps)', p99, 'ms', ['≤ 16', p99 <= 16]);

if (process.env.BENCH_BROWSER !== '0') rows.push(...(await browserBench()));
rows.push(...lessonChunkRows());

reportRows(
  `Event Loop Lab runtime benchmark (median of ${RUNS} runs; Node ${process.version})`,
  rows,
  'bench.json',
  { runs: RUNS },
);
