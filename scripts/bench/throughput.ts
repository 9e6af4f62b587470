/**
 * Tracer throughput, shared by `npm run bench` (main.ts) and `npm run bench:quick` (quick.ts):
 * the same program traced and run untraced in the same Pyodide, alternately, so both see the
 * same machine load. Each figure is the median of `runs` (the machine is shared and noisy).
 */
import { readFileSync } from 'node:fs';
import type { NodeTracer } from '../../src/runtime/tracer.node.ts';
import { parseTrace } from '../../src/trace/index.ts';

export const program = (name: string) =>
  readFileSync(new URL(`./programs/${name}`, import.meta.url), 'utf8');

export const median = (xs: number[]) =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

export interface Throughput {
  steps: number;
  eventsPerSecond: number;
  /** Traced time over untraced time of the same program. */
  ratio: number;
  bytesPerEvent: number;
  tracedMs: number;
  untracedMs: number;
}

export function throughput(tracer: NodeTracer, file: string, runs: number): Throughput {
  const source = program(file);
  const traced: number[] = [];
  const untraced: number[] = [];
  let json = '';
  for (let i = 0; i < runs; i++) {
    let s = performance.now();
    json = tracer.traceJson(source);
    traced.push(performance.now() - s);
    s = performance.now();
    tracer.runUntraced(source);
    untraced.push(performance.now() - s);
  }
  const trace = parseTrace(json);
  if (trace.status !== 'completed') throw new Error(`${file} did not complete: ${trace.status}`);
  const steps = trace.events.length;
  const tracedMs = median(traced);
  const untracedMs = median(untraced);
  return {
    steps,
    eventsPerSecond: steps / (tracedMs / 1000),
    ratio: tracedMs / untracedMs,
    bytesPerEvent: json.length / steps,
    tracedMs,
    untracedMs,
  };
}
