/**
 * A lesson link's traces, loaded from the page's first moment: the lesson's picture needs both
 * the lessons module and that lesson's traces chunk, and the chunk's address is known before the
 * lessons module has arrived (`virtual:lesson-trace-loaders`, a few lines in the page's own
 * chunk). Loaded twice, a module is fetched once: when the lessons module asks for the same
 * chunk, it is there or on its way. (In dev the loaders are empty: the lessons module loads.)
 */
import { loaders } from 'virtual:lesson-trace-loaders';
import { parseRoute } from '../store/index.ts';

export function preloadLessonTraces(hash: string): void {
  const route = parseRoute(hash);
  if (route.page !== 'lesson') return;
  const load = Object.hasOwn(loaders, route.slug) ? loaders[route.slug] : undefined;
  // A failure is the lessons module's to report, when it loads the same chunk.
  load?.().catch(() => undefined);
}
