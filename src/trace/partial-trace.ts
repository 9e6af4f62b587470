/**
 * Assembling a trace from events streamed by the worker, for a run that has no final trace
 * document (the worker was stopped) or before it arrives. Tables, output and stats are derived
 * from the events; the result goes through `parseTrace`, like any other trace.
 */
import { parseTrace, TRACE_FORMAT, TRACE_VERSION } from './parse.ts';
import { rebuildTables } from './tables.ts';
import type { Trace, TraceError, TraceLimit, TraceStatus } from './types.ts';

/** What the worker client knows about a run besides its events. */
export interface PartialTraceHeader {
  readonly source: string;
  readonly python?: string;
  readonly file?: string;
  readonly simulated?: readonly string[];
  readonly detailSteps?: number;
  /** Default "limit": a partial trace is usually a run that was stopped. */
  readonly status?: TraceStatus;
  readonly error?: TraceError | null;
  /** Default when status is "limit": a wall-clock stop (see `WALL_LIMIT`). */
  readonly limit?: TraceLimit | null;
  /** Default: the text of the `out` events. */
  readonly stdout?: string;
  readonly stderr?: string;
}

export const WALL_LIMIT: TraceLimit = Object.freeze({
  kind: 'wall',
  message:
    'The program ran for 10 seconds of real time without finishing, so Event Loop Lab stopped it.',
});

/** The default number of steps with locals at every line (docs/trace-format.md, Locals). */
export const DEFAULT_DETAIL_STEPS = 20_000;

/**
 * A validated trace from `header` and the events received so far (chunks concatenated, in
 * order). Throws `TraceFormatError` when an event is malformed.
 */
export function partialTrace(header: PartialTraceHeader, events: readonly unknown[]): Trace {
  const status = header.status ?? 'limit';
  let stdout = '';
  let stderr = '';
  let lines = 0;
  for (const e of events) {
    if (typeof e === 'number') lines++;
    else if (isOut(e)) {
      if (e.e === 1) stderr += e.s;
      else stdout += e.s;
    }
  }
  // Validate before deriving tables: rebuildTables trusts its input's shape.
  const doc = {
    format: TRACE_FORMAT,
    version: TRACE_VERSION,
    python: header.python ?? '',
    file: header.file ?? 'main.py',
    source: header.source,
    status,
    stdout: header.stdout ?? stdout,
    stderr: header.stderr ?? stderr,
    error: header.error ?? null,
    limit: header.limit !== undefined ? header.limit : status === 'limit' ? WALL_LIMIT : null,
    tasks: [],
    objects: [],
    frames: [],
    simulated: header.simulated ?? [],
    stats: { steps: events.length, lines, detailSteps: header.detailSteps ?? DEFAULT_DETAIL_STEPS },
    events,
  };
  const trace = parseTrace(doc);
  return { ...trace, ...rebuildTables(trace.events) };
}

function isOut(e: unknown): e is { k: 'out'; s: string; e?: number } {
  if (typeof e !== 'object' || e === null) return false;
  const { k, s } = e as { k?: unknown; s?: unknown };
  return k === 'out' && typeof s === 'string';
}
