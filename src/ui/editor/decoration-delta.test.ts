import { describe, expect, it } from 'vitest';
import { decorationDelta, withAdded } from './decoration-delta.ts';

const line = (n: number, className: string) => ({
  range: { startLineNumber: n, startColumn: 1, endLineNumber: n, endColumn: 9 },
  options: { isWholeLine: true, className },
});
const chip = (n: number, content: string) => ({
  range: { startLineNumber: n, startColumn: 9, endLineNumber: n, endColumn: 9 },
  options: { after: { content } },
});

/** The lines of `decorations` as shown with ids x1, x2, … */
function shownAs(decorations: ReturnType<typeof line | typeof chip>[]) {
  const d = decorationDelta(new Map(), decorations);
  return withAdded(
    d.kept,
    d.added,
    d.add.map((_, i) => `x${i + 1}`),
  );
}

describe('decorationDelta', () => {
  it('adds everything the first time, line by line', () => {
    const d = decorationDelta(new Map(), [line(1, 'a'), line(2, 'b'), chip(1, 'A')]);
    expect(d.remove).toEqual([]);
    expect(d.add).toEqual([line(1, 'a'), chip(1, 'A'), line(2, 'b')]);
    expect(d.added.map((a) => a.count)).toEqual([2, 1]);
  });

  it('changes nothing when the next decorations are the shown ones', () => {
    const shown = shownAs([line(1, 'a'), line(2, 'b')]);
    const d = decorationDelta(shown, [line(1, 'a'), line(2, 'b')]);
    expect(d.remove).toEqual([]);
    expect(d.add).toEqual([]);
    expect(d.kept).toEqual(shown);
  });

  it('touches only the lines that changed', () => {
    const shown = shownAs([line(1, 'a'), line(2, 'b')]);
    const d = decorationDelta(shown, [line(1, 'a'), line(3, 'b')]);
    expect(d.remove).toEqual(['x2']);
    expect(d.add).toEqual([line(3, 'b')]);
    expect([...withAdded(d.kept, d.added, ['x3']).values()]).toEqual([['x1'], ['x3']]);
  });

  it('lays a line again whole, in order, when one of its chips changes', () => {
    const shown = shownAs([line(5, 'a'), chip(5, 'A running'), chip(5, 'B waiting')]);
    const d = decorationDelta(shown, [line(5, 'a'), chip(5, 'B running'), chip(5, 'B waiting')]);
    expect(d.remove).toEqual(['x1', 'x2', 'x3']);
    expect(d.add).toEqual([line(5, 'a'), chip(5, 'B running'), chip(5, 'B waiting')]);
  });
});
