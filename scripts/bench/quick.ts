/**
 * `npm run bench:quick`: the tracer's throughput in Node only (no build, no browser), for
 * measuring a tracer change before and after in under a minute. Prints events/s, traced/untraced
 * time and bytes per event for the realistic and the tight-loop programs. BENCH_RUNS (default 5)
 * sets how many runs each median is taken over.
 */
import { createNodeTracer } from '../../src/runtime/tracer.node.ts';
import { throughput } from './throughput.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const tracer = await createNodeTracer();
console.log(`tracer throughput, median of ${RUNS} runs (Node ${process.version})`);
for (const [label, file] of [
  ['realistic', 'realistic.py'],
  ['tight loop', 'tight-loop.py'],
] as const) {
  const r = throughput(tracer, file, RUNS);
  console.log(
    `${label.padEnd(10)}  ${r.steps.toLocaleString('en').padStart(9)} events  ` +
      `${Math.round(r.eventsPerSecond).toLocaleString('en').padStart(9)} events/s  ` +
      `traced ${r.tracedMs.toFixed(0)} ms / untraced ${r.untracedMs.toFixed(0)} ms = ` +
      `${r.ratio.toFixed(1)}×  ${r.bytesPerEvent.toFixed(1)} B/event`,
  );
}
