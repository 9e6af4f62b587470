/**
 * What the task cards say instead of locals when the picture has no exact ones at this step: a
 * focus re-run is working them out (src/store/focus-view.ts), or could not. A context, so that
 * the note reaches each card's locals without passing through every component between.
 */
import { createContext } from 'react';
import type { LocalsNote } from '../../store/index.ts';

export type { LocalsNote };

export const LocalsNoteContext = createContext<LocalsNote>(null);

/** The words of a busy note. */
export const WORKING_OUT_LOCALS = 'working out locals…';
