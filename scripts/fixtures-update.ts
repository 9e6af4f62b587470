/**
 * `npm run fixtures:update` records the test fixtures again: every tests/fixtures/traces/<name>.py
 * is traced in Node by the real tracer (as `npm run trace` does) into <name>.trace.json beside it.
 * Files whose trace did not change are left alone (byte for byte); changed ones are written and
 * formatted with Biome, so the diff shows only what the tracer now records differently. Review it:
 * the unit tests pin step numbers from these runs.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeTracer } from '../src/runtime/tracer.node.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIR = join(ROOT, 'tests', 'fixtures', 'traces');

/** Same JSON value (the files on disk are formatted; the tracer's output is not). */
function sameTrace(file: string, json: string): boolean {
  if (!existsSync(file)) return false;
  try {
    return (
      JSON.stringify(JSON.parse(readFileSync(file, 'utf8'))) === JSON.stringify(JSON.parse(json))
    );
  } catch {
    return false;
  }
}

/** Tracer options per fixture (options.json beside them; the coach's fixtures keep runs short). */
const OPTIONS: Record<string, Record<string, number>> = JSON.parse(
  readFileSync(join(DIR, 'options.json'), 'utf8'),
);

const tracer = await nodeTracer();
const written: string[] = [];
for (const name of readdirSync(DIR)
  .filter((f) => f.endsWith('.py'))
  .sort()) {
  const out = join(DIR, name.replace(/\.py$/, '.trace.json'));
  const json = tracer.traceJson(
    readFileSync(join(DIR, name), 'utf8'),
    OPTIONS[name.replace(/\.py$/, '')] ?? {},
  );
  if (sameTrace(out, json)) continue;
  writeFileSync(out, `${json}\n`);
  written.push(out);
  process.stdout.write(`updated tests/fixtures/traces/${name.replace(/\.py$/, '.trace.json')}\n`);
}
if (written.length > 0) {
  const biome = join(
    ROOT,
    'node_modules',
    '.bin',
    process.platform === 'win32' ? 'biome.cmd' : 'biome',
  );
  const r = spawnSync(biome, ['format', '--write', ...written], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0)
    process.stderr.write(`note: Biome could not format them: ${r.stderr || r.error}\n`);
}
process.stdout.write(`${written.length} of the fixture traces changed.\n`);
