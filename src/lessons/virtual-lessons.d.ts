/**
 * `virtual:lessons`, served by scripts/vite-plugin-lessons.ts: every lesson under lessons/,
 * parsed at build time, with the trace of each of its programs recorded by the same tracer in
 * Node, so a lesson shows its picture before Pyodide has loaded.
 */
declare module 'virtual:lessons' {
  /** Lessons in order (drafts left out of production builds). */
  export const lessons: readonly import('./types.ts').LessonBundle[];
  /** Problems found while building (always empty in a production build, which fails instead). */
  export const problems: readonly import('./types.ts').LessonProblem[];
  /**
   * Dev only (a no-op in production): called with the new lessons whenever a lesson file is
   * saved, added or removed. Returns an unsubscribe function.
   */
  export function subscribe(
    listener: (next: {
      readonly lessons: readonly import('./types.ts').LessonBundle[];
      readonly problems: readonly import('./types.ts').LessonProblem[];
    }) => void,
  ): () => void;
}
