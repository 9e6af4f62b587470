/**
 * The speaker window's copy of the audience's run, held until it can stay.
 *
 * The speaker window opens the audience's lesson step in its own store. When that lesson has not
 * loaded yet (the lessons and each lesson's traces are chunks of their own), the audience's run
 * can arrive first; the lesson, arriving after, would show its own shipped run over it (the
 * lesson's opening step, not the audience's). So a run arriving for a place (a lesson step, or the
 * playground) that has not loaded here is held, and shown once it has. A later run replaces a held
 * one; the audience's steps and lesson moves meanwhile are kept on the held run, so it is shown
 * where the audience is. Nothing is re-sent or asked for again: the hold is local.
 */
import type { Trace } from '../runtime/run-trace.ts';
import type { LabStore } from './create-lab-store.ts';
import type { LabState } from './lab-state.ts';
import type { LessonPlace } from './slices/lesson/index.ts';

/** The audience's run as the speaker window shows it: the trace, the step, and where. */
export interface MirroredRun {
  readonly trace: Trace | null;
  readonly step: number;
  readonly place: LessonPlace | null;
}

export function samePlace(a: LessonPlace | null, b: LessonPlace | null): boolean {
  return a === b || (a !== null && b !== null && a.slug === b.slug && a.step === b.step);
}

/**
 * Whether this window shows `place` and its lesson has loaded: nothing of its own will replace a
 * run shown there any more (the playground needs no loading).
 */
export function placeLoaded(s: LabState, place: LessonPlace | null): boolean {
  return samePlace(s.lessonAt, place) && (place === null || s.lessonsLoaded);
}

export interface Mirror {
  /** The audience's run: shown now if its place has loaded here, held otherwise. */
  offer(run: MirroredRun): void;
  /** The audience moved to `step`: true when a held run took it (nothing to seek yet). */
  step(step: number): boolean;
  /** The audience opened `place` without a new run (the same program: the same run). */
  moved(place: LessonPlace | null): void;
  /** Whether a run is held: meanwhile this window's own picture is not the audience's. */
  holding(): boolean;
  /** After every change of the store: shows the held run once its place has loaded. */
  changed(): void;
}

/** `show` puts a run in the store (as a change from the other window, which is not posted back). */
export function createMirror(store: LabStore, show: (run: MirroredRun) => void): Mirror {
  let held: MirroredRun | null = null;
  let scheduled = false;

  const release = () => {
    scheduled = false;
    if (!held || !placeLoaded(store.getState(), held.place)) return;
    const run = held;
    held = null;
    show(run);
  };

  return {
    offer(run) {
      held = run;
      if (placeLoaded(store.getState(), run.place)) release();
    },
    step(step) {
      if (!held) return false;
      held = { ...held, step };
      return true;
    },
    moved(place) {
      if (held) held = { ...held, place };
    },
    holding: () => held !== null,
    changed() {
      // A lesson loads in several updates (the lessons, then the step's program and its shipped
      // run): the held run is shown after the update under way has finished, never inside it.
      if (!held || scheduled || !placeLoaded(store.getState(), held.place)) return;
      scheduled = true;
      queueMicrotask(release);
    },
  };
}
