import { describe, expect, it } from 'vitest';
import { exampleTrace } from './example.ts';
import { outputCountAt, outputs, outputTextAt, stepOfOutput } from './output.ts';
import { partialTrace } from './partial-trace.ts';
import { stateAt } from './replay.ts';

describe('output', () => {
  const trace = partialTrace({ source: 'x\n' }, [
    1,
    { k: 'out', s: 'a\n' }, // 1
    { k: 'out', s: 'oops\n', e: 1 }, // 2
    1,
    { k: 'out', s: 'b' }, // 4
    { k: 'out', s: 'c\n' }, // 5
  ]);

  it('lists every out event in order with its stream', () => {
    expect(outputs(trace)).toEqual([
      { step: 1, text: 'a\n', stream: 'stdout' },
      { step: 2, text: 'oops\n', stream: 'stderr' },
      { step: 4, text: 'b', stream: 'stdout' },
      { step: 5, text: 'c\n', stream: 'stdout' },
    ]);
  });

  it('maps the i-th output to its step', () => {
    expect([0, 1, 2, 3].map((i) => stepOfOutput(trace, i))).toEqual([1, 2, 4, 5]);
    expect(stepOfOutput(trace, 4)).toBeNull();
    expect(stepOfOutput(trace, -1)).toBeNull();
  });

  it('gives stdout and stderr as written up to a step', () => {
    expect(outputTextAt(trace, -1)).toEqual({ stdout: '', stderr: '' });
    expect(outputTextAt(trace, 0)).toEqual({ stdout: '', stderr: '' });
    expect(outputTextAt(trace, 1)).toEqual({ stdout: 'a\n', stderr: '' });
    expect(outputTextAt(trace, 3)).toEqual({ stdout: 'a\n', stderr: 'oops\n' });
    expect(outputTextAt(trace, 5)).toEqual({ stdout: 'a\nbc\n', stderr: 'oops\n' });
    expect(outputTextAt(trace, 5).stdout).toBe(trace.stdout);
  });

  it('counts outputs like stateAt does', () => {
    const example = exampleTrace();
    for (let step = -1; step < example.events.length; step++) {
      expect(outputCountAt(example, step)).toBe(stateAt(example, step).outputCount);
    }
  });
});
