/**
 * The program editor. A plain textarea first (usable at once, same accessible name), replaced by
 * Monaco when its lazily loaded chunk arrives. Both report every edit through `onChange`.
 *
 * On top of the text it shows a replayed step (props in, nothing out but edits): the line each
 * task is at, in the task's colour (strong for the party holding control, faded with a hover
 * saying what it waits for), the run's problems as editor markers, and lesson highlights. When
 * the text no longer matches the run (`stale`), a banner says so and the trace markers go away.
 * Changing the step only swaps decorations: the editor is created once.
 */
import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import {
  chipText,
  diagnosticInline,
  diagnosticText,
  type LinePlan,
  lineOffsets,
  planLines,
} from './decorations.ts';
import type { Diagnostic, EditorMarker } from './markers.ts';
import type { monaco as Monaco } from './monaco.ts';
import { NEUTRAL_CLASSES, type TaskClasses, taskClasses } from './task-css.ts';
import { useTabEscape } from './use-tab-escape.ts';
import './editor.css';

export type { Diagnostic, EditorMarker } from './markers.ts';

type MonacoApi = typeof Monaco;
type Decoration = Monaco.editor.IModelDeltaDecoration;

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
const MARKER_OWNER = 'event-loop-lab';
const NONE: readonly never[] = [];
/** Edits remembered while the `value` prop catches up (typing runs a few keys ahead at most). */
const MAX_PENDING = 64;

function prefersDark(): boolean {
  return globalThis.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
}

function prefersReducedMotion(): boolean {
  return globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
}

function classesOf(marker: EditorMarker): TaskClasses {
  return marker.task === null ? NEUTRAL_CLASSES : taskClasses(marker.task);
}

/** Monaco decorations for the trace markers, a few per line whatever the step. */
function markerDecorations(
  monaco: MonacoApi,
  model: Monaco.editor.ITextModel,
  plans: readonly LinePlan[],
): Decoration[] {
  const out: Decoration[] = [];
  const lines = model.getLineCount();
  for (const plan of plans) {
    if (plan.line > lines) continue;
    const end = model.getLineMaxColumn(plan.line);
    const lead = classesOf(plan.lead);
    // Only the badge's span is HTML; the words are escaped Markdown (see decorations.ts).
    const hover = { value: plan.hover, supportHtml: true };
    const glyph = plan.running ? lead.glyphStrong : lead.glyphFaded;
    out.push({
      range: new monaco.Range(plan.line, 1, plan.line, end),
      options: {
        isWholeLine: true,
        className: plan.running ? lead.lineStrong : lead.lineFaded,
        glyphMarginClassName: plan.markers.length > 1 ? `${glyph} ell-glyph--more` : glyph,
        glyphMarginHoverMessage: hover,
        hoverMessage: hover,
        overviewRuler: {
          color: lead.color,
          position: monaco.editor.OverviewRulerLane.Left,
        },
        zIndex: plan.running ? 2 : 1,
        stickiness: monaco.editor.TrackedRangeStickiness.NeverGrowsWhenTypingAtEdges,
      },
    });
    for (const chip of plan.chips) {
      const c = classesOf(chip);
      out.push({
        range: new monaco.Range(plan.line, end, plan.line, end),
        options: {
          showIfCollapsed: true,
          after: {
            content: chipText(chip),
            inlineClassName: chip.running ? c.chipStrong : c.chipFaded,
            cursorStops: monaco.editor.InjectedTextCursorStops.None,
          },
        },
      });
    }
    if (plan.more > 0) {
      out.push({
        range: new monaco.Range(plan.line, end, plan.line, end),
        options: {
          showIfCollapsed: true,
          after: {
            content: `+${plan.more} more`,
            inlineClassName: 'ell-chip--more',
            cursorStops: monaco.editor.InjectedTextCursorStops.None,
          },
        },
      });
    }
  }
  return out;
}

