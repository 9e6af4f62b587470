/**
 * Trace events as compact columns, for moving a big run between threads: the worker parses the
 * streamed JSON chunks into them, and the page rebuilds the events array with one plain loop
 * instead of a JSON.parse of megabytes. Most events of a long run are line events (bare
 * integers); here each costs 4 bytes in one Int32Array, which crosses to the page as a
 * transferable (no copy), and only the few object events are structured-cloned.
 */
import type { RawEvent, RawObjectEvent } from './types.ts';

export interface EventColumns {
  /** One per event: a line event's line number (≥ 0), or -1 - i for `objects[i]`. */
  readonly codes: Int32Array;
  /** The object events, in order. */
  readonly objects: readonly RawObjectEvent[];
}

/** Collects events chunk by chunk into growing columns. */
export class ColumnAssembler {
  private codes = new Int32Array(4096);
  private length = 0;
  private readonly objects: RawObjectEvent[] = [];

  /** Number of events so far. */
  get count(): number {
    return this.length;
  }

  /** Appends the events of one streamed chunk (the text of a JSON array); returns how many. */
  addChunk(text: string): number {
    const items = JSON.parse(text) as unknown;
    if (!Array.isArray(items)) throw new Error('A chunk of trace events was not a JSON array.');
    this.add(items as RawEvent[]);
    return items.length;
  }

  add(events: readonly RawEvent[]): void {
    this.reserve(this.length + events.length);
    const codes = this.codes;
    let n = this.length;
    for (const e of events) {
      if (typeof e === 'number') {
        codes[n++] = e;
      } else {
        codes[n++] = -1 - this.objects.length;
        this.objects.push(e);
      }
    }
    this.length = n;
  }

  /** The columns so far (a copy of the used part: the assembler can go on growing). */
  columns(): EventColumns {
    return { codes: this.codes.slice(0, this.length), objects: this.objects.slice() };
  }

  private reserve(size: number): void {
    if (size <= this.codes.length) return;
    const grown = new Int32Array(Math.max(size, this.codes.length * 2));
    grown.set(this.codes.subarray(0, this.length));
    this.codes = grown;
  }
}

/** The columns of one array of events (a streamed chunk, parsed in the worker). */
export function columnsOf(events: readonly RawEvent[]): EventColumns {
  const assembler = new ColumnAssembler();
  assembler.add(events);
  return assembler.columns();
}

/** The events array the columns hold, as parsing the trace's JSON would have given it. */
export function eventsOfColumns({ codes, objects }: EventColumns): RawEvent[] {
  const n = codes.length;
  const events: RawEvent[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const c = codes[i] as number;
    events[i] = c >= 0 ? c : (objects[-1 - c] as RawObjectEvent);
  }
  return events;
}
