/**
 * Puts the tracer's Python package into a Pyodide instance. Shared by the Web Worker and by Node
 * (CLI, tests, benchmarks, build-time lesson traces), so both run the very same tracer.
 */
import type { PyodideAPI } from 'pyodide';

/**
 * Environment for every Pyodide that runs the tracer: a fixed string-hash seed, so that a
 * program iterating a set of strings does the same in the browser, in Node and run after run
 * (CPython picks a random seed per process; any seed is a faithful run).
 */
export const TRACER_ENV = { PYTHONHASHSEED: '0' } as const;

/** Where the package lives inside Pyodide's file system. */
const ROOT = '/eventlooplab-src';

/**
 * @param files map from a path ending in `eventlooplab/<module>.py` (any prefix) to its source.
 */
export function installTracer(pyodide: PyodideAPI, files: Record<string, string>): void {
  const fs = pyodide.FS;
  let count = 0;
  for (const [path, text] of Object.entries(files)) {
    const at = path.lastIndexOf('eventlooplab/');
    if (at < 0 || !path.endsWith('.py')) continue;
    const target = `${ROOT}/${path.slice(at)}`;
    mkdirs(fs, target.slice(0, target.lastIndexOf('/')));
    fs.writeFile(target, text);
    count++;
  }
  if (count === 0) throw new Error('installTracer: no eventlooplab/*.py files were given');
  pyodide.runPython(
    `import sys\nif ${JSON.stringify(ROOT)} not in sys.path: sys.path.insert(0, ${JSON.stringify(ROOT)})\nimport eventlooplab.api`,
  );
}

function mkdirs(fs: PyodideAPI['FS'], dir: string): void {
  let path = '';
  for (const part of dir.split('/').filter(Boolean)) {
    path += `/${part}`;
    if (!fs.analyzePath(path).exists) fs.mkdir(path);
  }
}
