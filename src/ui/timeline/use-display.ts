import { useEffect, useState } from 'react';

/**
 * What the canvases depend on beyond their data: the colour scheme (its version bumps when it
 * flips, so the theme is read again) and the screen's pixel density (when the window moves to a
 * screen of another density).
 */
export function useDisplay(): { themeVersion: number; dpr: number } {
  const [themeVersion, setThemeVersion] = useState(0);
  const [dpr, setDpr] = useState(() =>
    typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1,
  );
  useEffect(() => {
    const scheme = window.matchMedia?.('(prefers-color-scheme: dark)');
    const density = window.matchMedia?.(`(resolution: ${dpr}dppx)`);
    const changed = () => setThemeVersion((v) => v + 1);
    const moved = () => setDpr(window.devicePixelRatio || 1);
    scheme?.addEventListener('change', changed);
    density?.addEventListener('change', moved);
    return () => {
      scheme?.removeEventListener('change', changed);
      density?.removeEventListener('change', moved);
    };
  }, [dpr]);
  return { themeVersion, dpr };
}
