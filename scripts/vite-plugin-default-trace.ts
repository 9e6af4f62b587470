/**
 * `virtual:default-trace`: the trace of the playground's default program (src/app/default-program.ts),
 * recorded at build time in Node by the same tracer the browser runs, with the options a Run in
 * the browser uses. The playground shows it as a recording on a first visit, so there is a
 * picture before Pyodide (18 MB) has loaded. Traced once per tracer version: the disk cache of
 * the lessons plugin (scripts/trace-cache.ts) keeps it, under a key of its own because lessons
 * trace with other limits. Types: src/app/virtual-default-trace.d.ts.
 */
import type { Plugin } from 'vite';
import { DEFAULT_PROGRAM } from '../src/app/default-program.ts';
import { nodeTracer } from '../src/runtime/tracer.node.ts';
import { defaultCacheDir, diskTraceCache, tracerHash } from './trace-cache.ts';

export const VIRTUAL_DEFAULT_TRACE = 'virtual:default-trace';
const RESOLVED = `\0${VIRTUAL_DEFAULT_TRACE}`;

export interface DefaultTracePluginOptions {
  /** The disk cache of traces (default node_modules/.cache/event-loop-lab/traces); false: none. */
  readonly cacheDir?: string | false;
}

/** The default program's trace JSON: from the disk cache, or traced now (Pyodide in Node). */
export async function defaultTraceJson(
  root: string,
  cacheDir: string | false = defaultCacheDir(root),
): Promise<string> {
  // Browser runs pass no options (the tracer's default limits); lessons pass theirs, hence the key.
  const disk =
    cacheDir === false ? null : diskTraceCache(cacheDir, `${tracerHash(root)}:playground`);
  const cached = disk?.get(DEFAULT_PROGRAM);
  if (cached !== undefined) return cached;
  const json = (await nodeTracer()).traceJson(DEFAULT_PROGRAM, {});
  disk?.set(DEFAULT_PROGRAM, json);
  return json;
}

export function defaultTracePlugin(options: DefaultTracePluginOptions = {}): Plugin {
  let root = process.cwd();
  return {
    name: 'event-loop-lab:default-trace',
    configResolved(config) {
      root = config.root;
    },
    resolveId(id) {
      return id === VIRTUAL_DEFAULT_TRACE ? RESOLVED : undefined;
    },
    async load(id) {
      if (id !== RESOLVED) return undefined;
      const json = await defaultTraceJson(root, options.cacheDir);
      return `export const trace = ${JSON.stringify(json)};\n`;
    },
  };
}
