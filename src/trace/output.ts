/**
 * What the program printed, step by step. One scan of the trace (cached per trace) lists the
 * `out` events and concatenates each stream once, so the text up to any step is a slice of
 * a string built once rather than a join at every step.
 */
import type { Step } from './ids.ts';
import { countBelow } from './step-search.ts';
import type { OutputStream, Trace } from './types.ts';

export interface OutputEntry {
  readonly step: Step;
  readonly text: string;
  readonly stream: OutputStream;
}

export interface OutputIndex {
  readonly entries: readonly OutputEntry[];
  readonly steps: Int32Array;
  readonly stdout: string;
  readonly stderr: string;
  /** stdoutEnd[i]: length of stdout after the first i outputs (i = 0…entries.length). */
  readonly stdoutEnd: Int32Array;
  readonly stderrEnd: Int32Array;
}

const indexes = new WeakMap<Trace, OutputIndex>();

/** Every `out` event, in order. `outputs(trace).slice(0, state.outputCount)` is the console so far. */
export function outputs(trace: Trace): readonly OutputEntry[] {
  return outputIndex(trace).entries;
}

/** The step of the `i`-th output (0-based), or null if there are not that many. */
export function stepOfOutput(trace: Trace, i: number): Step | null {
  const steps = outputIndex(trace).steps;
  return Number.isInteger(i) && i >= 0 && i < steps.length ? (steps[i] as Step) : null;
}

/** Number of outputs at or before `step` (the same as `stateAt(trace, step).outputCount`). */
export function outputCountAt(trace: Trace, step: Step | number): number {
  return countBelow(outputIndex(trace).steps, step + 1);
}

/** stdout and stderr as written up to and including `step` (-1: nothing yet). */
export function outputTextAt(
  trace: Trace,
  step: Step | number,
): { stdout: string; stderr: string } {
  const index = outputIndex(trace);
  const n = countBelow(index.steps, step + 1);
  return {
    stdout: index.stdout.slice(0, index.stdoutEnd[n]),
    stderr: index.stderr.slice(0, index.stderrEnd[n]),
  };
}

function outputIndex(trace: Trace): OutputIndex {
  const index = indexes.get(trace);
  if (index !== undefined) return index;
  const entries: OutputEntry[] = [];
  const events = trace.events;
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    if (typeof e === 'object' && e.k === 'out') entries.push(outputEntry(i, e.s, e.e));
  }
  return adoptOutputs(trace, entries);
}

/** One `out` event as an output entry (`e`: 1 for stderr). */
export function outputEntry(step: number, text: string, e: number | undefined): OutputEntry {
  return Object.freeze({ step: step as Step, text, stream: e === 1 ? 'stderr' : 'stdout' });
}

/**
 * Makes `entries` (every `out` event of this trace, in order, collected as its events arrived:
 * partial-trace.ts) the outputs the functions above answer with, without a scan of the events.
 */
export function adoptOutputs(trace: Trace, entries: OutputEntry[]): OutputIndex {
  const stdoutEnd = new Int32Array(entries.length + 1);
  const stderrEnd = new Int32Array(entries.length + 1);
  const out: string[] = [];
  const err: string[] = [];
  let outLength = 0;
  let errLength = 0;
  entries.forEach((entry, i) => {
    if (entry.stream === 'stdout') {
      out.push(entry.text);
      outLength += entry.text.length;
    } else {
      err.push(entry.text);
      errLength += entry.text.length;
    }
    stdoutEnd[i + 1] = outLength;
    stderrEnd[i + 1] = errLength;
  });
  const index: OutputIndex = {
    entries: Object.freeze(entries),
    steps: Int32Array.from(entries, (entry) => entry.step),
    stdout: out.join(''),
    stderr: err.join(''),
    stdoutEnd,
    stderrEnd,
  };
  indexes.set(trace, index);
  return index;
}
