/**
 * Loads the lessons (`virtual:lessons`: parsed at build time) into the store. A separate chunk,
 * so the playground does not wait for it. The lessons arrive without their traces: each lesson's
 * traces are a chunk of their own, loaded when the lesson opens (the open lesson's before the
 * lessons are first shown, so a lesson link shows its picture at once). In dev, every save of a
 * lesson file arrives through `subscribe` and updates the open page without a reload.
 */
import type { LessonBundle, LessonProblem } from '../lessons/index.ts';
import type { LabStore } from '../store/index.ts';

type Traces = Readonly<Record<string, string>>;

/** What `virtual:lessons` gives (or a dev update of it). */
export interface LessonsSource {
  readonly lessons: readonly LessonBundle[];
  readonly problems: readonly LessonProblem[];
  loadTraces(slug: string): Promise<Traces>;
}

export function loadLessons(store: LabStore): void {
  import('virtual:lessons').then(
    (m) => {
      const feed = feedLessons(store, m);
      m.subscribe((next) => feed.update(next));
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

/**
 * Gives the store `source`'s lessons, each with its traces once loaded, and loads a lesson's
 * traces whenever the store opens it. `update` replaces the source (a dev update): the traces
 * loaded so far are loaded again from it before the store sees the new lessons.
 */
export function feedLessons(
  store: LabStore,
  first: LessonsSource,
): { update(next: LessonsSource): Promise<void> } {
  let source = first;
  let loaded = new Map<string, Traces>();
  /** Slugs whose traces are being loaded from the current source. */
  let loading = new Set<string>();
  let shown = false;
  const withTraces = new Map<LessonBundle, LessonBundle>();

  const publish = () => {
    shown = true;
    const lessons = source.lessons.map((b) => {
      const traces = loaded.get(b.lesson.slug);
      if (!traces) return b;
      let full = withTraces.get(b);
      if (full?.traces !== traces) {
        full = { ...b, traces };
        withTraces.set(b, full);
      }
      return full;
    });
    store.getState().setLessons(lessons, source.problems);
  };

  const ensure = (slug: string): Promise<void> => {
    if (loaded.has(slug) || loading.has(slug)) return Promise.resolve();
    const from = source;
    loading.add(slug);
    return from.loadTraces(slug).then(
      (traces) => {
        if (from !== source) return; // an update came meanwhile and loads its own
        loading.delete(slug);
        loaded.set(slug, traces);
        publish();
      },
      () => {
        // Without its traces the lesson still opens; its picture comes with the learner's run.
        if (from === source) loading.delete(slug);
        if (!shown) publish();
      },
    );
  };

  store.subscribe((s, before) => {
    const slug = s.lessonAt?.slug;
    if (slug && slug !== before.lessonAt?.slug) void ensure(slug);
  });
  const open = store.getState().lessonAt?.slug;
  if (open) void ensure(open);
  else publish();

  return {
    async update(next) {
      const slugs = new Set(loaded.keys());
      const at = store.getState().lessonAt?.slug;
      if (at) slugs.add(at);
      source = next;
      loading = new Set(slugs);
      const entries = await Promise.all(
        [...slugs].map((slug) =>
          next.loadTraces(slug).then(
            (traces) => [slug, traces] as const,
            () => null,
          ),
        ),
      );
      if (source !== next) return;
      loaded = new Map(entries.filter((e) => e !== null));
      loading = new Set();
      publish();
    },
  };
}
