import { describe, expect, it } from 'vitest';
import { fixture } from '../../../../tests/fixtures/traces.ts';
import { buildTimeline } from './build-timeline.ts';
import { describeLane, laneSummary, type Probe } from './describe.ts';
import type { TaskLane } from './lanes.ts';

/** A probe over steps [a, b] on the steps axis. */
const steps = (a: number, b: number): Probe => ({
  axis: 'steps',
  v0: a,
  v1: b + 1,
  instant: 0,
  steps: [a, b],
});

describe('describeLane: two tasks', () => {
  const trace = fixture('two');
  const model = buildTimeline(trace);
  const [main, slow] = model.tasks as TaskLane[];

  it('says when a task holds control', () => {
    expect(describeLane(trace, model, slow as TaskLane, steps(27, 27))).toEqual({
      title: 'B ● Task-2 · worker()',
      lines: ['step 27, t = 0.0 s', 'running: holds control (steps 25–32, t = 0.0 s)'],
    });
  });

  it('says what a suspended task waits for, in the words of its simulator card', () => {
    expect(describeLane(trace, model, slow as TaskLane, steps(40, 40)).lines).toContain(
      'waiting: sleep until 0.2 s',
    );
    expect(describeLane(trace, model, main as TaskLane, steps(40, 40)).lines).toContain(
      'waiting: task Task-2',
    );
  });

  it('marks creation and completion', () => {
    expect(describeLane(trace, model, slow as TaskLane, steps(5, 5)).lines).toContain(
      'not created yet (created at step 14)',
    );
    expect(describeLane(trace, model, slow as TaskLane, steps(14, 14)).lines).toContain(
      'created at step 14 by Task-1',
    );
    expect(describeLane(trace, model, slow as TaskLane, steps(70, 70)).lines).toContain(
      "finished at step 62: returned 'slow'",
    );
  });

  it('describes the loop: its own turns and idle time', () => {
    expect(describeLane(trace, model, model.loop, steps(45, 45)).lines).toContain(
      'no task holds control: the loop picks what runs next, runs callbacks',
    );
    expect(describeLane(trace, model, model.loop, steps(2, 2)).lines).toContain(
      'module-level code: no event loop is running',
    );
    const gap: Probe = { axis: 'time', v0: 0.05, v1: 0.0501, instant: 0.001, steps: null };
    expect(describeLane(trace, model, model.loop, gap).lines).toEqual([
      't = 0.05 s',
      'idle: nothing is ready, so the clock jumps 0.0 → 0.1 s',
    ]);
  });

  it('sums up each lane for screen readers', () => {
    expect(laneSummary(slow as TaskLane)).toBe(
      "worker(), created at step 14; held control 2 times. Finished at step 62: returned 'slow'.",
    );
    expect(laneSummary(model.loop)).toBe(
      'Runs whenever no task holds control. The clock jumped 2 times while idle.',
    );
  });
});

describe('describeLane: blocking and failures', () => {
  it('names the blocking call and who made it', () => {
    const trace = fixture('compare');
    const model = buildTimeline(trace);
    const probe: Probe = { axis: 'time', v0: 0.5, v1: 0.51, instant: 0.01, steps: [27, 27] };
    expect(describeLane(trace, model, model.loop, probe).lines).toEqual([
      'step 27, t = 1.0 s',
      'blocked by time.sleep(1) in Task-2: t = 0.0 → 1.0 s',
      'the loop cannot run anything else meanwhile',
    ]);
    const task = model.tasks[1] as TaskLane;
    expect(describeLane(trace, model, task, probe).lines).toContain(
      'its turn takes virtual time: a blocking call, nothing else runs',
    );
  });

  it('tells failed and cancelled apart', () => {
    const trace = fixture('errors');
    const model = buildTimeline(trace);
    const [, , boom, forever] = model.tasks as TaskLane[];
    const after = steps(model.steps - 1, model.steps - 1);
    expect(describeLane(trace, model, boom as TaskLane, after).lines[1]).toMatch(
      /^failed at step \d+: raised ValueError\('boom'\)$/,
    );
    expect(describeLane(trace, model, forever as TaskLane, after).lines[1]).toMatch(
      /^cancelled at step \d+$/,
    );
  });
});
