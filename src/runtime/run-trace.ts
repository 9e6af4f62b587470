/**
 * Assembles the trace of a run that ended normally from what the worker sent: the header plus
 * the events (as columns with the worker's index, or as streamed). A run that had to be cut short
 * (stopped, silent, crashed) has no header; its trace is rebuilt from its events alone
 * (src/trace's `PartialTraceBuilder`, in client.ts), as docs/trace-format.md promises is
 * possible. Either way the result is validated by `parseTrace`.
 */
import {
  adoptTraceIndex,
  type EventColumns,
  eventsOfColumns,
  type LimitKind,
  parseTrace,
  type RawEvent,
  type Trace,
  type TraceIndexData,
  type TraceLimit,
} from '../trace/index.ts';

export type { LimitKind, RawEvent, Trace, TraceLimit };

/** The trace of a run that ended normally: the header plus every streamed event. */
export function traceFromEvents(header: string, events: RawEvent[]): Trace {
  const doc = JSON.parse(header) as Record<string, unknown>;
  // Without streaming the tracer puts the events in the header itself.
  if (!(Array.isArray(doc.events) && events.length === 0)) doc.events = events;
  return parseTrace(doc);
}

/**
 * The trace of a run that ended normally, from what the worker built: the header, the events as
 * columns and the index. Rebuilding the events array is one loop over an Int32Array (none when
 * the page has them already); the index is adopted, not rebuilt.
 */
export function traceFromColumns(
  header: string,
  columns: EventColumns,
  index: TraceIndexData | undefined,
  streamed?: RawEvent[],
): Trace {
  const doc = JSON.parse(header) as Record<string, unknown>;
  // `streamed`: the same events, as the page already holds them from the run's `events`
  // messages (a copy of an array, cheaper than rebuilding a million events from the columns).
  doc.events = streamed?.length === columns.codes.length ? streamed : eventsOfColumns(columns);
  // The worker sends an index only for a trace it validated (worker.ts `indexOf`): its events
  // need no second pass here, only the header (parsed just now) is checked.
  const trace = parseTrace(doc, { eventsChecked: index !== undefined });
  if (index !== undefined && index.time.length === trace.events.length) {
    adoptTraceIndex(trace, index);
  }
  return trace;
}
