/**
 * The Pyodide worker: loads CPython once from the app's own origin, installs the tracer, then
 * traces each program it is sent. It stays thin — Python does the tracing; this file parses and
 * validates the tracer's JSON into compact columns, off the page's thread (protocol.ts).
 */
import type { PyodideAPI } from 'pyodide';
import { ColumnAssembler, columnsOf, type RawEvent, validateEvents } from '../trace/index.ts';
import { installTracer, TRACER_ENV } from './install-tracer.ts';
import { lockDown } from './lockdown.ts';
import type { FromWorker, ToWorker } from './protocol.ts';
import { pythonSources } from './python-sources.ts';

type LoadPyodide = typeof import('pyodide').loadPyodide;

/** The parts of the dedicated worker scope we use (the app's TS lib is DOM, not WebWorker). */
interface WorkerScope {
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ToWorker>) => void): void;
  location: { href: string };
}

const scope = globalThis as unknown as WorkerScope;
// Bound before lockDown() removes postMessage from the global: only this module may talk to the page.
const post: (message: FromWorker, transfer?: Transferable[]) => void =
  scope.postMessage.bind(scope);

/** At most this many events per `events` message (see protocol.ts). */
const SLICE_EVENTS = 8192;

/** Pyodide's files are served by the app itself under `<base>/pyodide/` (vite.config.ts). */
const indexURL = new URL(`${import.meta.env.BASE_URL}pyodide/`, scope.location.href).href;

interface TracerApi {
  trace_program(source: string, optionsJson: string, onChunk: (chunk: string) => void): string;
}

async function boot(): Promise<TracerApi> {
  const started = performance.now();
  const { loadPyodide } = (await import(/* @vite-ignore */ `${indexURL}pyodide.mjs`)) as {
    loadPyodide: LoadPyodide;
  };
  const pyodide: PyodideAPI = await loadPyodide({
    indexURL,
    // Never the CDN: packages, if any were ever needed, come from the same place.
    packageBaseUrl: indexURL,
    // The tracer captures the program's output itself.
    stdout: () => {},
    stderr: () => {},
    env: { ...TRACER_ENV },
  });
  installTracer(pyodide, pythonSources);
  const api = pyodide.pyimport('eventlooplab.api') as unknown as TracerApi;
  const pythonVersion = String(pyodide.runPython('import platform; platform.python_version()'));
  lockDown();
  post({ type: 'ready', pythonVersion, loadMs: Math.round(performance.now() - started) });
  return api;
}

const booted = boot();
booted.catch((error: unknown) => post({ type: 'failed', id: null, message: messageOf(error) }));

scope.addEventListener('message', (event) => {
  const message = event.data;
  if (message?.type === 'run') void run(message);
});

async function run({ id, source, options }: Extract<ToWorker, { type: 'run' }>): Promise<void> {
  let api: TracerApi;
  try {
    api = await booted;
  } catch (error) {
    post({ type: 'failed', id, message: `Python did not load: ${messageOf(error)}` });
    return;
  }
  let steps = 0;
  const assembler = new ColumnAssembler();
  // Events are validated here as they stream (object types carried from chunk to chunk), so
  // the page does not validate them again; after the first malformed one, no longer: the page
  // then validates the rest itself, and says why the trace is unreadable.
  const objectTypes = new Map<number, string>();
  let valid = true;
  const onChunk = (chunk: string) => {
    // Parsed here, off the page's thread: the page gets each chunk's events as columns (and
    // every event again at the end, should one not validate).
    const items = JSON.parse(chunk) as unknown;
    if (!Array.isArray(items)) throw new Error('A chunk of trace events was not a JSON array.');
    const events = items as RawEvent[];
    valid &&= validates(events, steps, objectTypes);
    assembler.add(events);
    steps += events.length;
    // In slices: the page takes each message as one task, and a whole chunk (up to 65,536
    // events) indexed at once could hold its thread past 50 ms on a busy machine.
    for (let at = 0; at < events.length; at += SLICE_EVENTS) {
      const columns = columnsOf(events.slice(at, at + SLICE_EVENTS));
      post({ type: 'events', id, columns, checked: valid }, [columns.codes.buffer as ArrayBuffer]);
    }
    post({ type: 'progress', id, steps });
  };
  try {
    const header = String(api.trace_program(source, JSON.stringify(options), onChunk));
    // Valid events: the page holds them all, indexed as they arrived; no second copy of them,
    // and no index built here again (a scan of the whole run, between its end and the picture).
    if (valid) {
      post({ type: 'done', id, header, checked: steps });
      return;
    }
    const columns = assembler.columns();
    post({ type: 'done', id, header, columns }, [columns.codes.buffer as ArrayBuffer]);
  } catch (error) {
    post({ type: 'failed', id, message: messageOf(error) });
  }
}

/** Whether `events` (the chunk from step `first` on) follow docs/trace-format.md. */
function validates(
  events: readonly RawEvent[],
  first: number,
  objectTypes: Map<number, string>,
): boolean {
  try {
    validateEvents(events, first, objectTypes);
    return true;
  } catch {
    return false;
  }
}

/** One line: a Python traceback is reduced to its last line (`TypeError: …`). */
function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const lines = text.trim().split('\n');
  return text.includes('Traceback (most recent call last)') ? (lines.at(-1) ?? text) : text;
}
