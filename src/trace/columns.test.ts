import { describe, expect, it } from 'vitest';
import { ColumnAssembler, eventsOfColumns } from './columns.ts';

describe('ColumnAssembler', () => {
  it('keeps line events in the codes and object events beside them, in order', () => {
    const a = new ColumnAssembler();
    expect(a.addChunk('[{"k":"frame","f":1,"fn":"<module>","t":null},1,2]')).toBe(3);
    expect(a.addChunk('[3,{"k":"out","s":"caf\\u00e9\\n"},0]')).toBe(3);
    const cols = a.columns();
    expect(Array.from(cols.codes)).toEqual([-1, 1, 2, 3, -2, 0]);
    expect(eventsOfColumns(cols)).toEqual([
      { k: 'frame', f: 1, fn: '<module>', t: null },
      1,
      2,
      3,
      { k: 'out', s: 'café\n' },
      0,
    ]);
  });

  it('grows past its first buffer and hands out a copy that later chunks leave alone', () => {
    const a = new ColumnAssembler();
    const lines = Array.from({ length: 10_000 }, (_, i) => (i % 50) + 1);
    a.add(lines);
    const first = a.columns();
    a.add([{ k: 'loop', run: false }]);
    expect(first.codes.length).toBe(10_000);
    expect(eventsOfColumns(first)).toEqual(lines);
    expect(a.count).toBe(10_001);
    expect(eventsOfColumns(a.columns()).at(-1)).toEqual({ k: 'loop', run: false });
  });

  it('rejects a chunk that is not a JSON array', () => {
    expect(() => new ColumnAssembler().addChunk('{"k":"loop"}')).toThrow(/not a JSON array/);
  });
});
