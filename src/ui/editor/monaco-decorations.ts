/**
 * The plans of decorations.ts turned into Monaco decorations and markers: the trace markers,
 * the run's problems and the lesson's highlights, one layer each (see use-decoration-layer.ts).
 */
import { chipText, diagnosticInline, type LinePlan } from './decorations.ts';
import type { Diagnostic, EditorMarker } from './markers.ts';
import type { monaco as Monaco } from './monaco.ts';
import { NEUTRAL_CLASSES, type TaskClasses, taskClasses } from './task-css.ts';

export type MonacoApi = typeof Monaco;
export type Decoration = Monaco.editor.IModelDeltaDecoration;
type TextModel = Monaco.editor.ITextModel;

/** The owner of the markers we put on the model (Monaco keeps them per owner). */
export const MARKER_OWNER = 'event-loop-lab';

function classesOf(marker: EditorMarker): TaskClasses {
  return marker.task === null ? NEUTRAL_CLASSES : taskClasses(marker.task);
}

/** Text shown after the end of a line (chips, messages), which the cursor steps over. */
function afterLine(
  monaco: MonacoApi,
  line: number,
  end: number,
  content: string,
  inlineClassName: string,
): Decoration {
  return {
    range: new monaco.Range(line, end, line, end),
    options: {
      showIfCollapsed: true,
      after: { content, inlineClassName, cursorStops: monaco.editor.InjectedTextCursorStops.None },
    },
  };
}

/** Monaco decorations for the trace markers, a few per line whatever the step. */
export function markerDecorations(
  monaco: MonacoApi,
  model: TextModel,
  plans: readonly LinePlan[],
): Decoration[] {
  const out: Decoration[] = [];
  const lines = model.getLineCount();
  for (const plan of plans) {
    if (plan.line > lines) continue;
    const end = model.getLineMaxColumn(plan.line);
    out.push(...lineDecorations(monaco, plan, end));
    for (const chip of plan.chips) {
      const c = classesOf(chip);
      out.push(
        afterLine(
          monaco,
          plan.line,
          end,
          chipText(chip),
          chip.running ? c.chipStrong : c.chipFaded,
        ),
      );
    }
    if (plan.more > 0) {
      out.push(afterLine(monaco, plan.line, end, `+${plan.more} more`, 'ell-chip--more'));
    }
  }
  return out;
}

/**
 * A line's highlight and hover, in the colour of the party that leads it, and its glyph. The glyph
 * is a decoration of its own on the line's first column: a whole-line one would repeat the glyph
 * on every row of a wrapped line (four "A"s for one running line at 1024 wide).
 */
function lineDecorations(monaco: MonacoApi, plan: LinePlan, end: number): Decoration[] {
  const lead = classesOf(plan.lead);
  // Only the badge's span is HTML; the words are escaped Markdown (see decorations.ts).
  const hover = { value: plan.hover, supportHtml: true };
  const glyph = plan.running ? lead.glyphStrong : lead.glyphFaded;
  const stickiness = monaco.editor.TrackedRangeStickiness.NeverGrowsWhenTypingAtEdges;
  const zIndex = plan.running ? 2 : 1;
  return [
    {
      range: new monaco.Range(plan.line, 1, plan.line, end),
      options: {
        isWholeLine: true,
        className: plan.running ? lead.lineStrong : lead.lineFaded,
        hoverMessage: hover,
        overviewRuler: {
          color: lead.color,
          position: monaco.editor.OverviewRulerLane.Left,
        },
        zIndex,
        stickiness,
      },
    },
    {
      range: new monaco.Range(plan.line, 1, plan.line, 1),
      options: {
        glyphMarginClassName: plan.markers.length > 1 ? `${glyph} ell-glyph--more` : glyph,
        glyphMarginHoverMessage: hover,
        zIndex,
        stickiness,
      },
    },
  ];
}

function diagnosticRange(monaco: MonacoApi, model: TextModel, d: Diagnostic): Monaco.IRange | null {
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

/** Problems as Monaco markers: the squiggle, its hover, and F8 to go through them. */
export function diagnosticMarkers(
  monaco: MonacoApi,
  model: TextModel,
  diagnostics: readonly Diagnostic[],
): Monaco.editor.IMarkerData[] {
  const data: Monaco.editor.IMarkerData[] = [];
  for (const d of diagnostics) {
    const range = diagnosticRange(monaco, model, d);
    if (!range) continue;
    data.push({
      ...range,
      message: d.message,
      severity:
        d.severity === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
      source: d.source ?? 'Python',
    });
  }
  return data;
}

/** Problems as decorations: an error's line tinted, and the message after the line. */
export function diagnosticDecorations(
  monaco: MonacoApi,
  model: TextModel,
  diagnostics: readonly Diagnostic[],
): Decoration[] {
  const out: Decoration[] = [];
  const lines = model.getLineCount();
  for (const d of diagnostics) {
    if (d.line < 1 || d.line > lines) continue;
    const end = model.getLineMaxColumn(d.line);
    out.push({
      range: new monaco.Range(d.line, 1, d.line, end),
      options: {
        isWholeLine: true,
        className: d.severity === 'error' ? 'ell-diag-line--error' : null,
      },
    });
    const className = `ell-diag-inline ell-diag-inline--${d.severity}`;
    out.push(afterLine(monaco, d.line, end, diagnosticInline(d), className));
  }
  return out;
}

/** The lines a lesson points at (1-based; others are ignored), with a bar beside them. */
export function lessonDecorations(
  monaco: MonacoApi,
  model: TextModel,
  highlightLines: readonly number[],
): Decoration[] {
  const lines = model.getLineCount();
  return [...new Set(highlightLines)]
    .filter((l) => Number.isInteger(l) && l >= 1 && l <= lines)
    .map((l) => ({
      range: new monaco.Range(l, 1, l, model.getLineMaxColumn(l)),
      options: {
        isWholeLine: true,
        className: 'ell-lesson-line',
        linesDecorationsClassName: 'ell-lesson-bar',
        linesDecorationsTooltip: 'Highlighted by the lesson',
      },
    }));
}
