/**
 * Opens what an embed's address says: a program (traced like a share link, then shown at its
 * step) or a lesson step (its shipped run, no Python needed to show it). A damaged or oversized
 * program opens nothing (the page says why).
 */
import type { EmbedRoute, LabStore } from '../../store/index.ts';

export function openEmbed(store: LabStore, route: EmbedRoute): void {
  const s = store.getState();
  if (route.lesson) {
    s.openLesson(route.lesson.slug, (route.lesson.step ?? 1) - 1); // links count from 1
    return;
  }
  if (route.code === null) return;
  if (s.trace?.source === route.code && s.source === route.code && !s.running) {
    s.seek(route.step ?? 0);
    return;
  }
  s.openProgram(route.code);
  void s.run({ step: route.step });
}
