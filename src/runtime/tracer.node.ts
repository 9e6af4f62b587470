/**
 * The tracer in Node: loads Pyodide from node_modules and runs programs with the same Python
 * package the browser worker uses. Used by the `trace` CLI, tests, benchmarks and lesson builds.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPyodide, type PyodideAPI } from 'pyodide';
import { installTracer, TRACER_ENV } from './install-tracer.ts';

export interface TraceOptions {
  maxSteps?: number;
  maxTime?: number;
  maxOutput?: number;
  detailSteps?: number;
  detailFrom?: number;
  focusFrom?: number;
  focusSteps?: number;
  stopAfterFocus?: boolean;
  suspendLocals?: boolean;
}

export interface NodeTracer {
  pyodide: PyodideAPI;
  /** Runs `source` and returns the trace as JSON text. */
  traceJson(source: string, options?: TraceOptions): string;
  /** Runs `source` with the stock asyncio machinery and no tracing; returns what it printed. */
  runUntraced(source: string): string;
}

const pythonDir = fileURLToPath(new URL('./python/', import.meta.url));

export function readPythonSources(dir = pythonDir): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.py')) files[relative(dir, full)] = readFileSync(full, 'utf8');
    }
  };
  walk(dir);
  return files;
}

let shared: Promise<NodeTracer> | undefined;

/** One Pyodide per process: loading takes seconds, running a program takes milliseconds. */
export function nodeTracer(): Promise<NodeTracer> {
  shared ??= createNodeTracer();
  return shared;
}

export async function createNodeTracer(): Promise<NodeTracer> {
  // Pyodide prints to the console by default; the tracer captures program output itself.
  const pyodide = await loadPyodide({ stdout: () => {}, stderr: () => {}, env: { ...TRACER_ENV } });
  installTracer(pyodide, readPythonSources());
  const api = pyodide.pyimport('eventlooplab.api');
  return {
    pyodide,
    traceJson(source, options = {}) {
      return api.trace_program(source, JSON.stringify(options)) as string;
    },
    runUntraced(source) {
      return api.run_untraced(source) as string;
    },
  };
}
