/** Builds the store from its slices (no React here: see react.tsx for the binding). */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { LabState } from './lab-state.ts';
import { createEditorSlice, type KeyValueStorage, type TextStore } from './slices/editor.ts';
import { createLessonSlice, lessonAwareTextStore } from './slices/lesson.ts';
import { createPlaybackSlice } from './slices/playback.ts';
import { createPresenterSlice } from './slices/presenter.ts';
import { createRunSlice, type Runner } from './slices/run.ts';
import { createViewSlice } from './slices/view.ts';

export interface LabStoreDeps {
  runner: Runner;
  textStore: TextStore;
  defaultSource: string;
  /** Where lesson progress and edits of lesson programs are kept (localStorage in the browser). */
  lessonStorage?: KeyValueStorage;
}

export type LabStore = StoreApi<LabState>;

export function createLabStore({
  runner,
  textStore,
  defaultSource,
  lessonStorage,
}: LabStoreDeps): LabStore {
  // While a lesson is open the editor holds the lesson's program: it is not the playground's, so
  // it is not saved as the playground's (the lesson slice keeps it).
  let store: LabStore | undefined;
  const text = lessonAwareTextStore(textStore, () => store?.getState().lessonAt != null);
  store = createStore<LabState>()((...a) => ({
    ...createEditorSlice(text, defaultSource)(...a),
    ...createRunSlice(runner)(...a),
    ...createPlaybackSlice()(...a),
    ...createViewSlice()(...a),
    ...createLessonSlice({ storage: lessonStorage })(...a),
    ...createPresenterSlice()(...a),
  }));
  return store;
}
