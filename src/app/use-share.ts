/**
 * Share: copies the playground's address (program and step) to the clipboard, or, where the
 * clipboard is refused, puts it in the address bar; either way a short note says what happened,
 * for a few seconds.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { LabStore } from '../store/index.ts';
import { shareUrl } from './router.ts';

const NOTE_MS = 4000;

export function useShare(store: LabStore): { share: () => void; note: string | null } {
  const [note, setNote] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const share = useCallback(() => {
    const url = shareUrl(store);
    const say = (text: string) => {
      setNote(text);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => setNote(null), NOTE_MS);
    };
    const inAddressBar = () => {
      window.history.replaceState(window.history.state, '', url);
      say('Copy the link from the address bar');
    };
    const copy = navigator.clipboard?.writeText(url);
    if (!copy) {
      inAddressBar();
      return;
    }
    copy.then(() => say('Link copied'), inAddressBar);
  }, [store]);

  return { share, note };
}
