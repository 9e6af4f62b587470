/**
 * The traces shipped with the lessons, parsed on first use and kept per store: each store has
 * its own cache (two stores, e.g. two tests, never share Trace objects), and a dev update of the
 * lessons drops the traces no lesson ships any more.
 */
import type { LessonBundle } from '../../../lessons/index.ts';
import { parseTrace, type Trace } from '../../../trace/index.ts';

export interface ShippedTraces {
  /** The parsed trace of one program of a lesson, or null if it ships none (or an unreadable one). */
  get(bundle: LessonBundle, programId: string): Trace | null;
  /** Keeps only the traces the given lessons still ship. */
  prune(lessons: readonly LessonBundle[]): void;
}

export function createShippedTraces(): ShippedTraces {
  /** By JSON text: the same text gives the same Trace object. */
  let parsed = new Map<string, Trace>();
  return {
    get(bundle, programId) {
      const json = bundle.traces[programId];
      if (json === undefined) return null;
      let trace = parsed.get(json);
      if (!trace) {
        try {
          trace = parseTrace(json);
        } catch {
          return null;
        }
        parsed.set(json, trace);
      }
      return trace;
    },
    prune(lessons) {
      const keep = new Set(lessons.flatMap((b) => Object.values(b.traces)));
      parsed = new Map([...parsed].filter(([json]) => keep.has(json)));
    },
  };
}
