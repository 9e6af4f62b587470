/**
 * Chromium traces (`browser.startTracing`), as the page benchmarks read them: complete events
 * (`ph: 'X'`) with their wall time (`dur`) and the thread's CPU time (`tdur`), in µs.
 */

/** One trace event, with the fields the bench scripts read. */
export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  cat?: string;
  args?: { name?: string; data?: { type?: string; url?: string; functionName?: string } };
}

/** The complete events on the page's main thread (the renderer's CrRendererMain), in order. */
export function mainThreadEvents(events: readonly TraceEvent[]): TraceEvent[] {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  return events
    .filter((e) => e.ph === 'X' && e.tid === main?.tid && e.pid === main?.pid)
    .sort((a, b) => a.ts - b.ts);
}
