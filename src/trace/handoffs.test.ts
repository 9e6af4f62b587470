import { describe, expect, it } from 'vitest';
import { exampleTrace } from './example.ts';
import { handoffSteps, isHandoff, nextHandoff, prevHandoff } from './handoffs.ts';
import { partialTrace } from './partial-trace.ts';

describe('handoffs', () => {
  const trace = exampleTrace();
  // resume 9, suspend 19, resume 20, suspend 26, resume 29, task-done 33, resume 35, task-done 39
  const expected = [9, 19, 20, 26, 29, 33, 35, 39];

  it('lists resume, suspend, task-done and callback steps', () => {
    expect(Array.from(handoffSteps(trace))).toEqual(expected);
    expect(expected.every((s) => isHandoff(trace, s))).toBe(true);
    expect(isHandoff(trace, 10)).toBe(false);
  });

  it('finds the next handoff strictly after a step, null past the last', () => {
    expect(nextHandoff(trace, -1)).toBe(9);
    expect(nextHandoff(trace, 0)).toBe(9);
    expect(nextHandoff(trace, 9)).toBe(19);
    expect(nextHandoff(trace, 19)).toBe(20);
    expect(nextHandoff(trace, 36)).toBe(39);
    expect(nextHandoff(trace, 39)).toBeNull();
    expect(nextHandoff(trace, 40)).toBeNull();
  });

  it('finds the previous handoff strictly before a step, null before the first', () => {
    expect(prevHandoff(trace, 40)).toBe(39);
    expect(prevHandoff(trace, 39)).toBe(35);
    expect(prevHandoff(trace, 20)).toBe(19);
    expect(prevHandoff(trace, 10)).toBe(9);
    expect(prevHandoff(trace, 9)).toBeNull();
    expect(prevHandoff(trace, 0)).toBeNull();
  });

  it('counts a plain callback as a handoff, and finds none in a trace without any', () => {
    const withCallback = partialTrace({ source: 'x\n' }, [
      { k: 'loop', run: true },
      { k: 'ready', h: 1, cb: 'f' },
      { k: 'callback', h: 1 },
      1,
    ]);
    expect(Array.from(handoffSteps(withCallback))).toEqual([2]);
    const none = partialTrace({ source: 'x\n' }, [1, 1]);
    expect(nextHandoff(none, -1)).toBeNull();
    expect(prevHandoff(none, 1)).toBeNull();
  });
});
