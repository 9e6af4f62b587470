/**
 * The picture at a step with exact locals: outside the trace's detail window they come from a
 * focus re-run (slices/focus.ts). While that run is being made, or if it failed, the picture
 * says so instead of showing locals of another moment.
 */
import type { Trace } from '../runtime/run-trace.ts';
import { focusRequest, type LoopState, withFocusLocals, withFramesOf } from '../trace/index.ts';
import { type FocusEntry, focusEntryFor } from './slices/focus.ts';
import { previousState, shownStep, stateAtStep } from './views.ts';

/** Whether the cards' locals are exact (null), being worked out, or not to be had (one sentence). */
export type LocalsNote = null | { readonly busy: true } | { readonly busy: false; text: string };

export interface FocusedPicture {
  readonly state: LoopState;
  readonly previous: LoopState | null;
  readonly locals: LocalsNote;
}

const WORKING: LocalsNote = Object.freeze({ busy: true });
const made = new WeakMap<FocusEntry, Map<number, LoopState | null>>();

/** `withFocusLocals`, memoised per focus run (a few steps each: the step and the one before). */
function overlay(entry: FocusEntry & { status: 'ready' }, step: number): LoopState | null {
  let steps = made.get(entry);
  if (!steps) {
    steps = new Map();
    made.set(entry, steps);
  }
  if (!steps.has(step)) {
    steps.set(step, withFocusLocals(entry.of, entry.focus, entry.map, step));
    if (steps.size > 8) steps.delete(steps.keys().next().value as number);
  }
  return steps.get(step) ?? null;
}

/**
 * The picture at `step`. `canFocus`: the page has a runtime for focus runs (the speaker window
 * has none, and shows the trace as it is).
 */
export function focusedPicture(
  runs: readonly FocusEntry[],
  trace: Trace,
  step: number,
  canFocus: boolean,
): FocusedPicture {
  const s = shownStep(trace, step);
  const state = stateAtStep(trace, step);
  const previous = previousState(trace, step);
  if (!canFocus || s < 0 || focusRequest(trace, s) === null)
    return { state, previous, locals: null };
  const entry = focusEntryFor(runs, trace, s);
  if (entry === null || entry.status === 'working') return { state, previous, locals: WORKING };
  if (entry.status === 'failed')
    return { state, previous, locals: { busy: false, text: entry.message } };
  const exact = overlay(entry, s);
  if (exact === null) {
    const text = 'Exact locals could not be worked out for this step.';
    return { state, previous, locals: { busy: false, text } };
  }
  const before = s > 0 ? overlay(entry, s - 1) : null;
  return {
    state: exact,
    // No focus picture of the step before: the same frames, so nothing is marked as changed.
    previous: before ?? (previous && withFramesOf(previous, exact)),
    locals: null,
  };
}
