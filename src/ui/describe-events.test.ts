import { describe, expect, it } from 'vitest';
import type { RawEvent } from '../runtime/run-trace.ts';
import { describeEvents } from './describe-events.ts';
import { outputParts } from './output-parts.ts';

// Written as plain JSON, as the tracer sends it (ids are branded only in the types).
const events = [
  { k: 'loop', run: true },
  { k: 'task-created', t: 1, name: 'Task-1', coro: 'main', user: true, by: null },
  { k: 'resume', t: 1, h: 1 },
  4,
  { k: 'out', s: 'hi\n' },
  { k: 'suspend', t: 1, w: { on: 'sleep', until: 1 } },
  { k: 'clock', at: 1 },
  { k: 'task-done', t: 1, r: 'None' },
] as unknown as RawEvent[];

describe('describeEvents', () => {
  it('names the task holding control at each line', () => {
    const lines = describeEvents({ events, tasks: [] });
    expect(lines.map((l) => [l.step, l.kind, l.task])).toEqual([
      [0, 'loop', null],
      [1, 'task-created', 'Task-1'],
      [2, 'resume', 'Task-1'],
      [3, 'line', 'Task-1'],
      [4, 'out', 'Task-1'],
      [5, 'suspend', 'Task-1'],
      [6, 'clock', null],
      [7, 'task-done', 'Task-1'],
    ]);
    expect(lines[5]?.text).toBe('suspends, waiting on sleep until 1');
  });

  it('stops at the limit', () => {
    expect(describeEvents({ events, tasks: [] }, 3)).toHaveLength(3);
  });
});

describe('outputParts', () => {
  it('keeps stdout and stderr in the order they were written', () => {
    const parts = outputParts({
      events: [
        { k: 'out', s: 'a' },
        { k: 'out', s: 'b', e: 1 },
        { k: 'out', s: 'c' },
      ],
      stdout: 'ac',
      stderr: 'bTraceback…',
    });
    expect(parts).toEqual([
      { stream: 'stdout', text: 'a' },
      { stream: 'stderr', text: 'b' },
      { stream: 'stdout', text: 'c' },
      { stream: 'stderr', text: 'Traceback…' },
    ]);
  });
});
