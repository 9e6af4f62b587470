import { describe, expect, it } from 'vitest';
import { asTaskId as T } from '../../trace/index.ts';
import {
  chipText,
  diagnosticInline,
  diagnosticText,
  escapeMarkdown,
  lineOffsets,
  MAX_CHIPS,
  planLines,
} from './decorations.ts';
import type { EditorMarker } from './markers.ts';

function waiting(task: number, line: number, name = `Task-${task}`): EditorMarker {
  return {
    line,
    task: T(task),
    name,
    running: false,
    status: 'waiting',
    hover: `${name} waits: sleep until 1.0 s`,
  };
}

function running(task: number | null, line: number, name = `Task-${task}`): EditorMarker {
  return {
    line,
    task: task === null ? null : T(task),
    name,
    running: true,
    status: 'running',
    hover: `${name} is running line ${line}`,
  };
}

describe('planLines', () => {
  it('groups by line, the running party first, and gives the line its colour', () => {
    const plans = planLines([waiting(2, 12), waiting(1, 23), running(4, 12), waiting(3, 12)]);
    expect(plans.map((p) => p.line)).toEqual([12, 23]);
    const [twelve, twentyThree] = plans;
    expect(twelve?.running).toBe(true);
    expect(twelve?.lead.task).toBe(T(4));
    expect(twelve?.markers.map((m) => m.task)).toEqual([T(4), T(2), T(3)]);
    expect(twentyThree?.running).toBe(false);
    expect(twentyThree?.lead.task).toBe(T(1));
  });

  it('shows a few chips and counts the rest; the hover lists everyone', () => {
    const many = [1, 2, 3, 4, 5, 6].map((t) => waiting(t, 7));
    const [plan] = planLines(many);
    expect(plan?.chips).toHaveLength(MAX_CHIPS);
    expect(plan?.more).toBe(6 - MAX_CHIPS);
    expect(plan?.hover.split('\n\n')).toHaveLength(6);
  });

  it('skips lines the text does not have', () => {
    expect(planLines([waiting(1, 3), waiting(2, 40)], 10).map((p) => p.line)).toEqual([3]);
    expect(planLines([waiting(1, 0)])).toEqual([]);
  });

  it("badges each hover paragraph in the task's colours and escapes the words", () => {
    const [plan] = planLines([running(1, 5, '*star*')]);
    expect(plan?.hover).toBe(
      '<span style="color:#ffffff;background-color:#0072B2;border-radius:3px;">&nbsp;●A&nbsp;</span> \\*star\\* is running line 5',
    );
  });
});

describe('chipText', () => {
  it('says who and whether it runs with words and symbols, not colour alone', () => {
    expect(chipText(running(1, 5, 'worker-1'))).toBe('◀ ●A worker-1 running');
    expect(chipText(waiting(2, 5, 'w1'))).toBe('◁ ●B w1 waiting');
    expect(chipText({ ...waiting(10, 5, 'late'), status: 'ready' })).toBe('◁ ■J late ready');
    expect(chipText(running(null, 14, 'the program'))).toBe('◀ the program running');
  });
});

describe('escapeMarkdown', () => {
  it('keeps code spans and escapes the rest', () => {
    expect(escapeMarkdown('w_1 waits: queue.get() on `q_1` — empty')).toBe(
      'w\\_1 waits: queue.get() on `q_1` — empty',
    );
    expect(escapeMarkdown('<b>[x]</b>')).toBe('\\<b\\>\\[x\\]\\</b\\>');
  });
});

describe('diagnostics in words', () => {
  it('says the line (and column) first', () => {
    expect(
      diagnosticText({ line: 3, message: 'SyntaxError: invalid syntax', severity: 'error' }),
    ).toBe('Line 3: SyntaxError: invalid syntax');
    expect(
      diagnosticText({ line: 6, column: 24, message: 'SyntaxError: x', severity: 'error' }),
    ).toBe('Line 6, column 24: SyntaxError: x');
    expect(diagnosticText({ line: 6, message: 'RuntimeError: y', severity: 'warning' })).toBe(
      'Line 6 (warning): RuntimeError: y',
    );
    expect(diagnosticInline({ line: 1, message: 'ValueError: boom', severity: 'error' })).toBe(
      '✖ ValueError: boom',
    );
  });
});

describe('lineOffsets', () => {
  it('finds a line in plain text', () => {
    const text = 'a\nbcd\n\nef';
    expect(lineOffsets(text, 1)).toEqual({ start: 0, end: 1 });
    expect(lineOffsets(text, 2)).toEqual({ start: 2, end: 5 });
    expect(lineOffsets(text, 3)).toEqual({ start: 6, end: 6 });
    expect(lineOffsets(text, 4)).toEqual({ start: 7, end: 9 });
    expect(lineOffsets(text, 9)).toEqual({ start: 9, end: 9 });
  });
});
