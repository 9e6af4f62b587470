import { describe, expect, it } from 'vitest';
import { laneGeometry, MIN_ROW_H, ROOMY, rowAt } from './frame.ts';

describe('laneGeometry', () => {
  it('keeps roomy lanes when they all fit', () => {
    expect(laneGeometry(280, 5)).toBe(ROOMY);
    expect(laneGeometry(96, 0)).toBe(ROOMY);
  });

  it("shrinks the lanes so the default program's five all fit in the 1280×720 bottom row", () => {
    const g = laneGeometry(96, 5);
    expect(g.axisH + 5 * g.rowH).toBeLessThanOrEqual(96 - 2);
    expect(g.rowH).toBeGreaterThanOrEqual(MIN_ROW_H);
    expect(g.barH).toBeLessThan(g.rowH);
  });

  it('never goes under the smallest readable lane: many lanes scroll instead', () => {
    expect(laneGeometry(96, 40).rowH).toBe(MIN_ROW_H);
  });

  it('finds the lane under the pointer in compact lanes too', () => {
    const g = laneGeometry(96, 5);
    expect(rowAt(g.axisH + g.rowH / 2, 0, 5, g)).toBe(0);
    expect(rowAt(g.axisH + 4 * g.rowH + 1, 0, 5, g)).toBe(4);
    expect(rowAt(g.axisH - 1, 0, 5, g)).toBe(-1);
  });
});
