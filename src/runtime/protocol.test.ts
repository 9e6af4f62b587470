import { describe, expect, it } from 'vitest';
import { countJsonArrayItems, isFromWorker } from './protocol.ts';

describe('countJsonArrayItems', () => {
  const cases: unknown[][] = [
    [],
    [1],
    [1, 2, 9],
    [{ k: 'out', s: 'a, b [c] {d}' }, 3, { k: 'out', s: 'quote " and \\ backslash,' }],
    [{ k: 'suspend', t: 2, w: { on: 'gather', of: [3, 4], n: 2 } }, 7],
    ['x', null, true, -1.5e3],
  ];
  for (const items of cases) {
    it(`counts ${JSON.stringify(items)}`, () => {
      expect(countJsonArrayItems(JSON.stringify(items))).toBe(items.length);
      expect(countJsonArrayItems(JSON.stringify(items, null, 2))).toBe(items.length);
    });
  }
});

describe('isFromWorker', () => {
  it('accepts the protocol messages and nothing else', () => {
    expect(isFromWorker({ type: 'ready', pythonVersion: '3.14.2', loadMs: 1 })).toBe(true);
    expect(isFromWorker({ type: 'done', id: 1, header: '{}' })).toBe(true);
    expect(isFromWorker({ type: 'run', id: 1 })).toBe(false);
    expect(isFromWorker('ready')).toBe(false);
    expect(isFromWorker(null)).toBe(false);
  });
});
