import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { diskTraceCache, tracerHash } from './trace-cache.ts';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'trace-cache-'));
  dirs.push(dir);
  return join(dir, 'traces');
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('the build-time trace cache', () => {
  it('gives a second build the trace the first recorded, for the same program only', () => {
    const dir = tempDir();
    diskTraceCache(dir, 'tracer-1').set('print(1)\n', '{"trace":1}');
    const next = diskTraceCache(dir, 'tracer-1');
    expect(next.get('print(1)\n')).toBe('{"trace":1}');
    expect(next.get('print(2)\n')).toBeUndefined();
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('re-traces every program once the tracer changes', () => {
    const dir = tempDir();
    const sources = { 'eventlooplab/recorder.py': 'x = 1\n' };
    const before = tracerHash(process.cwd(), sources);
    diskTraceCache(dir, before).set('print(1)\n', '{"trace":1}');
    const after = tracerHash(process.cwd(), { 'eventlooplab/recorder.py': 'x = 2\n' });
    expect(after).not.toBe(before);
    expect(tracerHash(process.cwd(), sources)).toBe(before);
    expect(diskTraceCache(dir, after).get('print(1)\n')).toBeUndefined();
  });

  it('a cache it cannot write only costs a re-trace', () => {
    // The cache folder's place is taken by a file: nothing can be written under it.
    const blocked = tempDir();
    writeFileSync(blocked, 'not a folder');
    const cache = diskTraceCache(join(blocked, 'traces'), 't');
    cache.set('print(1)\n', '{}');
    expect(cache.get('print(1)\n')).toBeUndefined();
  });
});
