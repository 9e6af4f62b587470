import { describe, expect, it } from 'vitest';
import { fixture, stepWhere } from '../../../tests/fixtures/traces.ts';
import { stateAt } from '../../trace/index.ts';
import { arrangementKey, laneOf, taskLanes } from './lanes.ts';

const trace = fixture('23-queue-worker-pool');
/** Task-3 resumes after the first clock jump, with Task-5 woken and ready behind it. */
const resume3 = stepWhere(
  trace,
  (ev) => ev.kind === 'resume' && ev.task === 3,
  stepWhere(trace, (ev) => ev.kind === 'clock'),
);

describe('lanes', () => {
  it('puts each state in its lane', () => {
    expect(laneOf('running')).toBe('running');
    expect(laneOf('ready')).toBe('ready');
    expect(laneOf('waiting')).toBe('waiting');
    expect(laneOf('done')).toBe('finished');
    expect(laneOf('failed')).toBe('finished');
    expect(laneOf('cancelled')).toBe('finished');
  });

  it('keys the arrangement: the same lanes, the same key; a card that moves, another', () => {
    const at = taskLanes(stateAt(trace, resume3), false);
    expect(arrangementKey(at)).toBe('running:3|ready:5|waiting:1,2,4|finished:');
    expect(arrangementKey(taskLanes(stateAt(trace, resume3 + 1), false))).toBe(arrangementKey(at));
    expect(arrangementKey(at, true)).not.toBe(arrangementKey(at));
    const moved = stepWhere(trace, (ev) => ev.kind === 'suspend' && ev.task === 3, resume3);
    expect(arrangementKey(taskLanes(stateAt(trace, moved), false))).not.toBe(arrangementKey(at));
  });

  it('orders each lane by task id', () => {
    const { lanes } = taskLanes(stateAt(trace, resume3), false);
    expect(lanes.running.map((t) => t.id)).toEqual([3]);
    expect(lanes.ready.map((t) => t.id)).toEqual([5]);
    expect(lanes.waiting.map((t) => t.id)).toEqual([1, 2, 4]);
    expect(lanes.finished).toEqual([]);
  });

  it("hides asyncio's own tasks unless asked", () => {
    const state = stateAt(trace, trace.events.length - 1);
    const hidden = taskLanes(state, false);
    expect(hidden.hidden.map((t) => t.coro)).toEqual([
      'BaseEventLoop.shutdown_asyncgens',
      'BaseEventLoop.shutdown_default_executor',
    ]);
    expect(hidden.lanes.finished.map((t) => t.id)).toEqual([1, 2, 3, 4, 5]);
    const shown = taskLanes(state, true);
    expect(shown.hidden).toEqual([]);
    expect(shown.lanes.finished.map((t) => t.id)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
});
