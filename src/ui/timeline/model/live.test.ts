import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chunkSizes, derived, livePairs } from '../../../../tests/fixtures/live.ts';
import { TRACE_FIXTURES } from '../../../../tests/fixtures/traces.ts';
import { consoleModel } from '../../../store/views.ts';
import { exampleTrace } from '../../../trace/example.ts';
import { parseTrace, type Trace } from '../../../trace/index.ts';
import { syntheticTrace } from '../../../trace/synthetic.ts';
import { buildTimeline } from './build-timeline.ts';

const traces: [string, Trace][] = [
  ['example', exampleTrace()],
  ['synthetic', syntheticTrace(5_000)],
  ...readdirSync(TRACE_FIXTURES)
    .filter((f) => f.endsWith('.trace.json'))
    .map((f): [string, Trace] => [f, parseTrace(readFileSync(new URL(f, TRACE_FIXTURES), 'utf8'))]),
];

// A live run's traces adopt the index, outputs and stalls built chunk by chunk as events
// arrived; everything the page draws from them must be what one build from the events gives.
describe('live traces: built chunk by chunk, the same as built from their events', () => {
  it.each(traces)('%s', (_name, trace) => {
    const n = trace.events.length;
    // Every event a chunk of its own (about 20 live traces of it), and chunks of random sizes.
    const ones = new Array<number>(n).fill(1);
    const pairs = [
      ...livePairs(trace, ones, Math.ceil(n / 20)),
      ...livePairs(trace, chunkSizes(n, n), 3),
    ];
    for (const { steps, live, fresh } of pairs) {
      const where = `after ${steps} events`;
      expect(derived(live), where).toEqual(derived(fresh));
      expect(consoleModel(live), where).toEqual(consoleModel(fresh));
      expect(buildTimeline(live), where).toEqual(buildTimeline(fresh));
    }
  });
});
