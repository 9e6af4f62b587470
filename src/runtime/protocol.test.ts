import { describe, expect, it } from 'vitest';
import { isFromWorker } from './protocol.ts';

describe('isFromWorker', () => {
  it('accepts the protocol messages and nothing else', () => {
    expect(isFromWorker({ type: 'ready', pythonVersion: '3.14.2', loadMs: 1 })).toBe(true);
    expect(isFromWorker({ type: 'done', id: 1, header: '{}' })).toBe(true);
    expect(isFromWorker({ type: 'run', id: 1 })).toBe(false);
    expect(isFromWorker('ready')).toBe(false);
    expect(isFromWorker(null)).toBe(false);
  });
});
