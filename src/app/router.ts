/**
 * A tiny hash router. The hash says what is open (src/store/route.ts has the format):
 * - lessons: `#/lessons` is the list, `#/lessons/<slug>/<n>` opens step n (from 1) of a lesson;
 * - reading: on load and on `hashchange`, a `#/playground?code=…&step=N` link puts the program in
 *   the editor and traces it like a normal run, then shows step N;
 * - writing: as the learner edits and steps, the hash is replaced (no history entries) so that a
 *   reload, a bookmark or a copied address opens the same program at the same step.
 */
import { useEffect, useState } from 'react';
import {
  formatRoute,
  isRecording,
  type LabStore,
  PLAYGROUND,
  parseRoute,
  playgroundRoute,
  type Route,
  shareRoute,
} from '../store/index.ts';
import { openEmbed } from './embed/open-embed.ts';

/** How long the hash waits for typing or stepping to settle before it is rewritten. */
const WRITE_DELAY_MS = 250;

/**
 * The program this page last wrote into the address. A reload that comes quicker than the
 * address could follow the typing finds an older program there than the one saved locally:
 * that address is ours and out of date, and the newer, saved program wins. A link from
 * elsewhere carries a program we did not write, and opens.
 */
const WRITTEN_KEY = 'event-loop-lab:address-program';
/** The program a link opened in this tab: what Reset restores, after a reload too. */
const OPENED_KEY = 'event-loop-lab:opened-program';

function remember(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

function recall(key: string): string | null {
  try {
    return remember()?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function note(key: string, code: string | null): void {
  try {
    if (code === null) remember()?.removeItem(key);
    else remember()?.setItem(key, code);
  } catch {
    // Without session storage a quick reload may reopen the address's program: still no crash.
  }
}

function open(store: LabStore, route: Route, firstLoad: boolean): void {
  if (route.page === 'speaker') return; // a mirror: the audience window sends what to show
  if (route.page === 'embed') {
    openEmbed(store, route);
    return;
  }
  if (route.page === 'lesson') {
    store.getState().openLesson(route.slug, (route.step ?? 1) - 1); // links count from 1
    return;
  }
  // Leaving a lesson brings the playground's own program and run back.
  store.getState().closeLesson();
  if (route.page !== 'playground' || route.code === null) return;
  const state = store.getState();
  // The program on screen: only move (a recorded run is not a run of the link's program: run it).
  const shown = state.trace?.source === route.code && !isRecording(state);
  if (shown && state.source === route.code && !state.running) {
    state.seek(route.step ?? 0);
    return;
  }
  if (firstLoad && route.code === recall(WRITTEN_KEY)) {
    // A reload of this tab's own address: the program saved locally is the learner's latest.
    const opened = recall(OPENED_KEY);
    if (opened !== null) state.adoptOriginal(opened);
    // The address may be behind the typing; then the saved program runs, from its start.
    void state.run(state.source === route.code ? { step: route.step } : {});
    return;
  }
  state.openProgram(route.code);
  note(OPENED_KEY, route.code);
  void state.run({ step: route.step });
}

/** Opens what the URL says, keeps the URL up to date, and returns the page to show. */
export function useRoute(store: LabStore, defaultSource: string): Route {
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.hash));

  useEffect(() => {
    const initial = parseRoute(window.location.hash);
    setRoute(initial);
    open(store, initial, true);
    const onHashChange = () => {
      const next = parseRoute(window.location.hash);
      setRoute(next);
      open(store, next, false);
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, [store]);

  useEffect(() => {
    if (route.page !== 'playground') return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const write = () => {
      // The address may already lead elsewhere (a link, a typed address) while its hashchange
      // event is still queued: never write the playground over it.
      if (parseRoute(window.location.hash).page !== 'playground') return;
      const here = playgroundRoute(store.getState(), defaultSource);
      const hash = formatRoute(here);
      note(WRITTEN_KEY, here.code);
      if (hash !== window.location.hash && !(hash === '#/playground' && !window.location.hash)) {
        const { pathname, search } = window.location;
        window.history.replaceState(window.history.state, '', `${pathname}${search}${hash}`);
      }
    };
    const unsubscribe = store.subscribe((s, before) => {
      if (
        s.source === before.source &&
        s.step === before.step &&
        s.trace === before.trace &&
        s.running === before.running
      ) {
        return;
      }
      clearTimeout(timer);
      timer = setTimeout(write, WRITE_DELAY_MS);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [store, route.page, defaultSource]);

  return route;
}

/** The address that opens the editor's program at the current step (what Share copies). */
export function shareUrl(store: LabStore): string {
  const { origin, pathname } = window.location;
  return `${origin}${pathname}${formatRoute(shareRoute(store.getState()))}`;
}

export { PLAYGROUND };
