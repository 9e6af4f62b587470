/**
 * The picture never contradicts itself: what the narration says about the ready queue at a step
 * (a new task joins it next, a task is ready at its back, who is next, that it is empty) holds in
 * that step's state, which the Ready lane and the ready-queue view draw; at every step of every
 * stored trace (lesson goldens and fixtures).
 */
import { describe, expect, it } from 'vitest';
import { readyDisagreements } from '../../tests/fixtures/ready-agree.ts';
import { storedTraces } from '../../tests/fixtures/stored-traces.ts';
import { fixture, stepWhere } from '../../tests/fixtures/traces.ts';
import { eventAt } from './decode.ts';
import { narrate } from './narration.ts';
import { stateAt } from './replay.ts';
import { findTask, type TaskView } from './state.ts';
import { describeTaskNow } from './words.ts';

describe('the narration agrees with the ready queue', () => {
  const traces = storedTraces();

  it('finds the corpus, with task creations in it', () => {
    expect(traces.length).toBeGreaterThan(40);
    const created = traces.filter(({ trace }) =>
      trace.events.some((e) => typeof e === 'object' && e.k === 'task-created'),
    );
    expect(created.length).toBeGreaterThan(40);
  });

  it.each(traces.map((t) => [t.name, t.trace] as const))('%s: at every step', (_, trace) => {
    for (let step = 0; step < trace.events.length; step++) {
      const problems = readyDisagreements(trace, step, narrate(trace, step));
      if (problems.length > 0) expect({ step, problems }).toEqual({ step, problems: [] });
    }
  });

  it('says a task just created joins the ready queue at the next step, where it is', () => {
    const trace = fixture('sixteen');
    const queue = (step: number) => stateAt(trace, step).ready.map((r) => r.task);
    let creations = 0;
    for (let step = 0; step < trace.events.length; step++) {
      const ev = eventAt(trace, step);
      if (ev.kind !== 'task-created') continue;
      creations++;
      expect(narrate(trace, step)).toBe(
        `${ev.by === null ? 'The program' : 'Task-1'} creates task ${ev.name} (${ev.coro}). It is not in the ready queue yet: it joins it at the next step, to wait for its turn.`,
      );
      expect(queue(step)).not.toContain(ev.task);
      expect(queue(step + 1).at(-1)).toBe(ev.task);
      expect(
        describeTaskNow(stateAt(trace, step), findTask(stateAt(trace, step), ev.task) as TaskView),
      ).toEqual(['not started yet']);
    }
    expect(creations).toBeGreaterThanOrEqual(17);
  });

  it('says an eager task (its first step ran inside create_task) is not in the ready queue', () => {
    const trace = fixture('eager');
    // Named as CPython names them: one number per task, eager or not (each eager task used to
    // take two, Task-3, Task-5, …, as the tracer named it again after create_task returned).
    expect(trace.tasks.map((t) => t.name)).toEqual([1, 2, 3, 4, 5, 6, 7].map((n) => `Task-${n}`));
    // The sleep an eager task starts in its first step is its own (it used to be its creator's,
    // so at 1.0 s the ready queue woke Task-1 twice and the sleeper never).
    const sleepers = trace.events.flatMap((e) =>
      typeof e === 'object' && e.k === 'timer' && e.why === 'sleep' ? [e.t] : [],
    );
    expect(sleepers).toEqual([3, 4, 5]);
    const eager = stepWhere(trace, (e) => e.kind === 'task-created' && e.coro === 'worker');
    expect(narrate(trace, eager)).toMatch(
      /It started eagerly: .* so it is not in the ready queue now\.$/,
    );
    // The TaskGroup with the default factory again: its task is scheduled as any other.
    const later = stepWhere(
      trace,
      (e) => e.kind === 'task-created' && e.coro === 'worker',
      eager + 1,
    );
    const plainTask = stepWhere(
      trace,
      (e) => e.kind === 'task-created' && e.coro === 'worker',
      later + 1,
    );
    expect(narrate(trace, plainTask)).toMatch(
      /It is not in the ready queue yet: it joins it at the next step/,
    );
  });
});
