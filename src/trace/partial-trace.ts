/**
 * Assembling a trace from events streamed by the worker, for a run that has no final trace
 * document (the worker was stopped) or before it arrives. Tables, output and stats are derived
 * from the events; the result goes through `parseTrace`, like any other trace (its events
 * validated as they were added).
 */
import { adoptStalls, StallFinder } from './coach-stalls.ts';
import { adoptOutputs, type OutputEntry, outputEntry } from './output.ts';
import { parseTrace, TRACE_FORMAT, TRACE_VERSION, validateEvents } from './parse.ts';
import { extendReplayIndex, shareReplayIndex } from './replay.ts';
import { TablesBuilder } from './tables.ts';
import { adoptTraceIndex } from './trace-index.ts';
import { TraceIndexBuilder } from './trace-index-builder.ts';
import type { RawEvent, Trace, TraceError, TraceLimit, TraceStatus } from './types.ts';

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
  const builder = new PartialTraceBuilder();
  builder.add(events);
  // The array itself, not a copy: a partial trace holds the events it was given.
  return builder.trace(header, events as readonly RawEvent[]);
}

/**
 * A partial trace built as events arrive: each chunk is validated and looked at once (its lines
 * counted, its output, tables, index and stalls collected), so that a trace of the events so far
 * costs a copy of the events array, not another pass over all of them (the live picture of a
 * long run asks for one every few hundred milliseconds).
 */
export class PartialTraceBuilder {
  private readonly events: RawEvent[] = [];
  private readonly objectTypes = new Map<number, string>();
  private readonly tables = new TablesBuilder();
  private readonly index = new TraceIndexBuilder();
  private readonly outputs: OutputEntry[] = [];
  private readonly stalls = new StallFinder();
  private stdout = '';
  private stderr = '';
  private lines = 0;
  /**
   * The events so far as replay.ts sees a trace: the replay's checkpoints are built here as
   * events arrive (one fold of each chunk, a fraction of a millisecond), and every trace lent
   * to shares them. So no seek in a run's trace, live or final, ever replays more than one
   * checkpoint interval, even before the page's idle warm-up could have built them (a far seek
   * at a million steps right as the run ends folded up to all of them in one task).
   */
  private readonly replay = { events: this.events } as unknown as Trace;
  /** `finish` gave the events away: they belong to a trace now, and traces never change. */
  private finished = false;

  /** Number of events so far. */
  get count(): number {
    return this.events.length;
  }

  /** A copy of the events so far. */
  eventsSoFar(): RawEvent[] {
    return this.events.slice();
  }

  /**
   * The events, not a copy, for the run's final trace (a million events copied cost the end
   * of a run a few milliseconds and 8 MB of garbage): none may be added after this.
   */
  finish(): RawEvent[] {
    this.finished = true;
    return this.events;
  }

  /**
   * Validates and appends the next events (throws `TraceFormatError`, naming the step).
   * `checked`: they were validated already, with every event before them (the worker does).
   */
  add(events: readonly unknown[], checked = false): void {
    if (this.finished) throw new Error('The run has ended: its events are a trace now.');
    // Validate before deriving tables: the tables builder trusts its input's shape.
    if (!checked) validateEvents(events, this.events.length, this.objectTypes);
    const valid = events as readonly RawEvent[];
    for (const e of valid) {
      this.events.push(e);
      if (typeof e === 'number') this.lines++;
      // Object types, as validateEvents notes them: a later chunk may not come checked.
      else if (checked && e.k === 'object') this.objectTypes.set(e.o, e.type);
      else if (e.k === 'out') {
        this.outputs.push(outputEntry(this.events.length - 1, e.s, e.e));
        if (e.e === 1) this.stderr += e.s;
        else this.stdout += e.s;
      }
    }
    this.tables.add(valid);
    this.index.add(valid);
    this.stalls.add(valid);
    extendReplayIndex(this.replay, () => true);
  }

  /**
   * The trace of the events so far: a new trace each time (traces are immutable), holding a copy
   * of them (`events`: the same events, when the caller has them in an array of its own).
   */
  trace(header: PartialTraceHeader, events: readonly RawEvent[] = this.events.slice()): Trace {
    const status = header.status ?? 'limit';
    const doc = {
      format: TRACE_FORMAT,
      version: TRACE_VERSION,
      python: header.python ?? '',
      file: header.file ?? 'main.py',
      source: header.source,
      status,
      stdout: header.stdout ?? this.stdout,
      stderr: header.stderr ?? this.stderr,
      error: header.error ?? null,
      limit: header.limit !== undefined ? header.limit : status === 'limit' ? WALL_LIMIT : null,
      tasks: [],
      objects: [],
      frames: [],
      simulated: header.simulated ?? [],
      stats: {
        steps: events.length,
        lines: this.lines,
        detailSteps: header.detailSteps ?? DEFAULT_DETAIL_STEPS,
      },
      events,
    };
    const parsed = parseTrace(doc, { eventsChecked: true });
    const trace: Trace = { ...parsed, ...this.tables.tables() };
    // The index, the outputs and the stalls so far come with the trace (trace-index-builder.ts):
    // views of a live run never scan all its events again for each new picture of it. (`lend`
    // gives nothing to a trace of other events.)
    this.lend(trace);
    return trace;
  }

  /**
   * Gives `trace`, which holds the same events (the run's final trace: the header the worker
   * sent over them), the index, outputs and stalls collected here and the replay's checkpoints
   * built here (replay.ts): the page then scans none of its events again. Nothing for a trace
   * of other events.
   */
  lend(trace: Trace): void {
    if (trace.events.length !== this.events.length) return;
    adoptTraceIndex(trace, this.index.data(trace.tasks));
    adoptOutputs(trace, this.outputs.slice());
    adoptStalls(trace, this.stalls.stalls());
    shareReplayIndex(trace, this.replay);
  }
}
