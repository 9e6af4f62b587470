/**
 * What the lessons keep between visits (localStorage in the browser): the progress of each
 * lesson, and the learner's edits of lesson programs. Storage that is missing, full or holds
 * something unreadable is never an error: progress then lasts as long as the page.
 */
import type { KeyValueStorage, TextStore } from '../editor.ts';
import type { LessonProgress } from './types.ts';

const PROGRESS_KEY = 'event-loop-lab:lesson-progress';
const EDITS_KEY = 'event-loop-lab:lesson-edits';

export interface LessonMemory {
  loadProgress(): Record<string, LessonProgress>;
  saveProgress(progress: Readonly<Record<string, LessonProgress>>): void;
  /** The learner's edit of a lesson program (by `slug/programId`), if any. */
  edit(key: string): string | undefined;
  /** Keeps `text` as the edit of a program; the program's own text forgets the edit. */
  keepEdit(key: string, text: string, original: string): void;
  forgetEdit(key: string): void;
}

function readJson<T>(storage: KeyValueStorage | undefined, key: string, fallback: T): T {
  try {
    const text = storage?.getItem(key);
    if (!text) return fallback;
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as T)
      : fallback;
  } catch {
    return fallback;
  }
}

function writeJson(storage: KeyValueStorage | undefined, key: string, value: unknown): void {
  try {
    storage?.setItem(key, JSON.stringify(value));
  } catch {
    // Private mode or quota: progress lasts as long as the page.
  }
}

function cleanProgress(raw: Record<string, unknown>): Record<string, LessonProgress> {
  const out: Record<string, LessonProgress> = {};
  for (const [slug, v] of Object.entries(raw)) {
    if (typeof v !== 'object' || v === null) continue;
    const { seen, passed } = v as { seen?: unknown; passed?: unknown };
    out[slug] = {
      seen: Array.isArray(seen) ? seen.filter((n): n is number => Number.isInteger(n)) : [],
      passed: Array.isArray(passed) ? passed.filter((s): s is string => typeof s === 'string') : [],
    };
  }
  return out;
}

export function lessonMemory(storage: KeyValueStorage | undefined): LessonMemory {
  const edits = readJson<Record<string, string>>(storage, EDITS_KEY, {});
  const saveEdits = () => writeJson(storage, EDITS_KEY, edits);
  return {
    loadProgress: () => cleanProgress(readJson<Record<string, unknown>>(storage, PROGRESS_KEY, {})),
    saveProgress: (progress) => writeJson(storage, PROGRESS_KEY, progress),
    edit: (key) => edits[key],
    keepEdit(key, text, original) {
      if (text === original) delete edits[key];
      else edits[key] = text;
      saveEdits();
    },
    forgetEdit(key) {
      delete edits[key];
      saveEdits();
    },
  };
}

/** Where the editor's text goes when it changes: what is in the editor, and where it belongs. */
export interface EditorPlace {
  /** A lesson is open (its program, if any, is not the playground's). */
  lessonOpen: boolean;
  /** The text in the editor before the change. */
  source: string;
  /** The open step's program and its key, when the open step has one. */
  program: { key: string; source: string } | null;
}

/**
 * The editor's TextStore while lessons exist: the playground's program is saved only when no
 * lesson is open, so opening a lesson never writes over the learner's own program; a change of a
 * lesson program is kept as the learner's edit of that program.
 */
export function lessonAwareTextStore(
  inner: TextStore,
  memory: LessonMemory,
  place: () => EditorPlace,
): TextStore {
  return {
    load: () => inner.load(),
    save(text) {
      const at = place();
      if (!at.lessonOpen) inner.save(text);
      else if (at.program && text !== at.source) {
        memory.keepEdit(at.program.key, text, at.program.source);
      }
    },
  };
}
