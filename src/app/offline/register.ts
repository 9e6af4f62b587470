/**
 * Offline: the service worker that vite-plugin-pwa generates (Workbox precaching, configured in
 * vite.config.ts) keeps the app, Python (Pyodide) and the lessons after the first visit. This
 * module registers it and tells the page how things stand: being saved for offline use, available
 * offline, a new version waiting, a new version just applied.
 *
 * A new version never swaps code under a running lesson: it waits, with a notice, and applies on
 * the next load (that load hands over to it at once and reloads, before anything is on screen
 * long enough to be used).
 *
 * Applying means: the waiting version takes over, then the page loads again from it. A page the
 * service worker controls hears it take over (`controllerchange`, on which Workbox reloads). A
 * page no service worker controls (the first visit, which loaded before there was one; or a
 * hard reload) never hears that, so it waits for the new version to be active and reloads itself.
 */
import { registerSW } from 'virtual:pwa-register';

export type OfflineState = 'unsupported' | 'saving' | 'ready';
export type UpdateState = 'none' | 'waiting' | 'applied';

export interface OfflineStatus {
  readonly offline: OfflineState;
  readonly update: UpdateState;
}

const APPLIED_KEY = 'event-loop-lab:updated';

let status: OfflineStatus = { offline: 'unsupported', update: 'none' };
const listeners = new Set<() => void>();
let applyUpdate: (() => void) | null = null;

function set(change: Partial<OfflineStatus>): void {
  status = { ...status, ...change };
  for (const l of listeners) l();
}

export const offlineStatus = {
  get: (): OfflineStatus => status,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  /** Applies a waiting new version now (the page reloads; the program is saved already). */
  applyNow(): void {
    applyUpdate?.();
  },
};

function session(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

/** Resolves once `worker` is active (or replaced: then there is nothing left to wait for). */
function activated(worker: ServiceWorker): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (worker.state !== 'activated' && worker.state !== 'redundant') return;
      worker.removeEventListener('statechange', check);
      resolve();
    };
    worker.addEventListener('statechange', check);
    check();
  });
}

/**
 * For a page no service worker controls: the waiting version (if it is not active already) is
 * told to take over, and once it is active the page loads again, served by it.
 */
async function takeOverAndReload(): Promise<void> {
  const registration = await navigator.serviceWorker.getRegistration().catch(() => undefined);
  const next = registration?.waiting ?? registration?.installing;
  if (next) {
    next.postMessage({ type: 'SKIP_WAITING' }); // what Workbox's messageSkipWaiting sends
    await activated(next);
  }
  window.location.reload();
}

export function registerOffline(_role: string): void {
  if (import.meta.env.DEV || !('serviceWorker' in navigator)) return;
  if (session()?.getItem(APPLIED_KEY)) {
    session()?.removeItem(APPLIED_KEY);
    set({ update: 'applied' });
  }
  // A page served by the service worker is one whose files are all kept: it works offline.
  set({ offline: navigator.serviceWorker.controller ? 'ready' : 'saving' });
  void navigator.serviceWorker
    .getRegistration()
    .catch(() => undefined)
    .then((existing) => {
      /** A version downloaded on an earlier visit and waiting: this load is the "next load". */
      const waitingAtLoad = Boolean(existing?.waiting);
      // An active version has kept every file already (it became active only after), also when
      // this load is not served by it (a hard reload): the site works offline.
      if (existing?.active) set({ offline: 'ready' });
      const update = registerSW({
        onOfflineReady: () => set({ offline: 'ready' }),
        onNeedRefresh() {
          if (waitingAtLoad) applyUpdate?.();
          else set({ update: 'waiting' });
        },
        onRegisterError: () => set({ offline: 'unsupported' }),
      });
      applyUpdate = () => {
        session()?.setItem(APPLIED_KEY, '1');
        if (navigator.serviceWorker.controller) void update(true);
        else void takeOverAndReload();
      };
    });
}
