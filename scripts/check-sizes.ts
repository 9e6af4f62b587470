/**
 * `npm run lint:sizes [-- paths…]` lists every file over 400 lines and every function over 80
 * lines in src/ and scripts/ (TypeScript, TSX, Python; tests exempt), one per line as
 * `path:line  name  N lines`, and exits 1 if there is any. A file whose first line is
 * `// size: <reason>` (`# size: <reason>` in Python) says why it may be long, and is not listed.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  FILE_LIMIT,
  FUNCTION_LIMIT,
  formatOffender,
  isMeasured,
  type Offender,
  scanPython,
  scanTypeScript,
} from './sizes.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SKIP = new Set(['node_modules', 'dist', '__pycache__', '.git']);

function walk(path: string, out: string[]): void {
  if (statSync(path).isDirectory()) {
    for (const name of readdirSync(path).sort()) {
      if (!SKIP.has(name)) walk(join(path, name), out);
    }
  } else if (isMeasured(path)) {
    out.push(path);
  }
}

const roots = process.argv.slice(2);
const files: string[] = [];
for (const root of roots.length > 0 ? roots : ['src', 'scripts']) walk(join(ROOT, root), files);

const offenders: Offender[] = [];
const python: [string, string][] = [];
for (const file of files) {
  const path = relative(ROOT, file);
  const text = readFileSync(file, 'utf8');
  if (path.endsWith('.py')) python.push([path, text]);
  else offenders.push(...scanTypeScript(path, text));
}
offenders.push(...scanPython(python));
offenders.sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line);

for (const o of offenders) process.stdout.write(`${formatOffender(o)}\n`);
if (offenders.length > 0) {
  process.stdout.write(
    `${offenders.length} over the size rule (files ${FILE_LIMIT} lines, functions ${FUNCTION_LIMIT}): split them, or give the reason on the file's first line (// size: <reason>).\n`,
  );
  process.exit(1);
}
