/**
 * The text both ways between the `value` prop and Monaco: every edit goes out through
 * `onChange`, and text that changes from outside (a reset, a lesson) goes in. The prop may lag
 * behind fast typing (the parent renders after the next key went in): a value Monaco itself
 * reported is an echo, never a reason to overwrite what was typed since.
 */
import { useEffect, useRef, useState } from 'react';
import type { MonacoHandle } from './use-monaco.ts';

/** Edits remembered while the `value` prop catches up (typing runs a few keys ahead at most). */
const MAX_PENDING = 64;

/**
 * Returns a version that is bumped when the text is replaced from outside: replacing the whole
 * text collapses decorations, so they are laid again when it changes.
 */
export function useTextSync(
  handle: MonacoHandle | null,
  value: string,
  onChange: (text: string) => void,
): number {
  /** Texts Monaco reported through `onChange` that the `value` prop has not caught up with. */
  const emitted = useRef<string[]>([]);
  /** The text being put into Monaco from the `value` prop (not an edit to report back). */
  const applying = useRef<string | null>(null);
  const [textVersion, setTextVersion] = useState(0);
  // The latest callback, for Monaco's listener (registered once per editor).
  const latestOnChange = useRef(onChange);
  latestOnChange.current = onChange;

  useEffect(() => {
    if (!handle) return;
    const { editor } = handle;
    const sub = editor.onDidChangeModelContent(() => {
      const text = editor.getValue();
      if (text === applying.current) return;
      const sent = emitted.current;
      sent.push(text);
      if (sent.length > MAX_PENDING) sent.splice(0, sent.length - MAX_PENDING);
      latestOnChange.current(text);
    });
    return () => sub.dispose();
  }, [handle]);

  useEffect(() => {
    if (!handle) return;
    const { editor } = handle;
    const sent = emitted.current;
    const echo = sent.lastIndexOf(value);
    if (echo >= 0) {
      sent.splice(0, echo + 1);
      return;
    }
    if (editor.getValue() !== value) {
      sent.length = 0;
      applying.current = value;
      try {
        editor.setValue(value);
      } finally {
        applying.current = null;
      }
      setTextVersion((v) => v + 1);
    }
  }, [handle, value]);

  return textVersion;
}
