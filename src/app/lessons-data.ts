/**
 * Loads the lessons (`virtual:lessons`: parsed at build time, with every program's trace) into
 * the store. A separate chunk, so the playground does not wait for it; in dev, every save of a
 * lesson file arrives through `subscribe` and updates the open page without a reload.
 */
import type { LabStore } from '../store/index.ts';

export function loadLessons(store: LabStore): void {
  import('virtual:lessons').then(
    (m) => {
      store.getState().setLessons(m.lessons, m.problems);
      m.subscribe((next) => store.getState().setLessons(next.lessons, next.problems));
    },
    (error: unknown) => {
      store.getState().setLessons(
        [],
        [
          {
            file: 'lessons',
            line: 0,
            field: 'load',
            message: `The lessons could not be loaded: ${error instanceof Error ? error.message : String(error)}`,
          },
        ],
      );
    },
  );
}
