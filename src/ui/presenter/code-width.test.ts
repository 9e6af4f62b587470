import { describe, expect, it } from 'vitest';
import { codeFit, codeWidth, longestLine } from './code-width.ts';

describe('longestLine', () => {
  it('counts the widest line, a tab as four columns', () => {
    expect(longestLine('import asyncio\n\n\tawait x\r\nprint(1)')).toBe(14);
    expect(longestLine('\t\tab')).toBe(10);
    expect(longestLine('')).toBe(0);
  });
});

describe('codeWidth', () => {
  it('grows with the columns and the type size, over a fixed gutter', () => {
    const narrow = codeWidth(40, 14);
    expect(codeWidth(80, 14) - narrow).toBeCloseTo(40 * 0.61 * 14, -1);
    expect(codeWidth(40, 18)).toBeGreaterThan(narrow);
    // The default program's widest line (67 columns) at 14 px: about 660 px with its gutter.
    expect(codeWidth(67, 14)).toBeGreaterThan(640);
    expect(codeWidth(67, 14)).toBeLessThan(680);
  });
});

describe('codeFit', () => {
  it('leaves the code alone when the column holds the longest line or 40 columns', () => {
    expect(codeFit(700, 67, 14, 1)).toBe(1);
    expect(codeFit(codeWidth(40, 14), 67, 14, 1.5)).toBe(1);
    expect(codeFit(300, 20, 14, 1.5)).toBe(1);
  });

  it('scales the code down to show 40 columns, never below what 100 % shows', () => {
    const fit = codeFit(315, 67, 14, 1.5);
    expect(fit).toBeCloseTo(315 / codeWidth(40, 14), 2);
    expect(codeFit(250, 67, 14, 1.5)).toBeCloseTo(1 / 1.5, 2);
    expect(codeFit(100, 67, 14, 2)).toBe(0.5);
  });
});
