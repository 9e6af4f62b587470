/** Builds the store from its slices (no React here: see react.tsx for the binding). */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { LabState } from './lab-state.ts';
import { createEditorSlice, type KeyValueStorage, type TextStore } from './slices/editor.ts';
import { createFocusSlice, type FocusRunner } from './slices/focus.ts';
import {
  createLessonSlice,
  lessonAwareTextStore,
  lessonMemory,
  openStepProgram,
} from './slices/lesson/index.ts';
import { createPlaybackSlice } from './slices/playback.ts';
import { createPresenterSlice } from './slices/presenter.ts';
import { createRecordingSlice } from './slices/recording.ts';
import { createRunSlice, type Runner } from './slices/run.ts';
import { createViewSlice } from './slices/view.ts';

export interface LabStoreDeps {
  runner: Runner;
  textStore: TextStore;
  defaultSource: string;
  /** Where lesson progress and edits of lesson programs are kept (localStorage in the browser). */
  lessonStorage?: KeyValueStorage;
  /** Runs focus re-runs (exact locals at far steps) beside the learner's runs; none: no such runs. */
  focusRunner?: FocusRunner | null;
}

export type LabStore = StoreApi<LabState>;

export function createLabStore({
  runner,
  textStore,
  defaultSource,
  lessonStorage,
  focusRunner = null,
}: LabStoreDeps): LabStore {
  const memory = lessonMemory(lessonStorage);
  // The slices meet here, not through subscriptions: the editor's saves go to the lesson's edits
  // while a lesson is open, and a run that is shown is handed to the lesson slice.
  const state = (): LabState => store.getState();
  const text = lessonAwareTextStore(textStore, memory, () => {
    const s = state();
    const open = openStepProgram(s);
    return {
      lessonOpen: s.lessonAt !== null,
      source: s.source,
      program: open && { key: open.key, source: open.program.source },
    };
  });
  const store: LabStore = createStore<LabState>()((...a) => ({
    ...createEditorSlice(text, defaultSource)(...a),
    ...createRunSlice(runner, { onShown: (trace) => state().recordRun(trace) })(...a),
    ...createRecordingSlice()(...a),
    ...createPlaybackSlice()(...a),
    ...createViewSlice()(...a),
    ...createLessonSlice(memory)(...a),
    ...createPresenterSlice()(...a),
    ...createFocusSlice(focusRunner)(...a),
  }));
  return store;
}
