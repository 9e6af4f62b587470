/**
 * `npm run fixtures:update` records the test fixtures again: every tests/fixtures/traces/<name>.trace.json
 * is traced anew from its program (<name>.py beside it, or the corpus program tests/corpus/<name>.py)
 * in Node by the real tracer, as `npm run trace` does.
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

const CORPUS = join(ROOT, 'tests', 'corpus');

/**
 * A fixture's program: `<name>.py` beside its trace, or the corpus program of the same name
 * (tests/corpus/<name>.py), which is not copied here so the two can never drift apart.
 */
function programOf(name: string): string | null {
  for (const file of [join(DIR, `${name}.py`), join(CORPUS, `${name}.py`)])
    if (existsSync(file)) return readFileSync(file, 'utf8');
  return null;
}

const tracer = await nodeTracer();
const written: string[] = [];
for (const name of readdirSync(DIR)
  .filter((f) => f.endsWith('.trace.json'))
  .map((f) => f.slice(0, -'.trace.json'.length))
  .sort()) {
  const source = programOf(name);
  if (source === null) {
    process.stderr.write(`no program for tests/fixtures/traces/${name}.trace.json\n`);
    process.exitCode = 1;
    continue;
  }
  const out = join(DIR, `${name}.trace.json`);
  const json = tracer.traceJson(source, OPTIONS[name] ?? {});
  if (sameTrace(out, json)) continue;
  writeFileSync(out, `${json}\n`);
  written.push(out);
  process.stdout.write(`updated tests/fixtures/traces/${name}.trace.json\n`);
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
