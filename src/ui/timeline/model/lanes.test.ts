import { describe, expect, it } from 'vitest';
import { fixture, stepWhere } from '../../../../tests/fixtures/traces.ts';
import { stateAt, type Trace } from '../../../trace/index.ts';
import { syntheticTrace } from '../../../trace/synthetic.ts';
import { buildTimeline } from './build-timeline.ts';
import {
  firstStepAfter,
  firstStepAtOrAfter,
  holderAt,
  lastStepAtOrBefore,
  lastStepBefore,
  type Spans,
  type TimelineModel,
  timeOfStep,
} from './lanes.ts';
import { spanAt } from './spans.ts';

const spans = (s: Spans) =>
  Array.from({ length: s.count }, (_, i) => [s.start[i], s.end[i], s.t0[i], s.t1[i]]) as number[][];

/** Every step: the lane model agrees with the replay about who holds control and the time. */
function expectAgreesWithReplay(trace: Trace, model: TimelineModel, steps: Iterable<number>) {
  for (const s of steps) {
    const state = stateAt(trace, s);
    const holder = holderAt(model, s);
    expect(holder?.task ?? null, `holder at step ${s}`).toBe(state.holder);
    expect(timeOfStep(model, s), `time at step ${s}`).toBe(state.time);
    if (state.holder === null) {
      const lane = state.loopRunning ? model.loop.held : model.loop.module;
      expect(spanAt(lane, s), `no-task span at step ${s}`).toBeGreaterThanOrEqual(0);
    }
  }
}

/** Task, loop and module spans tile [0, steps) exactly once. */
function expectPartition(model: TimelineModel) {
  const owner = new Int32Array(model.steps).fill(-99);
  const twice: number[] = [];
  const claim = (list: Spans, who: number) => {
    for (let i = 0; i < list.count; i++) {
      for (let s = list.start[i] as number; s < (list.end[i] as number); s++) {
        if (owner[s] !== -99) twice.push(s);
        owner[s] = who;
      }
    }
  };
  claim(model.loop.held, 0);
  claim(model.loop.module, -1);
  for (const lane of model.tasks) claim(lane.held, lane.task);
  expect(twice, 'steps claimed twice').toEqual([]);
  expect(owner.indexOf(-99), 'first step nobody holds').toBe(-1);
}

const all = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('buildTimeline: two tasks (tests/corpus/02-two-tasks.py)', () => {
  const trace = fixture('two');
  const model = buildTimeline(trace);

  it('has a lane per task, internal ones flagged', () => {
    expect(model.tasks.map((t) => [t.task, t.name, t.coro, t.user])).toEqual([
      [1, 'Task-1', 'main', true],
      [2, 'Task-2', 'worker', true],
      [3, 'Task-3', 'worker', true],
      [4, 'Task-4', 'BaseEventLoop.shutdown_asyncgens', false],
      [5, 'Task-5', 'BaseEventLoop.shutdown_default_executor', false],
    ]);
  });

  it('gives each task the [resume, suspend) intervals it held control', () => {
    const [main, slow, fast] = model.tasks;
    expect(spans(main?.held as Spans)).toEqual([
      [10, 24, 0, 0],
      [63, 66, 0.2, 0.2],
    ]);
    expect(spans(slow?.held as Spans)).toEqual([
      [25, 33, 0, 0],
      [56, 62, 0.2, 0.2],
    ]);
    expect(spans(fast?.held as Spans)).toEqual([
      [34, 42, 0, 0],
      [47, 51, 0.1, 0.1],
    ]);
  });

  it('marks creation, awaits and completion', () => {
    const slow = model.tasks[1];
    expect(slow).toMatchObject({
      createdAt: 14,
      createdBy: 1,
      doneAt: 62,
      doneTime: 0.2,
      end: 'done',
      endRepr: "'slow'",
    });
    expect(Array.from(slow?.suspends ?? [])).toEqual([33]);
    expect(Array.from(model.tasks[0]?.suspends ?? [])).toEqual([24]);
  });

  it('splits the loop from module-level code, and the loop at each clock jump', () => {
    expect(spans(model.loop.module)[0]).toEqual([0, 9, 0, 0]);
    // The loop's span that ends with the jump to 0.1 stops at 0.0; the next starts at 0.1.
    expect(spans(model.loop.held)).toContainEqual([42, 43, 0, 0]);
    expect(spans(model.loop.held)).toContainEqual([43, 47, 0.1, 0.1]);
    expect(spans(model.loop.idle)).toEqual([
      [43, 44, 0, 0.1],
      [52, 53, 0.1, 0.2],
    ]);
    expect(model.loop.blocked.count).toBe(0);
  });

  it('maps steps to virtual time as a step function', () => {
    expect(Array.from(model.timeSteps)).toEqual([43, 52]);
    expect(Array.from(model.times)).toEqual([0.1, 0.2]);
    expect([0, 42, 43, 51, 52, 84].map((s) => timeOfStep(model, s))).toEqual([
      0, 0, 0.1, 0.1, 0.2, 0.2,
    ]);
    expect(model.endTime).toBe(0.2);
    expect(lastStepAtOrBefore(model, 0)).toBe(42);
    expect(lastStepAtOrBefore(model, 0.15)).toBe(51);
    expect(lastStepAtOrBefore(model, -1)).toBe(-1);
    expect(lastStepBefore(model, 0.1)).toBe(42);
    expect(firstStepAtOrAfter(model, 0.1)).toBe(43);
    expect(firstStepAtOrAfter(model, 0.05)).toBe(43);
    expect(firstStepAfter(model, 0.1)).toBe(52);
    expect(firstStepAfter(model, 0.2)).toBe(model.steps);
  });

  it('agrees with stateAt at every step', () => {
    expectAgreesWithReplay(trace, model, all(model.steps));
    expectPartition(model);
  });
});

