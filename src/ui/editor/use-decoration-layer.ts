/**
 * One layer of decorations in the editor (trace markers, problems, lesson highlights), updated
 * whenever the layer's function changes, line by line (decoration-delta.ts): a step that moves
 * one marker redraws the lines it left and reached only, and one that changes nothing, nothing.
 * Memoise the function (useCallback) on what it draws.
 */
import { useEffect, useRef } from 'react';
import { decorationDelta, withAdded } from './decoration-delta.ts';
import type { monaco as Monaco } from './monaco.ts';
import { type Decoration, MARKER_OWNER, type MonacoApi } from './monaco-decorations.ts';
import type { MonacoHandle } from './use-monaco.ts';

export type Layer = (monaco: MonacoApi, model: Monaco.editor.ITextModel) => Decoration[];
export type MarkerLayer = (
  monaco: MonacoApi,
  model: Monaco.editor.ITextModel,
) => Monaco.editor.IMarkerData[];

export function useDecorationLayer(
  handle: MonacoHandle | null,
  textVersion: number,
  layer: Layer,
): void {
  // What this layer shows, in which editor and for which version of the text.
  const shown = useRef<{
    editor: Monaco.editor.IStandaloneCodeEditor;
    model: Monaco.editor.ITextModel;
    version: number;
    decorations: Map<string, string[]>;
  } | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: textVersion re-lays them after setValue.
  useEffect(() => {
    const model = handle?.editor.getModel();
    if (!handle || !model) return;
    const { editor } = handle;
    const before = shown.current;
    // An edit moves decorations with the text (and setValue drops them): their keys no longer
    // say where they are, so after one the layer is laid afresh.
    const fresh =
      before?.editor !== editor ||
      before.model !== model ||
      before.version !== model.getVersionId();
    const known = fresh ? new Map<string, string[]>() : before.decorations;
    const stale = fresh && before?.editor === editor ? [...before.decorations.values()].flat() : [];
    const delta = decorationDelta(known, layer(handle.monaco, model));
    const remove = [...stale, ...delta.remove];
    // deltaDecorations, not a collection: a collection's `set` replaces every decoration, and
    // Monaco then lays out again each line with a chip even when the chip did not change.
    const ids =
      remove.length === 0 && delta.add.length === 0
        ? []
        : editor.deltaDecorations(remove, delta.add);
    shown.current = {
      editor,
      model,
      version: model.getVersionId(),
      decorations: withAdded(delta.kept, delta.added, ids),
    };
  }, [handle, layer, textVersion]);
}

/**
 * Monaco's other kind of layer, markers (the problems' squiggles, hovers and F8), ours under one
 * owner, set again whenever the function changes.
 */
export function useModelMarkers(
  handle: MonacoHandle | null,
  textVersion: number,
  markers: MarkerLayer,
): void {
  // biome-ignore lint/correctness/useExhaustiveDependencies: textVersion re-lays them after setValue.
  useEffect(() => {
    const model = handle?.editor.getModel();
    if (!handle || !model) return;
    handle.monaco.editor.setModelMarkers(model, MARKER_OWNER, markers(handle.monaco, model));
  }, [handle, markers, textVersion]);
}
