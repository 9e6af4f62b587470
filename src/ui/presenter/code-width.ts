/**
 * How wide the presenter's editor column must be to show a program's longest line whole, in the
 * stage's CSS pixels. presenter.css clamps it between a third and a half of the stage; past
 * that, the editor wraps long lines (editor-overrides.ts), so the highlighted line is never cut.
 */

/** Monospace advance per character, in em: DejaVu Sans Mono and Droid Sans Mono are 0.602. */
const CHAR_EM = 0.61;
/**
 * Everything beside the text, in px: the glyph margin (the tasks' letters), two-digit line
 * numbers, the decorations' strip, the vertical scrollbar and the panel's border and padding.
 */
const GUTTER_PX = 84;
/** Room after the text for the cursor and rounding, in characters. */
const SLACK_COLUMNS = 1;

/** The widest line, in character columns (a tab is 4, as the editor indents). */
export function longestLine(source: string): number {
  let widest = 0;
  for (const line of source.split('\n')) {
    const width = line.replace(/\r$/, '').replace(/\t/g, '    ').length;
    if (width > widest) widest = width;
  }
  return widest;
}

/** The editor column's width for `columns` characters of code at `codePx` px type. */
export function codeWidth(columns: number, codePx: number): number {
  return Math.ceil(GUTTER_PX + (columns + SLACK_COLUMNS) * CHAR_EM * codePx);
}

/** Columns of code the presenter's editor shows per row before it wraps, if the zoom allows. */
export const READABLE_COLUMNS = 40;

/**
 * The scale of the code inside the presenter's zoomed stage: 1 when the editor's column (in the
 * stage's pixels) holds the program's longest line or READABLE_COLUMNS, smaller when it does not,
 * but never below 1 / zoom (the code is never smaller than at 100 %). The rest wraps.
 */
export function codeFit(
  columnWidth: number,
  longest: number,
  codePx: number,
  zoom: number,
): number {
  if (columnWidth <= 0) return 1;
  const need = codeWidth(Math.min(longest, READABLE_COLUMNS), codePx);
  const floor = 1 / Math.max(1, zoom);
  return Math.round(Math.min(1, Math.max(floor, columnWidth / need)) * 1000) / 1000;
}
