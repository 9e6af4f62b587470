/**
 * The program editor. A plain one first (PlainEditor.tsx: usable at once, same accessible name),
 * replaced by Monaco when its lazily loaded chunk arrives (use-monaco.ts). Both report every edit through
 * `onChange` (use-text-sync.ts).
 *
 * On top of the text it shows a replayed step (props in, nothing out but edits): the line each
 * task is at, in the task's colour (strong for the party holding control, faded with a hover
 * saying what it waits for), the run's problems as editor markers, and lesson highlights, each a
 * decoration layer (use-decoration-layer.ts). When the text no longer matches the run (`stale`),
 * a banner says so and the trace markers go away. Changing the step only swaps decorations: the
 * editor is created once.
 */
import { useCallback, useId, useMemo, useRef } from 'react';
import { lineOffsets, planLines } from './decorations.ts';
import type { Diagnostic, EditorMarker } from './markers.ts';
import {
  diagnosticDecorations,
  diagnosticMarkers,
  lessonDecorations,
  markerDecorations,
} from './monaco-decorations.ts';
import { PlainEditor } from './PlainEditor.tsx';
import { ProblemsList } from './ProblemsList.tsx';
import {
  type Layer,
  type MarkerLayer,
  useDecorationLayer,
  useModelMarkers,
} from './use-decoration-layer.ts';
import { type MonacoHandle, useMonaco } from './use-monaco.ts';
import { useRevealLine } from './use-reveal-line.ts';
import { useTabEscape } from './use-tab-escape.ts';
import { useTextSync } from './use-text-sync.ts';
import './editor.css';

export type { Diagnostic, EditorMarker } from './markers.ts';

export interface ProgramEditorProps {
  value: string;
  onChange: (text: string) => void;
  /** The accessible name of the editing surface. */
  label?: string;
  /** Where everyone is at the current step (`editorMarkers(trace, state)`); hidden while stale. */
  markers?: readonly EditorMarker[];
  /** The run's problems (`traceDiagnostics(trace)`). */
  diagnostics?: readonly Diagnostic[];
  /** The text differs from the traced program: show the banner, hide the trace markers. */
  stale?: boolean;
  readOnly?: boolean;
  /** Lines a lesson points at (1-based). */
  highlightLines?: readonly number[];
  /** Scroll this line into view (when it changes), e.g. for a link to a line. */
  revealLine?: number;
}

export const STALE_TEXT = 'Code changed — run to update';
const NONE: readonly never[] = [];

export function ProgramEditor({
  value,
  onChange,
  label = 'Program',
  markers = NONE,
  diagnostics = NONE,
  stale = false,
  readOnly = false,
  highlightLines = NONE,
  revealLine,
}: ProgramEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const fallback = useRef<HTMLTextAreaElement>(null);
  const handle = useMonaco(host, fallback, { label, value, readOnly });
  const textVersion = useTextSync(handle, value, onChange);
  const plans = useMemo(() => (stale ? [] : planLines(markers)), [markers, stale]);
  const runningLine = plans.find((p) => p.running)?.line ?? null;
  useEditorLayers(handle, textVersion, { plans, diagnostics, highlightLines });
  useRevealLine(handle, runningLine, true);
  useRevealLine(handle, revealLine);
  useTabEscape(handle?.editor ?? null);
  const goTo = useCallback((d: Diagnostic) => goToProblem(handle, fallback.current, d), [handle]);

  const ids = useId();
  const problemsId = `${ids}-problems`;
  const staleId = `${ids}-stale`;
  return (
    <div className="program-editor">
      <div className="ell-editor">
        {/* A live region that is always there (so the change is announced); a status only while
            stale, so that it never competes with the app's own status line. */}
        <div
          id={staleId}
          className="program-editor__stale"
          role={stale ? 'status' : undefined}
          aria-live="polite"
        >
          {stale ? STALE_TEXT : ''}
        </div>
        <div className="program-editor__surface">
          <div
            ref={host}
            className="program-editor__monaco"
            hidden={handle === null}
            data-testid="monaco-host"
            data-stale={stale ? 'true' : undefined}
          />
          {handle === null && (
            <PlainEditor
              ref={fallback}
              label={label}
              describedBy={
                [stale ? staleId : null, diagnostics.length > 0 ? problemsId : null]
                  .filter(Boolean)
                  .join(' ') || undefined
              }
              value={value}
              readOnly={readOnly}
              onChange={onChange}
            />
          )}
        </div>
        {diagnostics.length > 0 && (
          <ProblemsList id={problemsId} diagnostics={diagnostics} goTo={goTo} />
        )}
      </div>
    </div>
  );
}

/** The three decoration layers: where everyone is, the run's problems, the lesson's lines. */
function useEditorLayers(
  handle: MonacoHandle | null,
  textVersion: number,
  {
    plans,
    diagnostics,
    highlightLines,
  }: {
    plans: ReturnType<typeof planLines>;
    diagnostics: readonly Diagnostic[];
    highlightLines: readonly number[];
  },
): void {
  const markerLayer = useCallback<Layer>((m, model) => markerDecorations(m, model, plans), [plans]);
  const problemMarkers = useCallback<MarkerLayer>(
    (m, model) => diagnosticMarkers(m, model, diagnostics),
    [diagnostics],
  );
  const problemLayer = useCallback<Layer>(
    (m, model) => diagnosticDecorations(m, model, diagnostics),
    [diagnostics],
  );
  const lessonLayer = useCallback<Layer>(
    (m, model) => lessonDecorations(m, model, highlightLines),
    [highlightLines],
  );
  useDecorationLayer(handle, textVersion, markerLayer);
  useModelMarkers(handle, textVersion, problemMarkers);
  useDecorationLayer(handle, textVersion, problemLayer);
  useDecorationLayer(handle, textVersion, lessonLayer);
}

/** "Go to line" from the problems list: the cursor moves there (a deliberate focus move). */
function goToProblem(
  handle: MonacoHandle | null,
  area: HTMLTextAreaElement | null,
  d: Diagnostic,
): void {
  if (handle) {
    const { editor } = handle;
    editor.revealLineInCenterIfOutsideViewport(d.line);
    editor.setPosition({ lineNumber: d.line, column: d.column ?? 1 });
    editor.focus();
    return;
  }
  if (!area) return;
  const { start, end } = lineOffsets(area.value, d.line);
  const at = d.column === undefined ? start : Math.min(start + d.column - 1, end);
  area.focus();
  area.setSelectionRange(at, d.column === undefined ? end : at);
}
