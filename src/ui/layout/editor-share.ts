/**
 * The playground's editor column, as a share of the window's width (issue 9 §1): as wide as the
 * program's longest line needs (the presenter layout's rule, code-width.ts), so that at 1280×720
 * the default program's `brew("tea", 3), name="tea")` is not cut while the picture has room to
 * spare; but never so wide that the picture loses the width its cards need. What is still too
 * long wraps (PlaygroundLayout sets the editor's wrapping), so the running line is never cut.
 */
import { codeWidth } from '../presenter/code-width.ts';

/** The editor's share when the code needs little (a short program): the old fixed split. */
export const MIN_EDITOR_SHARE = 30;
/** The most the editor takes: past this, the picture's cards would re-flow into more rows. */
export const MAX_EDITOR_SHARE = 42;
/** The picture keeps at least this many px: three short cards a row beside the side column. */
const PICTURE_MIN_PX = 620;

/** The editor column's first size in % of `width`, for `columns` of code at `codePx` px type. */
export function editorShare(columns: number, codePx: number, width: number): number {
  if (width <= 0) return 38;
  const need = (codeWidth(columns, codePx) / width) * 100;
  const most = Math.max(
    MIN_EDITOR_SHARE,
    Math.min(MAX_EDITOR_SHARE, ((width - PICTURE_MIN_PX) / width) * 100),
  );
  return Math.round(Math.min(most, Math.max(MIN_EDITOR_SHARE, need)));
}
