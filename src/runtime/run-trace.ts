/**
 * Assembles a trace from what the worker streamed: the event chunks plus, when the run ended
 * normally, the header. A run that had to be cut short (stopped, silent, crashed) has no header;
 * its trace is rebuilt from its events alone (src/trace's `partialTrace`), as
 * docs/trace-format.md promises is possible. Either way the result is validated by `parseTrace`.
 */
import {
  adoptTraceIndex,
  type EventColumns,
  eventsOfColumns,
  type LimitKind,
  parseTrace,
  partialTrace as partialFromEvents,
  type RawEvent,
  type Trace,
  type TraceIndexData,
  type TraceLimit,
} from '../trace/index.ts';
import type { RunOptions } from './protocol.ts';

export type { LimitKind, RawEvent, Trace, TraceLimit };

/** Concatenates JSON array chunks without spreading (a run may have millions of events). */
export function joinChunks(chunks: readonly string[]): RawEvent[] {
  const events: RawEvent[] = [];
  for (const chunk of chunks) {
    const items = JSON.parse(chunk) as unknown;
    if (!Array.isArray(items)) throw new Error('A chunk of trace events was not a JSON array.');
    for (const item of items) events.push(item as RawEvent);
  }
  return events;
}

/** The trace of a run that ended normally: the header plus every streamed event. */
export function traceFromParts(header: string, chunks: readonly string[]): Trace {
  const doc = JSON.parse(header) as Record<string, unknown>;
  // Without streaming the tracer puts the events in the header itself.
  if (!(Array.isArray(doc.events) && chunks.length === 0)) doc.events = joinChunks(chunks);
  return parseTrace(doc);
}

/**
 * The trace of a run that ended normally, from what the worker built: the header, the events as
 * columns and the index. Rebuilding the events array is one loop over an Int32Array; the index
 * is adopted, not rebuilt.
 */
export function traceFromColumns(
  header: string,
  columns: EventColumns,
  index: TraceIndexData | undefined,
): Trace {
  const doc = JSON.parse(header) as Record<string, unknown>;
  doc.events = eventsOfColumns(columns);
  const trace = parseTrace(doc);
  if (index !== undefined && index.time.length === trace.events.length) {
    adoptTraceIndex(trace, index);
  }
  return trace;
}

export interface PartialTraceInput {
  source: string;
  options: RunOptions;
  chunks: readonly string[];
  python: string;
  limit: TraceLimit;
}

/** The trace of a run that was cut short, rebuilt from the events that arrived. */
export function partialTrace(input: PartialTraceInput): Trace {
  return partialFromEvents(
    {
      source: input.source,
      python: input.python,
      detailSteps: input.options.detailSteps,
      status: 'limit',
      limit: input.limit,
    },
    joinChunks(input.chunks),
  );
}