function diagnosticRange(
  monaco: MonacoApi,
  model: Monaco.editor.ITextModel,
  d: Diagnostic,
): Monaco.IRange | null {
  if (d.line < 1 || d.line > model.getLineCount()) return null;
  const end = model.getLineMaxColumn(d.line);
  if (d.column !== undefined) {
    const column = Math.min(Math.max(1, d.column), end);
    const word = model.getWordAtPosition({ lineNumber: d.line, column });
    const to = word && word.startColumn === column ? word.endColumn : Math.min(column + 1, end);
    // A column at the very end (an unclosed line) still gets a visible squiggle.
    const from = to > column ? column : Math.max(1, column - 1);
    return new monaco.Range(d.line, from, d.line, Math.max(to, from + 1));
  }
  const first = model.getLineFirstNonWhitespaceColumn(d.line) || 1;
  return new monaco.Range(d.line, first, d.line, end);
}

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
  const editor = useRef<Monaco.editor.IStandaloneCodeEditor | null>(null);
  const api = useRef<MonacoApi | null>(null);
  const collections = useRef<{
    markers: Monaco.editor.IEditorDecorationsCollection;
    diagnostics: Monaco.editor.IEditorDecorationsCollection;
    lesson: Monaco.editor.IEditorDecorationsCollection;
  } | null>(null);
  const fallback = useRef<HTMLTextAreaElement>(null);
  /** Where the learner was typing in the textarea when Monaco arrived (to carry on there). */
  const carryOver = useRef<{ start: number; end: number } | null>(null);
  const [monacoReady, setMonacoReady] = useState(false);
  /** Texts Monaco reported through `onChange` that the `value` prop has not caught up with. */
  const emitted = useRef<string[]>([]);
  /** The text being put into Monaco from the `value` prop (not an edit to report back). */
  const applying = useRef<string | null>(null);
  /** Bumped when the text is replaced from outside, so that decorations are laid again. */
  const [textVersion, setTextVersion] = useState(0);
  // The latest props, for Monaco's listeners (registered once).
  const latest = useRef({ value, onChange, readOnly });
  latest.current = { value, onChange, readOnly };
  const ids = useId();
  const problemsId = `${ids}-problems`;
  const staleId = `${ids}-stale`;

  useTabEscape(monacoReady ? editor.current : null);
  const plans = useMemo(() => (stale ? [] : planLines(markers)), [markers, stale]);
  const runningLine = plans.find((p) => p.running)?.line ?? null;

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
          readOnly: latest.current.readOnly,
          // The letters of the tasks at each line.
          glyphMargin: true,
          // Hovers may be wider than the editor's panel.
          fixedOverflowWidgets: true,
          // Sticky headers would cover the very lines the markers point at.
          stickyScroll: { enabled: false },
        });
        editor.current = instance;
        api.current = monaco;
        collections.current = {
          markers: instance.createDecorationsCollection(),
          diagnostics: instance.createDecorationsCollection(),
          lesson: instance.createDecorationsCollection(),
        };
        const sub = instance.onDidChangeModelContent(() => {
          const text = instance.getValue();
          if (text === applying.current) return;
          const sent = emitted.current;
          sent.push(text);
          if (sent.length > MAX_PENDING) sent.splice(0, sent.length - MAX_PENDING);
          latest.current.onChange(text);
        });
        const onScheme = () => monaco.editor.setTheme(prefersDark() ? 'vs-dark' : 'vs');
        dark?.addEventListener('change', onScheme);
        cleanups.push(() => {
          dark?.removeEventListener('change', onScheme);
          sub.dispose();
          const model = instance.getModel();
          if (model) monaco.editor.setModelMarkers(model, MARKER_OWNER, []);
          instance.dispose();
          editor.current = null;
          collections.current = null;
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

  // Text that changes from outside (a reset, a lesson) reaches Monaco too. The prop may lag
  // behind fast typing (the parent renders after the next key went in): a value Monaco itself
  // reported is an echo, never a reason to overwrite what was typed since. Replacing the whole
  // text collapses decorations, so they are laid again afterwards.
  useEffect(() => {
    const instance = editor.current;
    if (!instance) return;
    const sent = emitted.current;
    const echo = sent.lastIndexOf(value);
    if (echo >= 0) {
      sent.splice(0, echo + 1);
      return;
    }
    if (instance.getValue() !== value) {
      sent.length = 0;
      applying.current = value;
      try {
        instance.setValue(value);
      } finally {
        applying.current = null;
      }
      setTextVersion((v) => v + 1);
    }
  }, [value]);

  useEffect(() => {
    if (monacoReady) editor.current?.updateOptions({ readOnly });
  }, [monacoReady, readOnly]);

  // Trace markers: a swap of a few decorations per step.
  // biome-ignore lint/correctness/useExhaustiveDependencies: textVersion re-lays them after setValue.
  useEffect(() => {
    const instance = editor.current;
    const monaco = api.current;
    const model = instance?.getModel();
    if (!monacoReady || !monaco || !model || !collections.current) return;
    collections.current.markers.set(markerDecorations(monaco, model, plans));
  }, [monacoReady, plans, textVersion]);

  // The running line scrolls into view, without taking the focus from wherever it is.
  useEffect(() => {
    if (!monacoReady || runningLine === null || !api.current) return;
    const scroll = prefersReducedMotion()
      ? api.current.editor.ScrollType.Immediate
      : api.current.editor.ScrollType.Smooth;
    editor.current?.revealLineInCenterIfOutsideViewport(runningLine, scroll);
  }, [monacoReady, runningLine]);

  useEffect(() => {
    if (!monacoReady || revealLine === undefined || !api.current) return;
    editor.current?.revealLineInCenterIfOutsideViewport(
      revealLine,
      api.current.editor.ScrollType.Smooth,
    );
  }, [monacoReady, revealLine]);

  // Problems: Monaco markers (squiggle, hover, F8) plus the message after the line.
  // biome-ignore lint/correctness/useExhaustiveDependencies: textVersion re-lays them after setValue.
  useEffect(() => {
    const monaco = api.current;
    const model = editor.current?.getModel();
    if (!monacoReady || !monaco || !model || !collections.current) return;
    const data: Monaco.editor.IMarkerData[] = [];
    const decorations: Decoration[] = [];
    for (const d of diagnostics) {
      const range = diagnosticRange(monaco, model, d);
      if (!range) continue;
      const error = d.severity === 'error';
      data.push({
        ...range,
        message: d.message,
        severity: error ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
        source: 'Python',
      });
      const end = model.getLineMaxColumn(d.line);
      decorations.push({
        range: new monaco.Range(d.line, 1, d.line, end),
        options: {
          isWholeLine: true,
          className: error ? 'ell-diag-line--error' : null,
        },
      });
      decorations.push({
        range: new monaco.Range(d.line, end, d.line, end),
        options: {
          showIfCollapsed: true,
          after: {
            content: diagnosticInline(d),
            inlineClassName: `ell-diag-inline ell-diag-inline--${d.severity}`,
            cursorStops: monaco.editor.InjectedTextCursorStops.None,
          },
        },
      });
    }
    monaco.editor.setModelMarkers(model, MARKER_OWNER, data);
    collections.current.diagnostics.set(decorations);
  }, [monacoReady, diagnostics, textVersion]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: textVersion re-lays them after setValue.
  useEffect(() => {
    const monaco = api.current;
    const model = editor.current?.getModel();
    if (!monacoReady || !monaco || !model || !collections.current) return;
    const lines = model.getLineCount();
    collections.current.lesson.set(
      [...new Set(highlightLines)]
        .filter((l) => Number.isInteger(l) && l >= 1 && l <= lines)
        .map((l) => ({
          range: new monaco.Range(l, 1, l, model.getLineMaxColumn(l)),
          options: {
            isWholeLine: true,
            className: 'ell-lesson-line',
            linesDecorationsClassName: 'ell-lesson-bar',
            linesDecorationsTooltip: 'Highlighted by the lesson',
          },
        })),
    );
  }, [monacoReady, highlightLines, textVersion]);

  /** "Go to line" from the problems list: the cursor moves there (a deliberate focus move). */
  const goTo = useCallback((d: Diagnostic) => {
    const instance = editor.current;
    if (instance) {
      instance.revealLineInCenterIfOutsideViewport(d.line);
      instance.setPosition({ lineNumber: d.line, column: d.column ?? 1 });
      instance.focus();
      return;
    }
    const area = fallback.current;
    if (!area) return;
    const { start, end } = lineOffsets(area.value, d.line);
    const at = d.column === undefined ? start : Math.min(start + d.column - 1, end);
    area.focus();
    area.setSelectionRange(at, d.column === undefined ? end : at);
  }, []);

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
            hidden={!monacoReady}
            data-testid="monaco-host"
            data-stale={stale ? 'true' : undefined}
          />
          {!monacoReady && (
            <textarea
              ref={fallback}
              className="program-editor__fallback"
              aria-label={label}
              aria-describedby={
                [stale ? staleId : null, diagnostics.length > 0 ? problemsId : null]
                  .filter(Boolean)
                  .join(' ') || undefined
              }
              value={value}
              readOnly={readOnly}
              spellCheck={false}
              autoCapitalize="off"
              autoCorrect="off"
              onChange={(event) => onChange(event.target.value)}
            />
          )}
        </div>
        {diagnostics.length > 0 && (
          <ul id={problemsId} className="program-editor__problems" aria-label="Problems">
            {diagnostics.map((d) => (
              <li
                key={`${d.line}:${d.column ?? ''}:${d.message}`}
                className={`program-editor__problem program-editor__problem--${d.severity}`}
              >
                <button
                  type="button"
                  className="program-editor__problem-go"
                  title={`Go to line ${d.line}`}
                  onClick={() => goTo(d)}
                >
                  {diagnosticText(d)}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
