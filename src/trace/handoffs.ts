/**
 * Jumping between handoffs: the steps where control changes hands (`resume`, `suspend`,
 * `task-done`, `callback`), merged from the per-trace index once per trace; each jump is
 * a binary search over it.
 */
import type { Step } from './ids.ts';
import { firstAfter, lastBefore } from './step-search.ts';
import { type ObjectEventKind, stepsOfKind } from './trace-index.ts';
import type { Trace } from './types.ts';

const HANDOFF_KINDS: ReadonlySet<string> = new Set(['resume', 'suspend', 'task-done', 'callback']);
const indexes = new WeakMap<Trace, Int32Array>();

/** Every handoff step, ascending: the index's steps of those kinds, merged (no scan of lines). */
export function handoffSteps(trace: Trace): Int32Array {
  let steps = indexes.get(trace);
  if (steps === undefined) {
    const lists = [...HANDOFF_KINDS].map((k) => stepsOfKind(trace, k as ObjectEventKind));
    steps = new Int32Array(lists.reduce((sum, l) => sum + l.length, 0));
    let at = 0;
    for (const l of lists) {
      steps.set(l, at);
      at += l.length;
    }
    // Each step holds one event, so the kinds' lists never share a step.
    steps.sort();
    indexes.set(trace, steps);
  }
  return steps;
}

/** The first handoff after `step`, or null if there is none. */
export function nextHandoff(trace: Trace, step: Step | number): Step | null {
  return firstAfter(handoffSteps(trace), step) as Step | null;
}

/** The last handoff before `step`, or null if there is none. */
export function prevHandoff(trace: Trace, step: Step | number): Step | null {
  return lastBefore(handoffSteps(trace), step) as Step | null;
}

/** Whether the event at `step` hands control over. */
export function isHandoff(trace: Trace, step: Step | number): boolean {
  const e = trace.events[step];
  return typeof e === 'object' && HANDOFF_KINDS.has(e.k);
}
