/**
 * A disk cache of build-time lesson traces, so that `vite build` and the dev server re-trace only
 * the programs that changed. A trace is kept under the hash of its program together with the hash
 * of the tracer (its Python sources, Pyodide's version and the tracer's environment): any change
 * to the tracer gives every program a new key, so a stale trace is never served. Entries are
 * plain files in `node_modules/.cache/event-loop-lab/traces/` (deleting the folder is always safe).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TRACER_ENV } from '../src/runtime/install-tracer.ts';
import { readPythonSources } from '../src/runtime/tracer.node.ts';

export interface TraceCache {
  /** The cached trace JSON of `source`, or undefined. */
  get(source: string): string | undefined;
  set(source: string, json: string): void;
}

export function defaultCacheDir(root: string): string {
  return join(root, 'node_modules', '.cache', 'event-loop-lab', 'traces');
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A hash of everything that decides what the tracer records. */
export function tracerHash(root: string, sources = readPythonSources()): string {
  let pyodideVersion = '';
  try {
    const pkg = readFileSync(join(root, 'node_modules', 'pyodide', 'package.json'), 'utf8');
    pyodideVersion = String((JSON.parse(pkg) as { version?: unknown }).version ?? '');
  } catch {
    // No pyodide package.json: the Python sources alone still key the cache.
  }
  const files = Object.keys(sources)
    .sort()
    .map((name) => `${name}\0${sources[name]}`);
  return sha256(JSON.stringify({ pyodideVersion, env: TRACER_ENV, files }));
}

/** The cache in `dir` for traces recorded by the tracer whose hash is `tracer`. */
export function diskTraceCache(dir: string, tracer: string): TraceCache {
  const file = (source: string) => join(dir, `${sha256(`${tracer}\0${source}`)}.json`);
  return {
    get(source) {
      try {
        return readFileSync(file(source), 'utf8');
      } catch {
        return undefined;
      }
    },
    set(source, json) {
      try {
        mkdirSync(dir, { recursive: true });
        // Write then rename: a build killed halfway never leaves a truncated trace behind.
        const target = file(source);
        const temp = `${target}.${process.pid}.tmp`;
        writeFileSync(temp, json);
        renameSync(temp, target);
      } catch {
        // A read-only or full disk only costs the next build a re-trace.
      }
    },
  };
}
