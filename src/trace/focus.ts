/**
 * Exact locals at a far step of a long run, from a second run of the same program.
 *
 * Outside its detail window a trace records no locals (docs/trace-format.md, *Locals*): keeping
 * them at every suspend cost a third of the tracer's time. Runs are deterministic, so the page
 * traces the program again with a *focus window* around the step the learner looks at: until the
 * window opens, that run writes the very events of the first one, and inside it, it records
 * locals at every line. The two traces then agree event for event once the kinds only detail
 * adds are left out (`FOCUS_ONLY`), which is how a step of the first maps to the second.
 */
import type { FrameId, TaskId } from './ids.ts';
import { stateAt } from './replay.ts';
import type { LoopState } from './state.ts';
import { findTask } from './state.ts';
import type { RawEvent, Trace } from './types.ts';

/** A focus re-run covers the block of this many steps holding the step asked for, so nearby
 * steps (stepping, playing) share one re-run. */
export const FOCUS_BLOCK = 2_000;
/** Detail writes more events per line (locals, `in`, object states) than the first run did: the
 * focus window, counted in the re-run's own steps, is this many times the block, and more. */
const SPREAD = 5;
const SLACK = 1_000;
/** A window opens at the first line at or past its start (the locals follow that line), so it is
 * asked to start a little before the block. */
const LEAD = 100;

/** The run options of a focus re-run (the run's own limits are given beside them). */
export interface FocusOptions {
  readonly detailFrom: number;
  readonly detailSteps: number;
  readonly focusFrom: number;
  readonly focusSteps: number;
  readonly stopAfterFocus: true;
  readonly suspendLocals: false;
  /** Past the focus window (the re-run stops there), so no step limit stops it sooner. */
  readonly maxSteps: number;
}

/** Whether the trace recorded locals at every suspend outside its detail window (version 1). */
export function hasSuspendLocals(trace: Trace): boolean {
  return trace.stats.suspendLocals ?? trace.version === 1;
}

/**
 * The options of a re-run that gives exact locals at `step`, or null when the trace has them
 * already: the step is inside its detail window, or the trace kept locals at every suspend.
 */
export function focusRequest(trace: Trace, step: number): FocusOptions | null {
  if (hasSuspendLocals(trace) || step < 0 || step >= trace.events.length) return null;
  const detailFrom = trace.stats.detailFrom ?? 0;
  const until = detailFrom + trace.stats.detailSteps;
  if (step >= detailFrom && step < until) return null;
  const block = Math.floor(step / FOCUS_BLOCK) * FOCUS_BLOCK;
  const focusFrom = step >= until ? Math.max(block - LEAD, until) : Math.max(block - LEAD, 0);
  const focusSteps = (block + FOCUS_BLOCK - focusFrom) * SPREAD + SLACK;
  return {
    detailFrom,
    detailSteps: trace.stats.detailSteps,
    focusFrom,
    focusSteps,
    stopAfterFocus: true,
    suspendLocals: false,
    maxSteps: focusFrom + focusSteps + 1,
  };
}

/** Kinds a detail window adds or places differently; the rest of two runs' events agree. */
export const FOCUS_ONLY: ReadonlySet<string> = new Set([
  'locals',
  'frame',
  'in',
  'object',
  'state',
]);

/** Two runs that should agree did not: their locals are never mixed. */
export class FocusMismatchError extends Error {
  constructor(readonly step: number) {
    super(`The re-run for exact locals differs from the run at step ${step}: locals not shown.`);
    this.name = 'FocusMismatchError';
  }
}

/** Where the steps of a trace land in its focus re-run. */
export interface FocusMap {
  /** The first step of the original trace that the map covers (the focus window's start). */
  readonly from: number;
  /** `at[i]`: the re-run's step for original step `from + i` (-1 past the re-run's end). */
  readonly at: Int32Array;
}

/** The same event in both runs, as far as `mapFocus` compares them (kind, task, line). */
function agree(a: RawEvent, b: RawEvent): boolean {
  if (typeof a === 'number' || typeof b === 'number') return a === b;
  return a.k === b.k && (a as { t?: unknown }).t === (b as { t?: unknown }).t;
}

function skipped(e: RawEvent): boolean {
  return typeof e !== 'number' && FOCUS_ONLY.has(e.k);
}

/**
 * Walks the original trace and its focus re-run in lockstep from the start, leaving out
 * `FOCUS_ONLY` kinds, and maps each original step from `focusFrom` (by default where the re-run
 * began recording locals, `stats.focusFrom`) on to the re-run's step showing the same moment (a
 * left-out original event, to the step before the re-run's next agreeing one). Throws
 * FocusMismatchError where the runs disagree.
 */
export function mapFocus(
  original: Trace,
  focus: Trace,
  focusFrom = focus.stats.focusFrom ?? focus.events.length,
): FocusMap {
  const a = original.events;
  const b = focus.events;
  const from = Math.min(focusFrom, a.length, b.length);
  // Before the window both runs write the very same events, so they agree place by place.
  for (let i = 0; i < from; i++) {
    if (!agree(a[i] as RawEvent, b[i] as RawEvent)) throw new FocusMismatchError(i);
  }
  const at = new Int32Array(a.length - from).fill(-1);
  let j = from;
  let pending = from; // original steps left out since the last agreeing one
  for (let i = from; i < a.length; i++) {
    const e = a[i] as RawEvent;
    if (skipped(e)) continue;
    while (j < b.length && skipped(b[j] as RawEvent)) j++;
    if (j >= b.length) break; // the re-run stopped at its window's end
    if (!agree(e, b[j] as RawEvent)) throw new FocusMismatchError(i);
    // Those left out show the moment just before this one: the re-run's own events up to here
    // (a window's first locals, an `in`) are theirs too.
    at.fill(j - 1, pending - from, i - from);
    at[i - from] = j++;
    pending = i + 1;
  }
  return { from, at };
}

/** The re-run's step for original `step`, or null when the map does not cover it. */
export function focusStep(map: FocusMap, step: number): number | null {
  const j = step >= map.from ? map.at[step - map.from] : undefined;
  return j === undefined || j < 0 ? null : j;
}

/**
 * The original's picture at `step` with each task's frame (and the module level's) taken from
 * the focus re-run, so the cards' `findFrame(state, task.frame).locals` reads exact locals. The
 * frames and frame ids are the re-run's throughout: two states made this way (a step and the
 * one before, for the change marks) compare frame by frame. Null when the map misses the step.
 */
export function withFocusLocals(
  original: Trace,
  focus: Trace,
  map: FocusMap,
  step: number,
): LoopState | null {
  const j = focusStep(map, step);
  if (j === null) return null;
  return withFramesOf(stateAt(original, step), stateAt(focus, j));
}

/**
 * `state` with the frames of `other` (a picture of the same run's tasks): its frames, the module
 * level's, and each task's innermost frame.
 */
export function withFramesOf(state: LoopState, other: LoopState): LoopState {
  const frameOf = (id: TaskId): FrameId | null => findTask(other, id)?.frame ?? null;
  return Object.freeze({
    ...state,
    frames: other.frames,
    mainFrame: other.mainFrame,
    tasks: Object.freeze(state.tasks.map((t) => Object.freeze({ ...t, frame: frameOf(t.id) }))),
  });
}
