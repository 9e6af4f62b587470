/**
 * Timers that fall due together, as one entry: eight workers sleeping 1–3 s are three entries
 * ("1.0 s → wakes Task-2, Task-5, Task-8"), not eight, so the timers' column stays short enough
 * for the whole picture to fit a projector at readable type (issue 9 §1).
 */
import type { TimerEntry } from './state.ts';

/** Timers due at the same instant that do the same to a task (wake it, or cancel it). */
export interface TimerGroup {
  readonly at: number;
  readonly timers: readonly TimerEntry[];
}

/** Whether `b` joins `a`'s group: the same instant, the same deed, both about a task. */
function together(a: TimerEntry, b: TimerEntry): boolean {
  return a.at === b.at && a.why === b.why && a.task !== null && b.task !== null;
}

/**
 * Neighbouring timers (the list is in firing order) that are due at the same instant and do the
 * same to a task, grouped; a callback's timer stays an entry of its own, as does any timer that
 * fires between two others due then (grouping never changes the firing order read top down).
 */
export function groupTimers(timers: readonly TimerEntry[]): TimerGroup[] {
  const groups: { at: number; timers: TimerEntry[] }[] = [];
  for (const timer of timers) {
    const last = groups[groups.length - 1];
    const first = last?.timers[0];
    if (last && first && together(first, timer)) last.timers.push(timer);
    else groups.push({ at: timer.at, timers: [timer] });
  }
  return groups;
}
