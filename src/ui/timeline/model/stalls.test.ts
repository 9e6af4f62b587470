import { describe, expect, it } from 'vitest';
import { fixture } from '../../../../tests/fixtures/traces.ts';
import { buildTimeline } from './build-timeline.ts';
import { describeLane, laneSummary, type Probe } from './describe.ts';
import type { TaskLane } from './lanes.ts';

describe('stalls on the timeline', () => {
  const trace = fixture('40-time-sleep-blocks');
  const model = buildTimeline(trace);
  const blocker = model.tasks.find((t) => t.coro === 'blocker') as TaskLane;
  const sentence = 'Task-3 (blocker) held the loop for 0.3 s at line 19; nothing else could run.';

  it("puts the stall on the stalling task's lane, in steps and virtual time", () => {
    const { spans, words } = blocker.stalls;
    expect(spans.count).toBe(1);
    expect(spans.t0[0]).toBeCloseTo(0.1);
    expect(spans.t1[0]).toBeCloseTo(0.4);
    expect(words).toEqual([sentence]);
    for (const lane of model.tasks) if (lane !== blocker) expect(lane.stalls.spans.count).toBe(0);
  });

  it("says it in the coach's words, in the tooltip and to screen readers", () => {
    const step = blocker.stalls.spans.start[0] as number;
    const probe: Probe = { axis: 'steps', v0: step, v1: step + 1, instant: 0, steps: [step, step] };
    expect(describeLane(trace, model, blocker, probe).lines).toContain(sentence);
    expect(laneSummary(blocker)).toContain(`Stalled the loop: ${sentence}`);
  });
});
