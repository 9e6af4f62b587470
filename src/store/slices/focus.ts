/**
 * The focus slice: exact locals at far steps of a long run (src/trace/focus.ts).
 *
 * A trace records locals only inside its detail window; for a step outside it the page traces
 * the program again with a focus window there, on a runner of its own (a second worker, so a
 * run the learner starts never waits behind one), and keeps the last few such traces. One focus
 * run at a time: a request made meanwhile waits, and only the latest one waiting is kept.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { RunOptions } from '../../runtime/protocol.ts';
import { type FocusMap, focusRequest, mapFocus, type Trace } from '../../trace/index.ts';
import type { LabState } from '../lab-state.ts';

/** What the focus slice needs from a runtime (a LabClient of its own in the browser). */
export interface FocusRunner {
  run(source: string, options: RunOptions): Promise<Trace>;
}

/** Focus traces kept (each covers a block of steps: stepping back and forth reuses them). */
export const FOCUS_KEPT = 4;

export type FocusEntry =
  | { readonly of: Trace; readonly from: number; readonly status: 'working' }
  | {
      readonly of: Trace;
      readonly from: number;
      readonly status: 'ready';
      readonly focus: Trace;
      readonly map: FocusMap;
    }
  | {
      readonly of: Trace;
      readonly from: number;
      readonly status: 'failed';
      readonly message: string;
    };

export interface FocusSlice {
  /** The page has a runtime for focus runs (the speaker window has none). */
  canFocus: boolean;
  /** Focus re-runs of the shown trace, oldest first (at most FOCUS_KEPT). */
  focusRuns: readonly FocusEntry[];
  /** Asks for exact locals at `step` of the shown trace (nothing when it has them already). */
  requestFocus(step: number): void;
}

/** The focus run that covers `step` of `trace`, or null when none was asked for. */
export function focusEntryFor(
  runs: readonly FocusEntry[],
  trace: Trace,
  step: number,
): FocusEntry | null {
  const asked = focusRequest(trace, step);
  if (asked === null) return null;
  return runs.find((r) => r.of === trace && r.from === asked.focusFrom) ?? null;
}

export function createFocusSlice(
  runner: FocusRunner | null,
): StateCreator<LabState, [], [], FocusSlice> {
  return (set, get) => {
    let busy = false;
    let waiting: { trace: Trace; step: number } | null = null;
    const update = (of: Trace, from: number, entry: FocusEntry) =>
      set({ focusRuns: get().focusRuns.map((r) => (r.of === of && r.from === from ? entry : r)) });

    async function start(trace: Trace, step: number): Promise<void> {
      const asked = focusRequest(trace, step);
      if (runner === null || asked === null) return;
      if (focusEntryFor(get().focusRuns, trace, step) !== null) return;
      const from = asked.focusFrom;
      // Runs of another trace are of no more use: that trace is no longer shown.
      const kept = get().focusRuns.filter((r) => r.of === trace);
      set({
        focusRuns: [...kept.slice(-(FOCUS_KEPT - 1)), { of: trace, from, status: 'working' }],
      });
      busy = true;
      try {
        const focus = await runner.run(trace.source, asked);
        update(trace, from, {
          of: trace,
          from,
          status: 'ready',
          focus,
          map: mapFocus(trace, focus),
        });
      } catch (error) {
        // A FocusMismatchError (the runs disagree) says so in its message, as any error does.
        const message = error instanceof Error ? error.message : String(error);
        update(trace, from, { of: trace, from, status: 'failed', message });
      } finally {
        busy = false;
        const next = waiting;
        waiting = null;
        if (next !== null && next.trace === get().trace) void start(next.trace, next.step);
      }
    }

    return {
      canFocus: runner !== null,
      focusRuns: [],
      requestFocus(step) {
        const trace = get().trace;
        if (trace === null || get().running) return;
        if (busy) waiting = { trace, step };
        else void start(trace, step);
      },
    };
  };
}
