/**
 * Editor options a layout sets for the editors inside it, without the editor knowing the layout:
 * presenter mode wraps long lines (the highlighted line is never cut on a projector) and narrows
 * the gutter. A context read by use-monaco.ts; leaving the layout restores what was there.
 */
import { createContext, useContext, useEffect } from 'react';
import type { monaco as Monaco } from './monaco.ts';
import type { MonacoHandle } from './use-monaco.ts';

export type EditorOverrides = Readonly<Monaco.editor.IEditorOptions>;

export const EditorOverridesContext = createContext<EditorOverrides | null>(null);

/** Applies the surrounding layout's overrides to the editor, and undoes them when they change. */
export function useEditorOverrides(handle: MonacoHandle | null): void {
  const overrides = useContext(EditorOverridesContext);
  useEffect(() => {
    if (!handle || !overrides) return;
    const { editor, monaco } = handle;
    const raw = editor.getRawOptions() as Record<string, unknown>;
    const defaults = monaco.editor.EditorOptions as unknown as Record<
      string,
      { defaultValue?: unknown } | undefined
    >;
    // An option never set has no raw value: Monaco's default is what it goes back to.
    const before = Object.fromEntries(
      Object.keys(overrides).map((key) => [key, raw[key] ?? defaults[key]?.defaultValue]),
    );
    editor.updateOptions(overrides);
    return () => editor.updateOptions(before);
  }, [handle, overrides]);
}
