/**
 * One layer of decorations in the editor (trace markers, problems, lesson highlights): its own
 * collection, whose contents are swapped whenever the layer's function changes. Memoise the
 * function (useCallback) on what it draws: a step that changes nothing redraws nothing.
 */
import { useEffect, useRef } from 'react';
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
  const collection = useRef<{
    editor: Monaco.editor.IStandaloneCodeEditor;
    decorations: Monaco.editor.IEditorDecorationsCollection;
  } | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: textVersion re-lays them after setValue.
  useEffect(() => {
    const model = handle?.editor.getModel();
    if (!handle || !model) return;
    if (collection.current?.editor !== handle.editor) {
      collection.current = {
        editor: handle.editor,
        decorations: handle.editor.createDecorationsCollection(),
      };
    }
    collection.current.decorations.set(layer(handle.monaco, model));
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
