/**
 * `virtual:lessons`, served by scripts/vite-plugin-lessons.ts: every lesson under lessons/,
 * parsed at build time, with the trace of each of its programs recorded by the same tracer in
 * Node, so a lesson shows its picture before Pyodide has loaded. The lessons come without their
 * traces (`traces` is empty): `loadTraces(slug)` loads one lesson's, from a chunk of its own.
 */
declare module 'virtual:lessons' {
  /** Lessons in order (drafts left out of production builds), each with empty `traces`. */
  export const lessons: readonly import('./types.ts').LessonBundle[];
  /** Problems found while building (always empty in a production build, which fails instead). */
  export const problems: readonly import('./types.ts').LessonProblem[];
  /** The traces of lesson `slug` (program id → trace JSON text); empty for an unknown slug. */
  export function loadTraces(slug: string): Promise<Readonly<Record<string, string>>>;
  /**
   * Dev only (a no-op in production): called with the new lessons whenever a lesson file is
   * saved, added or removed. Returns an unsubscribe function.
   */
  export function subscribe(
    listener: (next: {
      readonly lessons: readonly import('./types.ts').LessonBundle[];
      readonly problems: readonly import('./types.ts').LessonProblem[];
      readonly loadTraces: (slug: string) => Promise<Readonly<Record<string, string>>>;
    }) => void,
  ): () => void;
}

/**
 * `virtual:lesson-trace-loaders` (scripts/vite-plugin-lessons.ts): each lesson's traces chunk by
 * slug, to start loading a lesson link's traces before the lessons module (empty in dev).
 */
declare module 'virtual:lesson-trace-loaders' {
  export const loaders: Readonly<Record<string, () => Promise<unknown>>>;
}
