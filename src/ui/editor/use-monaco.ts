/**
 * Monaco, loaded lazily into `host`: null until its chunk has arrived and the editor is created
 * (the plain textarea serves until then), then the editor and the API. Whoever was typing in the
 * textarea carries on in Monaco with the same selection.
 */
import { type RefObject, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { codeFontSize } from './code-font.ts';
import { useEditorOverrides } from './editor-overrides.ts';
import type { monaco as Monaco } from './monaco.ts';
import { MARKER_OWNER, type MonacoApi } from './monaco-decorations.ts';

export interface MonacoHandle {
  readonly editor: Monaco.editor.IStandaloneCodeEditor;
  readonly monaco: MonacoApi;
}

export interface MonacoOptions {
  /** The accessible name of the editing surface. */
  readonly label: string;
  /** The text and read-only state; the editor starts with the latest when it is created. */
  readonly value: string;
  readonly readOnly: boolean;
}

function prefersDark(): boolean {
  return globalThis.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
}

function createEditor(
  monaco: MonacoApi,
  host: HTMLElement,
  { label, value, readOnly }: MonacoOptions,
): Monaco.editor.IStandaloneCodeEditor {
  return monaco.editor.create(host, {
    value,
    language: 'python',
    ariaLabel: label,
    theme: prefersDark() ? 'vs-dark' : 'vs',
    automaticLayout: true,
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    fontSize: codeFontSize(globalThis.innerWidth ?? 0),
    tabSize: 4,
    insertSpaces: true,
    readOnly,
    // The letters of the tasks at each line.
    glyphMargin: true,
    // Hovers may be wider than the editor's panel.
    fixedOverflowWidgets: true,
    // Sticky headers would cover the very lines the markers point at.
    stickyScroll: { enabled: false },
  });
}

export function useMonaco(
  host: RefObject<HTMLDivElement | null>,
  fallback: RefObject<HTMLTextAreaElement | null>,
  options: MonacoOptions,
): MonacoHandle | null {
  const [handle, setHandle] = useState<MonacoHandle | null>(null);
  const latest = useRef(options);
  latest.current = options;
  /** Where the learner was typing in the textarea when Monaco arrived (to carry on there). */
  const carryOver = useRef<{ start: number; end: number } | null>(null);
  const { label, readOnly } = options;

  useEffect(() => {
    let disposed = false;
    const cleanups: (() => void)[] = [];
    import('./monaco.ts')
      .then(({ monaco }: { monaco: MonacoApi }) => {
        if (disposed || !host.current) return;
        const dark = globalThis.matchMedia?.('(prefers-color-scheme: dark)');
        const editor = createEditor(monaco, host.current, { ...latest.current, label });
        const onScheme = () => monaco.editor.setTheme(prefersDark() ? 'vs-dark' : 'vs');
        dark?.addEventListener('change', onScheme);
        // The code grows with the window, as the narration does (code-font.ts).
        const onResize = () => editor.updateOptions({ fontSize: codeFontSize(window.innerWidth) });
        window.addEventListener('resize', onResize);
        cleanups.push(() => {
          dark?.removeEventListener('change', onScheme);
          window.removeEventListener('resize', onResize);
          const model = editor.getModel();
          if (model) monaco.editor.setModelMarkers(model, MARKER_OWNER, []);
          editor.dispose();
        });
        const typing = fallback.current;
        carryOver.current =
          typing && document.activeElement === typing
            ? { start: typing.selectionStart, end: typing.selectionEnd }
            : null;
        setHandle({ editor, monaco });
      })
      .catch((error: unknown) => {
        // The textarea keeps working; the learner loses only highlighting.
        console.warn('Monaco failed to load; keeping the plain editor.', error);
      });
    return () => {
      disposed = true;
      for (const cleanup of cleanups) cleanup();
    };
  }, [label, host, fallback]);

  // A layout effect: it runs as soon as the textarea is gone and Monaco is shown, before any
  // further key.
  useLayoutEffect(() => {
    if (!handle || carryOver.current === null) return;
    const { editor } = handle;
    const model = editor.getModel();
    const { start, end } = carryOver.current;
    carryOver.current = null;
    if (model) {
      const from = model.getPositionAt(start);
      const to = model.getPositionAt(end);
      editor.setSelection({
        startLineNumber: from.lineNumber,
        startColumn: from.column,
        endLineNumber: to.lineNumber,
        endColumn: to.column,
      });
    }
    editor.focus();
  }, [handle]);

  useEffect(() => {
    handle?.editor.updateOptions({ readOnly });
  }, [handle, readOnly]);
  useEditorOverrides(handle);

  return handle;
}
