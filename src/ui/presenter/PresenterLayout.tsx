/**
 * The projector layout: the editor and the console on the left, the simulator (the picture the
 * class looks at) on the right, the narration across, the player bar at the foot. No splitters
 * and no timeline: on a projector every pixel goes to the code, the loop and the output, and the
 * zoom (presenter.css) grows all of them together.
 *
 * The editor's column is as wide as the program's longest line needs, between a third and half
 * of the stage (presenter.css); in a narrow column the code scales down to show 40 columns (never
 * below its size at 100 %), and the editor wraps what is still too long: the highlighted line
 * is never cut, at any zoom step.
 */
import { type CSSProperties, type ReactNode, useRef, useSyncExternalStore } from 'react';
import { codeFontSize } from '../editor/code-font.ts';
import { type EditorOverrides, EditorOverridesContext } from '../editor/editor-overrides.ts';
import { useElementWidth } from '../layout/use-element-size.ts';
import { codeFit, codeWidth } from './code-width.ts';

export interface PresenterLayoutProps {
  editor: ReactNode;
  simulator: ReactNode;
  console: ReactNode;
  narration: ReactNode;
  footer: ReactNode;
  /** The program's longest line, in characters (`longestLine`). */
  codeColumns: number;
  /** Presenter mode's zoom, 1 to 2. */
  zoom: number;
}

/**
 * Long lines wrap, indented under their start; two-digit line numbers and no folding arrows
 * leave the code more of the column (nobody folds code in front of a class).
 */
const PRESENTER_EDITOR: EditorOverrides = {
  wordWrap: 'on',
  wrappingIndent: 'indent',
  lineNumbersMinChars: 2,
  folding: false,
};

function subscribeResize(onChange: () => void): () => void {
  window.addEventListener('resize', onChange);
  return () => window.removeEventListener('resize', onChange);
}

/** The code's type size, which follows the window's width (code-font.ts). */
function useCodePx(): number {
  return useSyncExternalStore(
    subscribeResize,
    () => codeFontSize(window.innerWidth),
    () => codeFontSize(0),
  );
}

export function PresenterLayout(props: PresenterLayoutProps) {
  const codePx = useCodePx();
  // The console shares the editor's column and is not scaled: its width is the column's.
  const consoleCell = useRef<HTMLDivElement>(null);
  const column = useElementWidth(consoleCell);
  const style = {
    '--presenter-code-width': `${codeWidth(props.codeColumns, codePx)}px`,
    '--presenter-code-fit': codeFit(column, props.codeColumns, codePx, props.zoom),
  };
  return (
    <div className="presenter-layout">
      <main className="presenter-layout__main" style={style as CSSProperties}>
        <div className="presenter-layout__editor">
          <EditorOverridesContext.Provider value={PRESENTER_EDITOR}>
            {props.editor}
          </EditorOverridesContext.Provider>
        </div>
        <div ref={consoleCell} className="presenter-layout__console">
          {props.console}
        </div>
        <div className="presenter-layout__simulator">{props.simulator}</div>
      </main>
      <div className="presenter-layout__narration">{props.narration}</div>
      <div className="presenter-layout__footer">{props.footer}</div>
    </div>
  );
}
