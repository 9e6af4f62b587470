import { describe, expect, it } from 'vitest';
import { asHandleId, asTaskId } from './ids.ts';
import type { TimerEntry } from './state.ts';
import { groupTimers } from './timer-groups.ts';

const timer = (handle: number, at: number, task: number | null, why = 'sleep'): TimerEntry =>
  ({
    handle: asHandleId(handle),
    at,
    why,
    task: task === null ? null : asTaskId(task),
    callback: task === null ? 'f' : null,
  }) as TimerEntry;

const shape = (timers: TimerEntry[]) =>
  groupTimers(timers).map((g) => [g.at, g.timers.map((t) => t.handle)]);

describe('groupTimers', () => {
  it('groups the sleeps due at one instant, in firing order', () => {
    const timers = [1, 1, 1, 2, 2, 3].map((at, i) => timer(i + 1, at, 10 + i));
    expect(shape(timers)).toEqual([
      [1, [1, 2, 3]],
      [2, [4, 5]],
      [3, [6]],
    ]);
  });

  it('keeps a timeout apart from a sleep due at the same instant, and callbacks apart', () => {
    const timers = [
      timer(1, 1, 10),
      timer(2, 1, 11, 'timeout'),
      timer(3, 1, 12, 'timeout'),
      timer(4, 1, null, 'callback'),
      timer(5, 1, null, 'callback'),
      timer(6, 1, 13),
    ];
    expect(shape(timers)).toEqual([
      [1, [1]],
      [1, [2, 3]],
      [1, [4]],
      [1, [5]],
      [1, [6]],
    ]);
  });

  it('has no group without timers', () => {
    expect(groupTimers([])).toEqual([]);
  });
});
