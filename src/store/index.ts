/** The store without React (the binding is in ./react.tsx). */
export { createLabStore, type LabStore, type LabStoreDeps } from './create-lab-store.ts';
export type { LabState } from './lab-state.ts';
export { statusText } from './selectors.ts';
export { memoryTextStore, type TextStore, webTextStore } from './slices/editor.ts';
export type { Runner } from './slices/run.ts';
