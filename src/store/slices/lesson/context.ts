/** What the lesson slice's actions share: the store, what is kept between visits, and caches. */
import type { Trace } from '../../../trace/index.ts';
import type { LabState } from '../../lab-state.ts';
import type { ShippedTraces } from './shipped-traces.ts';
import type { LessonMemory } from './storage.ts';
import type { LessonProgress } from './types.ts';

/** The playground as it was when a lesson opened (it comes back when the lesson closes). */
export interface Snapshot {
  readonly source: string;
  readonly originalSource: string;
  readonly trace: Trace | null;
  readonly step: number;
}

export interface LessonContext {
  readonly set: (patch: Partial<LabState>) => void;
  readonly get: () => LabState;
  readonly memory: LessonMemory;
  readonly traces: ShippedTraces;
  /** The learner's last run of each lesson program (this visit only), by `slug/programId`. */
  readonly live: Map<string, Trace>;
  snapshot: Snapshot | null;
  /**
   * A new `programKey` for a program the slice puts in the editor (`slot` says which: a lesson
   * program's `slug/programId`, or `playground`). Every put gets its own key, so a run that
   * started before is known to belong to something else, even when the slot is the same.
   */
  nextProgramKey(slot: string): string;
}

export function takeSnapshot(s: LabState): Snapshot {
  return { source: s.source, originalSource: s.originalSource, trace: s.trace, step: s.step };
}

/** The progress of every lesson with `slug`'s changed (the same object when nothing changed). */
export function withProgress(
  ctx: LessonContext,
  slug: string,
  change: (p: LessonProgress) => LessonProgress,
): Readonly<Record<string, LessonProgress>> {
  const all = ctx.get().progress;
  const before = all[slug] ?? { seen: [], passed: [] };
  const after = change(before);
  return after === before ? all : { ...all, [slug]: after };
}

/** Sets `patch`, then saves the progress if the patch changed it. */
export function setWithProgress(ctx: LessonContext, patch: Partial<LabState>): void {
  const before = ctx.get().progress;
  ctx.set(patch);
  if (patch.progress !== undefined && patch.progress !== before) {
    ctx.memory.saveProgress(patch.progress);
  }
}