describe('buildTimeline: blocking calls, failures, cancellation, idle time', () => {
  it('marks time.sleep as blocked time on the loop, inside the task that blocked', () => {
    const trace = fixture('compare');
    const model = buildTimeline(trace);
    // Each time.sleep(1) is one step of blocked time, at its block event.
    const first = stepWhere(trace, (ev) => ev.kind === 'block');
    const second = stepWhere(trace, (ev) => ev.kind === 'block', first + 1);
    expect(spans(model.loop.blocked)).toEqual([
      [first, first + 1, 0, 1],
      [second, second + 1, 1, 2],
    ]);
    expect(model.loop.blockBy).toEqual(['time.sleep(1)', 'time.sleep(1)']);
    expect(model.loop.blockTask).toEqual([2, 3]);
    // Task-2 held control from its resume (t = 0) through the blocking call (t = 1).
    const resumed = stepWhere(trace, (ev) => ev.kind === 'resume' && ev.task === 2);
    const done = stepWhere(trace, (ev) => ev.kind === 'task-done' && ev.task === 2);
    expect(spans(model.tasks[1]?.held as Spans)).toEqual([[resumed, done, 0, 1]]);
    expect(Array.from(model.timeIsBlock)).toEqual([1, 1, 0]);
    expectAgreesWithReplay(trace, model, all(model.steps));
    expectPartition(model);
  });

  it('tells finished, failed and cancelled tasks apart', () => {
    const trace = fixture('errors');
    const model = buildTimeline(trace);
    const ends = model.tasks.filter((t) => t.user).map((t) => [t.coro, t.end, t.endRepr]);
    expect(ends).toEqual([
      ['main', 'done', 'None'],
      ['ok', 'done', '1'],
      ['boom', 'failed', "ValueError('boom')"],
      ['forever', 'cancelled', null],
    ]);
    expectAgreesWithReplay(trace, model, all(model.steps));
    expectPartition(model);
  });

  it('records each clock jump as idle time on the loop', () => {
    const trace = fixture('idle');
    const model = buildTimeline(trace);
    const idle = spans(model.loop.idle).map(([, , t0, t1]) => [t0, t1]);
    expect(idle).toEqual([
      [0, 1],
      [1, 2],
      [2, 3],
      [3, 4],
    ]);
    expect(model.endTime).toBe(4);
    expectAgreesWithReplay(trace, model, all(model.steps));
  });

  it('handles an empty trace', () => {
    const model = buildTimeline({ ...fixture('two'), events: [] });
    expect(model.steps).toBe(0);
    expect(model.tasks).toEqual([]);
    expect(model.loop.held.count + model.loop.module.count).toBe(0);
    expect(lastStepAtOrBefore(model, 1)).toBe(-1);
  });
});

describe('buildTimeline: a million steps', () => {
  const trace = syntheticTrace(1_000_000);

  // Its speed is a figure for `npm run bench`, not an assertion: the machine is shared and noisy.
  it('builds a whole, partitioned model', () => {
    buildTimeline(syntheticTrace(10_000)); // warm up the JIT
    const t0 = performance.now();
    const model = buildTimeline(trace);
    const ms = performance.now() - t0;
    console.log(
      `buildTimeline(1,000,000 steps): ${ms.toFixed(1)} ms, ${model.tasks.length} lanes, ` +
        `${model.tasks.reduce((n, t) => n + t.held.count, 0)} task spans, ` +
        `${model.loop.idle.count} clock jumps, ${model.loop.blocked.count} blocking calls`,
    );
    expect(model.steps).toBe(1_000_000);
    expectPartition(model);
  });

  it('agrees with stateAt at sampled steps', () => {
    const model = buildTimeline(trace);
    const sample = Array.from(
      { length: 300 },
      (_, i) => Math.floor((i * 1_000_000) / 300) + (i % 7),
    );
    expectAgreesWithReplay(trace, model, sample);
  });
});
