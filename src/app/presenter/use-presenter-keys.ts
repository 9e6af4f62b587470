/**
 * The presenter's keys (rules in src/ui/presenter/presenter-keys.ts). Unblanking listens in the
 * capture phase so that the key that brings the picture back does nothing else; the rest listen
 * when the key bubbles up unhandled, like the replay shortcuts.
 */
import { useEffect } from 'react';
import type { Route } from '../../store/index.ts';
import { useLabStore } from '../../store/react.tsx';
import { type PresenterKey, presenterKeyFor } from '../../ui/presenter/presenter-keys.ts';
import { focusKind } from '../../ui/shortcuts.ts';
import { openSpeakerWindow } from './speaker-window.ts';

/**
 * `page` is the route's page: the speaker window drives but never leaves presenter mode (P would
 * stop the clock both windows share), and an embed has no presenter mode.
 */
export function usePresenterKeys(page: Route['page']): void {
  const store = useLabStore();
  useEffect(() => {
    if (page === 'embed') return;
    const act = (key: PresenterKey) => {
      const s = store.getState();
      const actions: Record<PresenterKey, () => void> = {
        'toggle-presenting': () => s.togglePresenting(),
        forward: s.presenterForward,
        back: s.presenterBack,
        blank: () => s.setBlanked(true),
        unblank: () => s.setBlanked(false),
        'zoom-in': s.zoomIn,
        'zoom-out': s.zoomOut,
        speaker: openSpeakerWindow,
      };
      actions[key]();
    };
    const decide = (event: KeyboardEvent) => {
      const el = event.target instanceof Element ? event.target : document.activeElement;
      const { presenting, blanked } = store.getState();
      return presenterKeyFor(event, focusKind(el), { presenting, blanked });
    };
    const onCapture = (event: KeyboardEvent) => {
      if (decide(event) !== 'unblank') return;
      event.preventDefault();
      event.stopPropagation();
      act('unblank');
    };
    const onBubble = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const key = decide(event);
      if (key === null || key === 'unblank') return;
      if (page === 'speaker' && (key === 'toggle-presenting' || key === 'speaker')) return;
      event.preventDefault();
      act(key);
    };
    window.addEventListener('keydown', onCapture, true);
    window.addEventListener('keydown', onBubble);
    return () => {
      window.removeEventListener('keydown', onCapture, true);
      window.removeEventListener('keydown', onBubble);
    };
  }, [store, page]);
}
