import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TRACE_FIXTURES } from '../../../../tests/fixtures/traces.ts';
import { parseTrace, stateAt } from '../../../trace/index.ts';
import { buildTimeline } from './build-timeline.ts';
import { laneSummary } from './describe.ts';
import { timeOfStep } from './lanes.ts';

// Corpus program 83: two to_thread calls (1 s, then 0.5 s) while a ticker keeps the loop busy.
const trace = parseTrace(
  readFileSync(new URL('83-to-thread-wait.trace.json', TRACE_FIXTURES), 'utf8'),
);
const model = buildTimeline(trace);
const userThreads = () => model.threads.filter((t) => t.user);

describe('thread lanes', () => {
  it('gives each simulated thread a lane with its jobs on its own clock', () => {
    expect(model.threads.map((t) => [t.name, t.user])).toEqual([
      ['asyncio_0', true],
      // asyncio.run shuts the default executor down on a thread of its own: internal.
      ['Thread-1 (_do_shutdown)', false],
    ]);
    const [lane] = userThreads();
    if (!lane) throw new Error('expected a thread lane');
    expect(lane.jobs).toEqual([
      { fn: 'blocking_io', from: 0, until: 1 },
      { fn: 'blocking_io', from: 1, until: 1.5 },
    ]);
    expect(lane.busy.count).toBe(2);
    expect(Array.from(lane.busy.t0)).toEqual([0, 1]);
    expect(Array.from(lane.busy.t1)).toEqual([1, 1.5]);
    expect(lane.sleeps.count).toBe(2);
  });

  it('places busy spans at the steps where the loop clock reaches their times', () => {
    const [lane] = userThreads();
    if (!lane) throw new Error('expected a thread lane');
    for (let i = 0; i < lane.busy.count; i++) {
      const start = lane.busy.start[i] as number;
      const end = lane.busy.end[i] as number;
      expect(end).toBeGreaterThan(start);
      expect(start).toBeGreaterThanOrEqual(lane.createdAt);
      // The loop keeps running while the thread is busy: tasks hold control inside the span.
      if (i === 0) expect(end - start).toBeGreaterThan(10);
      expect(timeOfStep(model, end - 1)).toBeLessThanOrEqual(lane.busy.t1[i] as number);
    }
    const state = stateAt(trace, lane.createdAt);
    expect(state.threads.map((t) => t.name)).toContain('asyncio_0');
  });

  it('says in words what the thread ran, and that the loop stays free', () => {
    const [lane] = userThreads();
    if (!lane) throw new Error('expected a thread lane');
    expect(laneSummary(lane)).toBe(
      'A simulated thread: ran blocking_io() 0.0 → 1.0 s, blocking_io() 1.0 → 1.5 s. The event loop stays free while it runs.',
    );
  });

  it('a trace without threads has no thread lanes', () => {
    const plain = parseTrace(
      readFileSync(new URL('06-call-soon-later-at.trace.json', TRACE_FIXTURES), 'utf8'),
    );
    expect(buildTimeline(plain).threads).toEqual([]);
  });
});
