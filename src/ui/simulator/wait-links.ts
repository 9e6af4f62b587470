/**
 * Which arrows the picture draws: from each waiting task to each task and object it awaits
 * (`waitTargets` says which). Pure, so a test can check an arrow exists without a browser;
 * WaitArrows only measures and draws these.
 */
import type { LoopState, ObjectId, TaskId } from '../../trace/index.ts';
import { waitTargets } from '../../trace/words.ts';
import { taskStyle } from '../task-style.ts';

/** An arrow from a waiting task's card to the card of a task, or the box of an object, it awaits. */
export interface WaitLink {
  readonly from: TaskId;
  readonly to: { readonly task: TaskId } | { readonly object: ObjectId };
  /** The waiting task's colour. */
  readonly color: string;
}

/**
 * An arrow from each shown waiting task to each shown task, and each object, it awaits (a
 * stream wait's Connection or Server included, drawn in the Connections box).
 */
export function waitLinks(state: LoopState, shown: ReadonlySet<TaskId>): WaitLink[] {
  const out: WaitLink[] = [];
  for (const t of state.tasks) {
    if (t.state !== 'waiting' || !t.wait || !shown.has(t.id)) continue;
    const color = taskStyle(t.id).color;
    const targets = waitTargets(state, t.wait);
    for (const id of targets.tasks) {
      if (shown.has(id)) out.push({ from: t.id, to: { task: id }, color });
    }
    for (const id of targets.objects) out.push({ from: t.id, to: { object: id }, color });
  }
  return out;
}
