import { describe, expect, it } from 'vitest';
import { laneGeometry } from './renderer/frame.ts';
import { lanesView } from './use-lanes-room.ts';

describe('lanesView', () => {
  it('shows every lane when they fit the room', () => {
    const geo = laneGeometry(93, 5);
    expect(lanesView(geo, 5 * geo.rowH, 93)).toBe(geo.axisH + 5 * geo.rowH);
  });

  it('shows whole lanes only when they do not all fit: none is cut through its middle', () => {
    const geo = laneGeometry(80, 10);
    const view = lanesView(geo, 10 * geo.rowH, 80);
    expect(view).toBeLessThanOrEqual(80);
    expect((view - geo.axisH) % geo.rowH).toBe(0);
    expect(view).toBeGreaterThan(80 - geo.rowH);
  });

  it('keeps at least the pinned event-loop lane however small the room', () => {
    const geo = laneGeometry(10, 5);
    expect(lanesView(geo, 5 * geo.rowH, 10)).toBe(geo.axisH + geo.rowH);
  });
});
