import { describe, expect, it } from 'vitest';
import { connector, localRect, spread } from './arrows.ts';

const card = (x: number, y: number) => ({ x, y, width: 100, height: 50 });

/** The numbers of an SVG path or points list. */
const nums = (s: string) => (s.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);

describe('connector', () => {
  it('goes from bottom to top when the target is below', () => {
    const c = connector(card(0, 0), card(200, 100));
    expect(c.start).toEqual({ x: 50, y: 50 });
    expect(c.end).toEqual({ x: 250, y: 100 });
    expect(c.d.startsWith('M 50 50 C')).toBe(true);
    // The arrowhead's tip is the end point; its base is above it (pointing down).
    const head = nums(c.head);
    expect(head.slice(0, 2)).toEqual([250, 100]);
    expect(head[3]).toBeLessThan(100);
  });

  it('drops straight to turnY, when given and between the two, and turns below it', () => {
    // By default one curve, its control points halfway down (y 150).
    const plain = connector(card(0, 0), card(200, 250));
    expect(plain.d).toMatch(/^M 50 50 C 50 150, 250 150, /);
    // To the band's top first: the sideways run stays under what sits beside the source.
    const dropped = connector(card(0, 0), card(200, 250), { turnY: 230 });
    expect(dropped.d).toMatch(/^M 50 50 L 50 230 C 50 240, 250 240, /);
    expect(dropped.end).toEqual({ x: 250, y: 250 });
    // Outside the span between the two it is ignored.
    expect(connector(card(0, 0), card(200, 250), { turnY: 300 }).d).toBe(plain.d);
  });

  it('goes from top to bottom when the target is above', () => {
    const c = connector(card(0, 200), card(0, 0));
    expect(c.start).toEqual({ x: 50, y: 200 });
    expect(c.end).toEqual({ x: 50, y: 50 });
    const head = nums(c.head);
    expect(head[3]).toBeGreaterThan(50);
  });

  it('arcs over the top between cards of one row', () => {
    const c = connector(card(0, 0), card(300, 10));
    expect(c.start).toEqual({ x: 50, y: 0 });
    expect(c.end).toEqual({ x: 350, y: 10 });
    // Control points lie above both cards.
    const [, , c1x, c1y, c2x, c2y] = nums(c.d);
    expect(c1x).toBe(50);
    expect(c2x).toBe(350);
    expect(c1y).toBeLessThan(0);
    expect(c2y).toBeLessThan(0);
  });

  it('attaches where asked along the edges', () => {
    const c = connector(card(0, 0), card(0, 100), { startAt: 0.2, endAt: 0.8 });
    expect(c.start.x).toBe(20);
    expect(c.end.x).toBe(80);
  });

  it('stops the line inside the arrowhead', () => {
    const c = connector(card(0, 0), card(0, 100), { headSize: 10 });
    const d = nums(c.d);
    expect(d[d.length - 1]).toBeCloseTo(94);
  });
});

describe('spread', () => {
  it('centres one and spreads several over the middle', () => {
    expect(spread(0, 1)).toBe(0.5);
    expect(spread(0, 3)).toBeCloseTo(0.2);
    expect(spread(1, 3)).toBeCloseTo(0.5);
    expect(spread(2, 3)).toBeCloseTo(0.8);
  });
});

describe('localRect', () => {
  it('turns screen pixels into the pixels of a container zoomed 1.5 times', () => {
    // A card at (130, 85) on screen, 150 × 60 there, in a container whose corner is at (100, 40).
    const box = { x: 130, y: 85, width: 150, height: 60 };
    expect(localRect(box, { x: 100, y: 40 }, 1.5)).toEqual({
      x: 20,
      y: 30,
      width: 100,
      height: 40,
    });
  });

  it('leaves an unzoomed box as it is, and ignores a scale that cannot be', () => {
    const box = { x: 10, y: 20, width: 30, height: 40 };
    expect(localRect(box, { x: 0, y: 0 }, 1)).toEqual(box);
    expect(localRect(box, { x: 0, y: 0 }, 0)).toEqual(box);
  });
});
