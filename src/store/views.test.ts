import { describe, expect, it } from 'vitest';
import { exampleTrace } from '../trace/example.ts';
import { controlText, partialTrace } from '../trace/index.ts';
import {
  consoleModel,
  consoleView,
  maxStepsOf,
  narrationAt,
  previousState,
  stateAtStep,
  stepText,
  timeText,
} from './views.ts';

describe('the picture at a step', () => {
  const trace = exampleTrace();

  it('is stateAt of the cursor, remembered while stepping back and forth', () => {
    const a = stateAtStep(trace, 20);
    expect(a.step).toBe(20);
    expect(stateAtStep(trace, 21).step).toBe(21);
    expect(stateAtStep(trace, 20)).toBe(a);
    expect(previousState(trace, 21)).toBe(a);
    expect(previousState(trace, 0)).toBeNull();
    expect(stateAtStep(trace, 999).step).toBe(40);
  });

  it('names who holds control', () => {
    expect(controlText(stateAtStep(trace, 5))).toBe('Control: the top-level code');
    expect(controlText(stateAtStep(trace, 12))).toBe('Control: Task-1');
    expect(controlText(stateAtStep(trace, 24))).toBe('Control: Task-2');
    expect(controlText(stateAtStep(trace, 26))).toBe('Control: event loop');
  });

  it('says the step, the time and what happens in words', () => {
    expect(stepText(null, 0)).toBe('No run yet');
    expect(stepText(trace, 20)).toBe('Step 20 of 40');
    expect(timeText(trace, 20)).toBe('0.0 s');
    expect(timeText(trace, 27)).toBe('1.0 s');
    expect(narrationAt(trace, 20)).toBe(
      'The event loop hands control to Task-2, which starts running.',
    );
    expect(narrationAt(trace, 27)).toBe(
      'Nothing can run until the next timer, so virtual time skips ahead: it is now 1.0 s.',
    );
    expect(narrationAt(trace, 17)).toBe('Task-1 prints "start".');
  });

  it('narrates a program that never started', () => {
    const broken = partialTrace(
      {
        source: 'def (',
        status: 'error',
        error: { type: 'SyntaxError', message: 'invalid syntax', line: 1, traceback: '' },
      },
      [],
    );
    expect(stepText(broken, 0)).toBe('No steps');
    expect(narrationAt(broken, 0)).toBe(
      'The program could not start: SyntaxError: invalid syntax.',
    );
  });
});

describe('the console', () => {
  it('colours each line by the task that printed it and knows its step', () => {
    const model = consoleModel(exampleTrace());
    expect(model.lines.map((l) => [l.segments[0]?.text, l.step, l.segments[0]?.task])).toEqual([
      ['start', 17, 1],
      ['1', 31, 2],
      ['2', 38, 1],
    ]);
  });

  it('shows what is printed by the cursor, and later output as still to come', () => {
    const trace = exampleTrace();
    expect(consoleView(trace, 0)).toMatchObject({ printed: 0, current: -1, total: 3 });
    expect(consoleView(trace, 17)).toMatchObject({ printed: 1, current: 0 });
    expect(consoleView(trace, 31)).toMatchObject({ printed: 2, current: 1 });
    expect(consoleView(trace, 40).lines).toHaveLength(3);
  });

  it('keeps pieces of one line together, empty lines, stderr apart and tracebacks readable', () => {
    const traceback = [
      'Traceback (most recent call last):',
      '  File "main.py", line 14, in <module>',
      '    asyncio.run(main())',
      '  File "/lib/python314.zip/asyncio/runners.py", line 204, in run',
      '    return runner.run(main)',
      '           ~~~~~~~~~~^^^^^^',
      '  File "main.py", line 6, in boom',
      '    raise ValueError("boom")',
      'ValueError: boom',
      '',
    ].join('\n');
    const trace = partialTrace({ source: 'x', status: 'error' }, [
      { k: 'out', s: 'a' },
      { k: 'out', s: 'b\n\n' },
      { k: 'out', s: 'warning\n', e: 1 },
      { k: 'out', s: traceback, e: 1 },
    ]);
    const lines = consoleModel(trace).lines;
    expect(lines.map((l) => l.segments.map((s) => s.text).join(''))).toEqual([
      'ab',
      '',
      'warning',
      ...traceback.split('\n').slice(0, -1),
    ]);
    expect(lines[0]?.segments.map((s) => s.step)).toEqual([0, 1]);
    expect(lines[0]).toMatchObject({ step: 0, lastStep: 1 });
    expect(lines.slice(2).map((l) => [l.segments[0]?.stream, l.segments[0]?.tone])).toEqual([
      ['stderr', 'plain'],
      ['stderr', 'header'],
      ['stderr', 'frame'],
      ['stderr', 'frame'],
      ['stderr', 'library'],
      ['stderr', 'library'],
      ['stderr', 'library'],
      ['stderr', 'frame'],
      ['stderr', 'frame'],
      ['stderr', 'exception'],
    ]);
  });
});

describe('limits', () => {
  it('reads the step limit from the leading lab comment', () => {
    expect(maxStepsOf('import asyncio')).toBe(2_000_000);
    expect(maxStepsOf('# lab: max-steps=5000\nimport asyncio')).toBe(5000);
    expect(maxStepsOf('#!/usr/bin/env python\n# lab: max-time=9, max-steps=77\n')).toBe(77);
    expect(maxStepsOf('import asyncio\n# lab: max-steps=5000\n')).toBe(2_000_000);
  });
});
