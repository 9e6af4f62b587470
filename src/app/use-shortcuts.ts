/**
 * Keyboard shortcuts for the whole page (the rules are in src/ui/shortcuts.ts). Ctrl/Cmd+Enter is
 * caught in the capture phase, before Monaco takes it for "insert line below"; the replay keys
 * are handled when the event bubbles up unhandled, so a focused control keeps its own keys.
 */
import { useEffect } from 'react';
import { flushSync } from 'react-dom';
import type { LabState } from '../store/index.ts';
import { useLabStore } from '../store/react.tsx';
import { PLAY_BUTTON_ID } from '../ui/controls/Transport.tsx';
import { focusKind, type Shortcut, shortcutFor } from '../ui/shortcuts.ts';

function perform(state: LabState, shortcut: Shortcut): void {
  const actions: Record<Shortcut, () => unknown> = {
    run: state.run,
    'step-forward': state.stepForward,
    'step-back': state.stepBack,
    'next-handoff': state.nextHandoff,
    'prev-handoff': state.prevHandoff,
    'toggle-play': state.togglePlay,
    'first-step': state.firstStep,
    'last-step': state.lastStep,
  };
  void actions[shortcut]();
}

/** The moves a held key repeats, which come faster than a big picture renders (see useShortcuts). */
const REPEATING: ReadonlySet<Shortcut> = new Set([
  'step-forward',
  'step-back',
  'next-handoff',
  'prev-handoff',
]);

export function useShortcuts(): void {
  const store = useLabStore();
  useEffect(() => {
    // A held arrow key repeats ~30 times a second, and each move renders the whole picture: on
    // a slow machine the repeats queued up behind each other, one long task after another. The
    // repeats that arrive within a frame are performed together at its start, in one render.
    let held: Shortcut[] = [];
    let frame = 0;
    const flushHeld = () => {
      cancelAnimationFrame(frame);
      frame = 0;
      const moves = held;
      held = [];
      if (moves.length === 0) return;
      flushSync(() => {
        for (const m of moves) perform(store.getState(), m);
      });
    };
    const target = (event: KeyboardEvent) =>
      event.target instanceof Element ? event.target : document.activeElement;
    const onCapture = (event: KeyboardEvent) => {
      if (shortcutFor(event, 'typing') !== 'run') return;
      event.preventDefault();
      event.stopPropagation();
      perform(store.getState(), 'run');
    };
    const onBubble = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const shortcut = shortcutFor(event, focusKind(target(event)));
      if (shortcut === null || shortcut === 'run') return;
      const state = store.getState();
      if (!state.trace) return;
      event.preventDefault();
      if (event.repeat && REPEATING.has(shortcut)) {
        held.push(shortcut);
        if (frame === 0) frame = requestAnimationFrame(flushHeld);
        return;
      }
      flushHeld();
      perform(state, shortcut);
    };
    // After a run, replaying is what comes next: focus leaves Run (where Space would run again)
    // for Play. Only from Run or nowhere: a learner typing in the editor keeps the editor.
    const unsubscribe = store.subscribe((s, before) => {
      if (s.runCount === before.runCount || !s.trace) return;
      requestAnimationFrame(() => {
        const active = document.activeElement;
        const fromRun =
          active === null || active === document.body || active.closest('.run-controls');
        if (fromRun) document.getElementById(PLAY_BUTTON_ID)?.focus();
      });
    });
    window.addEventListener('keydown', onCapture, true);
    window.addEventListener('keydown', onBubble);
    return () => {
      cancelAnimationFrame(frame);
      unsubscribe();
      window.removeEventListener('keydown', onCapture, true);
      window.removeEventListener('keydown', onBubble);
    };
  }, [store]);
}
