/**
 * The browser edge of the presenter sync: a BroadcastChannel between this window and the other
 * presenter window, connected while presenting (the audience window) or for the whole life of the
 * speaker window. Two ordinary tabs of the playground never sync with each other.
 */

import type { LabStore } from '../../store/index.ts';
import {
  type ChannelLike,
  connectPresenterSync,
  PRESENTER_CHANNEL,
} from '../../store/presenter-sync.ts';
import { lessonHref } from '../LessonPage.tsx';

function channel(): ChannelLike | null {
  if (typeof BroadcastChannel === 'undefined') return null;
  return new BroadcastChannel(PRESENTER_CHANNEL) as unknown as ChannelLike;
}

export function syncPresenterWindows(store: LabStore, role: 'audience' | 'speaker'): () => void {
  let off: (() => void) | null = null;
  const connect = () => {
    const c = channel();
    if (!c) return;
    off = connectPresenterSync(store, c, {
      role,
      // The audience window opens lesson steps through its address, as a click on a link would.
      openLesson: (place) => {
        window.location.hash = place ? lessonHref(place.slug, place.step) : '#/playground';
      },
    });
  };
  const disconnect = () => {
    off?.();
    off = null;
  };
  // pagehide, not unload: the other window hears "bye" also when this one is closed.
  window.addEventListener('pagehide', disconnect);
  if (role === 'speaker') {
    connect();
    return disconnect;
  }
  if (store.getState().presenting) connect();
  const unsubscribe = store.subscribe((s, before) => {
    if (s.presenting === before.presenting) return;
    if (s.presenting && !off) connect();
    if (!s.presenting) disconnect();
  });
  return () => {
    unsubscribe();
    disconnect();
  };
}
