/**
 * The program editor. A plain textarea first (usable at once, same accessible name), replaced by
 * Monaco when its lazily loaded chunk arrives. Both report every edit through `onChange`.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { monaco as Monaco } from './monaco.ts';

type MonacoApi = typeof Monaco;

export interface ProgramEditorProps {
  value: string;
  onChange: (text: string) => void;
  /** The accessible name of the editing surface. */
  label?: string;
}

function prefersDark(): boolean {
  return globalThis.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
}

export function ProgramEditor({ value, onChange, label = 'Program' }: ProgramEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<Monaco.editor.IStandaloneCodeEditor | null>(null);
  const fallback = useRef<HTMLTextAreaElement>(null);
  /** Where the learner was typing in the textarea when Monaco arrived (to carry on there). */
  const carryOver = useRef<{ start: number; end: number } | null>(null);
  const [monacoReady, setMonacoReady] = useState(false);
  // The latest props, for Monaco's listeners (registered once).
  const latest = useRef({ value, onChange });
  latest.current = { value, onChange };

  useEffect(() => {
    let disposed = false;
    const cleanups: (() => void)[] = [];
    import('./monaco.ts')
      .then(({ monaco }: { monaco: MonacoApi }) => {
        if (disposed || !host.current) return;
        const dark = globalThis.matchMedia?.('(prefers-color-scheme: dark)');
        const instance = monaco.editor.create(host.current, {
          value: latest.current.value,
          language: 'python',
          ariaLabel: label,
          theme: prefersDark() ? 'vs-dark' : 'vs',
          automaticLayout: true,
          minimap: { enabled: false },
          scrollBeyondLastLine: false,
          fontSize: 14,
          tabSize: 4,
          insertSpaces: true,
        });
        editor.current = instance;
        const sub = instance.onDidChangeModelContent(() => {
          latest.current.onChange(instance.getValue());
        });
        const onScheme = () => monaco.editor.setTheme(prefersDark() ? 'vs-dark' : 'vs');
        dark?.addEventListener('change', onScheme);
        cleanups.push(() => {
          dark?.removeEventListener('change', onScheme);
          sub.dispose();
          instance.dispose();
          editor.current = null;
        });
        const typing = fallback.current;
        carryOver.current =
          typing && document.activeElement === typing
            ? { start: typing.selectionStart, end: typing.selectionEnd }
            : null;
        setMonacoReady(true);
      })
      .catch((error: unknown) => {
        // The textarea keeps working; the learner loses only highlighting.
        console.warn('Monaco failed to load; keeping the plain editor.', error);
      });
    return () => {
      disposed = true;
      for (const cleanup of cleanups) cleanup();
    };
  }, [label]);

  // Whoever was typing in the textarea keeps typing, now in Monaco, with the same selection. A layout
  // effect: it runs as soon as the textarea is gone and Monaco is shown, before any further key.
  useLayoutEffect(() => {
    const instance = editor.current;
    if (!monacoReady || !instance || carryOver.current === null) return;
    const model = instance.getModel();
    const { start, end } = carryOver.current;
    carryOver.current = null;
    if (model) {
      const from = model.getPositionAt(start);
      const to = model.getPositionAt(end);
      instance.setSelection({
        startLineNumber: from.lineNumber,
        startColumn: from.column,
        endLineNumber: to.lineNumber,
        endColumn: to.column,
      });
    }
    instance.focus();
  }, [monacoReady]);

  // Text that changes from outside (a reset, a lesson) reaches Monaco too.
  useEffect(() => {
    const instance = editor.current;
    if (instance && instance.getValue() !== value) instance.setValue(value);
  }, [value]);

  return (
    <div className="program-editor">
      <div
        ref={host}
        className="program-editor__monaco"
        hidden={!monacoReady}
        data-testid="monaco-host"
      />
      {!monacoReady && (
        <textarea
          ref={fallback}
          className="program-editor__fallback"
          aria-label={label}
          value={value}
          spellCheck={false}
          autoCapitalize="off"
          autoCorrect="off"
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </div>
  );
}
