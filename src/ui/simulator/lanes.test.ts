import { describe, expect, it } from 'vitest';
import { fixture, stepWhere } from '../../../tests/fixtures/traces.ts';
import { stateAt, type TaskView } from '../../trace/index.ts';
import { arrangementKey, laneOf, laneSummary, taskLanes } from './lanes.ts';

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

describe('laneSummary', () => {
  const sixteen = fixture('sixteen');
  /** All sixteen workers created and scheduled, main still running: fourteen fold. */
  const lastReady = stepWhere(sixteen, (ev) => ev.kind === 'ready' && ev.task === 17);

  it('says the count once when every folded task does what the lane is named for', () => {
    const { lanes } = taskLanes(stateAt(sixteen, lastReady), false);
    const folded = lanes.ready.slice(2);
    expect(folded).toHaveLength(14);
    expect(laneSummary('ready', folded)).toEqual({
      shown: '+14 more ready (Task-4 … Task-17)',
      spoken: '14 more ready tasks; Task-4 to Task-17.',
    });
  });

  it('says "all" for one other kind, and counts each kind when they differ', () => {
    const asleep = stepWhere(sixteen, (ev) => ev.kind === 'suspend' && ev.task === 17);
    const waiting = taskLanes(stateAt(sixteen, asleep), false).lanes.waiting;
    expect(laneSummary('waiting', waiting.slice(1)).shown).toBe(
      '+16 more waiting, all asleep (Task-2 … Task-17)',
    );
    const [, a, b, c] = waiting as TaskView[];
    const mixed = [a, b, { ...c, wait: null }] as TaskView[];
    expect(laneSummary('waiting', mixed)).toEqual({
      shown: '+3 more waiting: 2 asleep, 1 not started (Task-2 … Task-4)',
      spoken: '3 more waiting tasks: 2 asleep, 1 not started; Task-2 to Task-4.',
    });
  });
});
