/**
 * How the editor draws markers and diagnostics, decided without Monaco: which lines get which
 * highlight, the words on the inline chips, the hover text. `ProgramEditor` turns these plans
 * into Monaco decorations; keeping the decisions here lets them be tested in Node.
 */
import { LOOP_STYLE, type TaskStyle, taskStyle } from '../task-style.ts';
import type { Diagnostic, EditorMarker } from './markers.ts';

/** How many chips a line shows before "+N more" (the hover lists everyone). */
export const MAX_CHIPS = 3;

/** Everyone at one program line. */
export interface LinePlan {
  readonly line: number;
  /** Whose colour the line and glyph take: the running party if any, else the first by task id. */
  readonly lead: EditorMarker;
  /** True when the party holding control is at this line (the strong highlight). */
  readonly running: boolean;
  /** Everyone at the line: the running party first, then by task id, the no-task party last. */
  readonly markers: readonly EditorMarker[];
  /** Shown as chips after the line's text. */
  readonly chips: readonly EditorMarker[];
  /** How many are left out of `chips`. */
  readonly more: number;
  /** Markdown for the hover: one paragraph per party. */
  readonly hover: string;
}

/** The style a marker is drawn in: its task's, or the neutral no-task style. */
export function markerStyle(marker: EditorMarker): TaskStyle {
  return marker.task === null ? LOOP_STYLE : taskStyle(marker.task);
}

function order(a: EditorMarker, b: EditorMarker): number {
  if (a.running !== b.running) return a.running ? -1 : 1;
  if (a.task === null || b.task === null) return a.task === null ? (b.task === null ? 0 : 1) : -1;
  return a.task - b.task;
}

/**
 * Groups markers by line (skipping lines the text no longer has, e.g. `lineCount` shrank),
 * ordered by line.
 */
export function planLines(
  markers: readonly EditorMarker[],
  lineCount: number = Number.POSITIVE_INFINITY,
): LinePlan[] {
  const byLine = new Map<number, EditorMarker[]>();
  for (const m of markers) {
    if (!Number.isInteger(m.line) || m.line < 1 || m.line > lineCount) continue;
    const at = byLine.get(m.line);
    if (at) at.push(m);
    else byLine.set(m.line, [m]);
  }
  return [...byLine.entries()]
    .sort(([a], [b]) => a - b)
    .map(([line, all]) => {
      const sorted = all.sort(order);
      const lead = sorted[0] as EditorMarker;
      return {
        line,
        lead,
        running: lead.running,
        markers: sorted,
        chips: sorted.slice(0, MAX_CHIPS),
        more: Math.max(0, sorted.length - MAX_CHIPS),
        hover: sorted.map(hoverParagraph).join('\n\n'),
      };
    });
}

/**
 * The words on a chip after the line, e.g. "◀ ●A worker-1 running", "◁ ●B w1 waiting". The
 * arrow, letter and shape say whose it is and whether it runs, so colour is never the only cue.
 */
export function chipText(marker: EditorMarker): string {
  const arrow = marker.running ? '◀' : '◁';
  const who = marker.task === null ? marker.name : `${badge(markerStyle(marker))} ${marker.name}`;
  return `${arrow} ${who} ${marker.status}`;
}

/** "●A": a task's shape and letter, as the task chips elsewhere in the app show them. */
export function badge(style: TaskStyle): string {
  return `${style.shape}${style.letter}`;
}

/**
 * A paragraph of the hover: the party's badge in its colours, then its sentence. The badge is the
 * one HTML Monaco's hover keeps (a span with `color` and `background-color` only).
 */
function hoverParagraph(marker: EditorMarker): string {
  const style = markerStyle(marker);
  const text = marker.task === null ? '▶' : badge(style);
  const tag = `<span style="color:${style.onColor};background-color:${style.color};border-radius:3px;">&nbsp;${text}&nbsp;</span>`;
  return `${tag} ${escapeMarkdown(marker.hover)}`;
}

/**
 * Escapes Markdown outside `code` spans: task names come from the program (`set_name`), and a
 * name such as `*worker*` must read as written.
 */
export function escapeMarkdown(text: string): string {
  return text
    .split(/(`[^`]*`)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/[\\*_[\]<>#|~]/g, '\\$&')))
    .join('');
}

/** One line of the problems list: "Line 6, column 24: SyntaxError: '(' was never closed". */
export function diagnosticText(d: Diagnostic): string {
  const where = d.column === undefined ? `Line ${d.line}` : `Line ${d.line}, column ${d.column}`;
  return `${where}${d.severity === 'warning' ? ' (warning)' : ''}: ${d.message}`;
}

/** The words shown after a line with a problem: "✖ ValueError: boom". */
export function diagnosticInline(d: Diagnostic): string {
  return `${d.severity === 'error' ? '✖' : '⚠'} ${d.message}`;
}

/** The 0-based offsets of a 1-based line in `text` (for the plain textarea). */
export function lineOffsets(text: string, line: number): { start: number; end: number } {
  let start = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) return { start: text.length, end: text.length };
    start = nl + 1;
  }
  const nl = text.indexOf('\n', start);
  return { start, end: nl < 0 ? text.length : nl };
}
