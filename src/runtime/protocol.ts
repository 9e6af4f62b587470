/**
 * The messages between the page and the Pyodide worker: one discriminated union per direction.
 * Every message about a run carries the run's request id, so a late message from a run the page
 * has given up on can never be mistaken for the current one.
 *
 * Trace data crosses as compact columns, parsed from the tracer's JSON in the worker: `events`
 * bring each chunk's events while the program runs (line events in an Int32Array, transferred),
 * `done` brings the header (the trace without `events`, as JSON text) at the end. The page
 * keeps the streamed events and indexes them as they arrive (src/trace's PartialTraceBuilder),
 * so it never parses the events' JSON nor scans the run again, and the worker sends them again
 * (as columns) only when it could not validate them.
 */
import type { EventColumns } from '../trace/index.ts';

/** Limits a run may override (the tracer's defaults apply otherwise; see docs/trace-format.md). */
export interface RunOptions {
  maxSteps?: number;
  maxTime?: number;
  maxOutput?: number;
  detailSteps?: number;
  /** First step of the detail window: re-running a program with another window gives exact
   * locals anywhere in a long run (runs are deterministic). */
  detailFrom?: number;
  /** A second detail window (src/trace/focus.ts): exact locals around a far step. */
  focusFrom?: number;
  focusSteps?: number;
  /** End the run where the focus window ends: a focus re-run needs nothing further. */
  stopAfterFocus?: boolean;
  /** Record locals at every suspend outside the detail windows (the version 1 way). */
  suspendLocals?: boolean;
}

/** Page → worker. */
export type ToWorker = { type: 'run'; id: number; source: string; options: RunOptions };

/** Worker → page. */
export type FromWorker =
  /** Pyodide has loaded and the tracer is installed; runs may start. */
  | { type: 'ready'; pythonVersion: string; loadMs: number }
  /** How many events run `id` has streamed so far. */
  | { type: 'progress'; id: number; steps: number }
  /**
   * The next events of run `id`, in order: a slice of at most 8,192 events of a chunk the tracer
   * streamed, parsed (the page handles each message as one short task). `checked`: the worker
   * validated them (and every event before them), so the page need not.
   */
  | { type: 'events'; id: number; columns: EventColumns; checked?: boolean }
  /**
   * Run `id` ended; `header` is the trace JSON without `events`. `checked`: the worker validated
   * every event it streamed (this many), so the page's streamed events make the trace. Else
   * `columns` bring every event again, for the page to validate (and say why they are
   * unreadable); without either the page validates its streamed events itself.
   */
  | { type: 'done'; id: number; header: string; columns?: EventColumns; checked?: number }
  /**
   * Something went wrong inside Event Loop Lab (not in the program: the program's own errors are
   * part of the trace). `id` is null when Python itself failed to load.
   */
  | { type: 'failed'; id: number | null; message: string };

export type FromWorkerType = FromWorker['type'];

/** A narrow check for messages arriving from the worker (anything else is ignored). */
export function isFromWorker(data: unknown): data is FromWorker {
  if (typeof data !== 'object' || data === null) return false;
  const type = (data as { type?: unknown }).type;
  return (
    type === 'ready' ||
    type === 'progress' ||
    type === 'events' ||
    type === 'done' ||
    type === 'failed'
  );
}
