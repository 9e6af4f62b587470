/** Builds the store from its slices (no React here: see react.tsx for the binding). */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { LabState } from './lab-state.ts';
import { createEditorSlice, type TextStore } from './slices/editor.ts';
import { createPlaybackSlice } from './slices/playback.ts';
import { createRunSlice, type Runner } from './slices/run.ts';
import { createViewSlice } from './slices/view.ts';

export interface LabStoreDeps {
  runner: Runner;
  textStore: TextStore;
  defaultSource: string;
}

export type LabStore = StoreApi<LabState>;

export function createLabStore({ runner, textStore, defaultSource }: LabStoreDeps): LabStore {
  return createStore<LabState>()((...a) => ({
    ...createEditorSlice(textStore, defaultSource)(...a),
    ...createRunSlice(runner)(...a),
    ...createPlaybackSlice()(...a),
    ...createViewSlice()(...a),
  }));
}
