/**
 * The editor slice: the program text. It is saved as the user types (through `TextStore`, which
 * is localStorage in the browser) and restored on reload, so an edit is never lost.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { LabState } from '../lab-state.ts';
import { dropsRecording } from './recording.ts';

/** Where the program text is kept between visits. */
export interface TextStore {
  load(): string | null;
  save(text: string): void;
}

export interface EditorSlice {
  source: string;
  /** What Reset restores: the program the page opened (a shared link's, or the default one). */
  originalSource: string;
  /**
   * Which program the editor was given: `playground`, or a key the lesson slice makes each time it
   * puts a program there. A run belongs to the key it started under: if the key has changed by
   * the time the run ends, the learner has moved on and the run is not shown. (Typing keeps the
   * key: a run of an older text is shown, marked out of date.)
   */
  programKey: string;
  setSource(text: string): void;
  /** Opens a program (from a link): it is shown, saved, and becomes what Reset restores. */
  openProgram(text: string): void;
  /** Makes `text` what Reset restores, leaving the editor as it is (a reload of a link). */
  adoptOriginal(text: string): void;
  /** Puts the original program back (and saves it). */
  resetSource(): void;
}

export function createEditorSlice(
  store: TextStore,
  defaultSource: string,
): StateCreator<LabState, [], [], EditorSlice> {
  return (set, get) => ({
    source: store.load() ?? defaultSource,
    originalSource: defaultSource,
    programKey: 'playground',
    setSource(text) {
      store.save(text);
      set({ source: text, ...dropsRecording(get(), text) });
    },
    openProgram(text) {
      store.save(text);
      set({ source: text, originalSource: text, ...dropsRecording(get(), text) });
    },
    adoptOriginal(text) {
      set({ originalSource: text });
    },
    resetSource() {
      const original = get().originalSource;
      store.save(original);
      set({ source: original, ...dropsRecording(get(), original) });
    },
  });
}

/** The part of Web Storage (localStorage) a TextStore uses. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** A TextStore over Web Storage; quietly forgets when storage is unavailable or full. */
export function webTextStore(key: string, storage: KeyValueStorage | undefined): TextStore {
  return {
    load() {
      try {
        return storage?.getItem(key) ?? null;
      } catch {
        return null;
      }
    },
    save(text) {
      try {
        storage?.setItem(key, text);
      } catch {
        // Private mode or quota: the program still runs, it just is not remembered.
      }
    },
  };
}

/** A TextStore in memory (tests, or when the page has no storage). */
export function memoryTextStore(
  initial: string | null = null,
): TextStore & { text: string | null } {
  const store = {
    text: initial,
    load: () => store.text,
    save: (text: string) => {
      store.text = text;
    },
  };
  return store;
}
