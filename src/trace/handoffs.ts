/**
 * Jumping between handoffs: the steps where control changes hands (`resume`, `suspend`,
 * `task-done`, `callback`). The index is one scan of the trace, cached per trace; each jump is
 * a binary search over it.
 */
import type { Step } from './ids.ts';
import { firstAfter, lastBefore } from './step-search.ts';
import type { Trace } from './types.ts';

const HANDOFF_KINDS: ReadonlySet<string> = new Set(['resume', 'suspend', 'task-done', 'callback']);
const indexes = new WeakMap<Trace, Int32Array>();

/** Every handoff step, ascending. */
export function handoffSteps(trace: Trace): Int32Array {
  let steps = indexes.get(trace);
  if (steps === undefined) {
    const found: number[] = [];
    const events = trace.events;
    for (let i = 0; i < events.length; i++) {
      const e = events[i];
      if (typeof e === 'object' && HANDOFF_KINDS.has(e.k)) found.push(i);
    }
    steps = Int32Array.from(found);
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
