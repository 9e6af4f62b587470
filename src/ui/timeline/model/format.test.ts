import { describe, expect, it } from 'vitest';
import { formatCount, formatSeconds } from '../../../trace/index.ts';
import { formatTick, niceTicks, positionText } from './format.ts';

describe('formats', () => {
  it('says where the cursor is, as the slider value text', () => {
    expect(positionText(120, 2041, 4)).toBe('step 120 of 2,041, t = 4.0 s');
    expect(positionText(0, 0, 0)).toBe('step 0 of 0, t = 0.0 s');
  });

  it('writes times with at least one decimal (the words every pane uses)', () => {
    expect([4, 0.25, 0.1, 1234.5, 0.0005].map(formatSeconds)).toEqual([
      '4.0',
      '0.25',
      '0.1',
      '1,234.5',
      '0.0005',
    ]);
    expect(formatCount(1_000_000)).toBe('1,000,000');
  });

  it('labels ticks with the decimals their spacing needs', () => {
    expect(formatTick(0.30000000000000004, 0.1)).toBe('0.3 s');
    expect(formatTick(50, 10)).toBe('50 s');
    expect(formatTick(0.25, 0.05)).toBe('0.25 s');
  });
});

describe('niceTicks', () => {
  it('picks 1, 2 or 5 × 10^k at least the minimum gap apart', () => {
    expect(niceTicks(0, 100, 18, true)).toEqual({ spacing: 20, ticks: [0, 20, 40, 60, 80] });
    expect(niceTicks(-1.2, 10, 2.1, true).ticks).toEqual([0, 5]);
    expect(niceTicks(0, 0.6, 0.09, false).spacing).toBeCloseTo(0.1);
  });

  it('keeps steps whole and never says -0', () => {
    expect(niceTicks(0, 3, 0.2, true)).toEqual({ spacing: 1, ticks: [0, 1, 2] });
    expect(Object.is(niceTicks(-0.5, 3, 1, true).ticks[0], -0)).toBe(false);
  });

  it('gives nothing for an empty window', () => {
    expect(niceTicks(1, 1, 1, false).ticks).toEqual([]);
  });
});
