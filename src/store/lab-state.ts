import type { EditorSlice } from './slices/editor.ts';
import type { RunSlice } from './slices/run.ts';

/** The whole store: one object made of slices. */
export type LabState = EditorSlice & RunSlice;
