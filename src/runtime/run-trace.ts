/**
 * Assembles the trace of a run that ended normally from what the worker sent: the header plus
 * the events (as streamed, or as columns again when the worker could not validate them). A run
 * that had to be cut short (stopped, silent, crashed) has no header; its trace is rebuilt from
 * its events alone (src/trace's `PartialTraceBuilder`, in client.ts), as docs/trace-format.md
 * promises is possible. Either way the result is validated by `parseTrace` (its events once:
 * in the worker as they streamed, or here).
 */
import {
  type EventColumns,
  eventsOfColumns,
  type LimitKind,
  parseTrace,
  type RawEvent,
  type Trace,
  type TraceLimit,
} from '../trace/index.ts';

export type { LimitKind, RawEvent, Trace, TraceLimit };

/**
 * The trace of a run that ended normally: the header plus every streamed event. `checked`: the
 * worker validated the events as they streamed (protocol.ts, `done`), so only the header is
 * checked here, not a million events again.
 */
export function traceFromEvents(header: string, events: RawEvent[], checked = false): Trace {
  const doc = JSON.parse(header) as Record<string, unknown>;
  // Without streaming the tracer puts the events in the header itself (nobody checked those).
  const own = Array.isArray(doc.events) && events.length === 0;
  if (!own) doc.events = events;
  return parseTrace(doc, { eventsChecked: checked && !own });
}

/**
 * The trace of a run whose streamed events the worker could not validate, from the header and
 * every event as columns: validated here, so that the page says why the trace is unreadable.
 * Rebuilding the events array is one loop over an Int32Array (none when the page has them).
 */
export function traceFromColumns(
  header: string,
  columns: EventColumns,
  streamed?: RawEvent[],
): Trace {
  const doc = JSON.parse(header) as Record<string, unknown>;
  // `streamed`: the same events, as the page already holds them from the run's `events`
  // messages (a copy of an array, cheaper than rebuilding a million events from the columns).
  doc.events = streamed?.length === columns.codes.length ? streamed : eventsOfColumns(columns);
  return parseTrace(doc);
}
