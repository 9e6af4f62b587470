/**
 * The playground's panes, from a 1280×720 laptop to a 1920×1080 projector, and down to 1024 wide:
 * the editor on the left, the simulator (the widest pane: the loop, its queues and the task cards
 * need room) on the right, the narration across the whole width below them, then the timeline,
 * and the player bar (transport and status) at the foot. The console goes under the editor on
 * tall screens; on short ones (a laptop) it sits beside the timeline, so that the editor shows
 * a whole lesson-sized program. Below 900 wide or 560 high, everything stacks and the page
 * scrolls, the editor and the simulator still side by side on the first screen when 600 wide. Every split is resizable with the mouse or the keyboard (the separators are focusable)
 * and remembered. The playground's editor starts as wide as its code needs, within what the
 * picture can spare (editor-share.ts), and wraps lines longer than that: the running line is
 * never cut.
 */
import { createContext, type ReactNode, useContext, useState } from 'react';
import { Group, Panel, Separator, useDefaultLayout } from 'react-resizable-panels';
import { codeFontSize } from '../editor/code-font.ts';
import { type EditorOverrides, EditorOverridesContext } from '../editor/editor-overrides.ts';
import { editorShare } from './editor-share.ts';
import { useMediaQuery } from './use-media-query.ts';

export interface PlaygroundLayoutProps {
  header: ReactNode;
  editor: ReactNode;
  simulator: ReactNode;
  console: ReactNode;
  narration: ReactNode;
  /** Rendered into a box that fills what is left of the bottom pane. */
  timeline: ReactNode;
  footer: ReactNode;
  /** The program's longest line, in characters (`longestLine`): the editor's first width. */
  codeColumns?: number;
}

/**
 * Lines longer than the editor's column wrap, indented under their start: the running line is
 * never cut, whatever the split (the presenter layout does the same).
 */
const WRAP_LONG_LINES: EditorOverrides = { wordWrap: 'on', wrappingIndent: 'indent' };

/**
 * A pane for the bottom row, beside the narration and the timeline: a lesson's prose on a
 * screen of 1280 or less, so that the code and the picture above have the whole width.
 */
export const BottomAside = createContext<ReactNode>(null);

/**
 * True when a page's own `<main>` already holds this layout (a lesson beside the playground,
 * with the splitter between them): the panes are then a plain box, since a page has one main
 * landmark, and the splitter must sit inside a landmark too (axe's "region").
 */
export const InsideMain = createContext(false);

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

function Handle({ label, orientation }: { label: string; orientation: 'vertical' | 'horizontal' }) {
  return (
    <Separator className={`splitter splitter--${orientation}`} aria-label={label}>
      <span className="splitter__grip" aria-hidden="true" />
    </Separator>
  );
}

/**
 * The bottom pane's first size, as a share of the main area: room for the narration and about
 * four timeline lanes, but never more than 40% (a short laptop screen needs the simulator).
 */
function bottomShare(aside: boolean): number {
  const height = globalThis.innerHeight ?? 800;
  const main = Math.max(300, height - 110);
  // At a projector's 720 or 768 px this is just enough for the default program's five timeline
  // lanes at their compact height; the picture above needs the rest (eight tasks' cards at 12 px
  // type). A lesson's prose in the bottom row needs a few more lines.
  const share = aside ? 0.4 : 0.34;
  const wanted = Math.min(300, Math.max(aside ? 200 : 170, main * share));
  return Math.round(Math.min(aside ? 42 : 40, (wanted / main) * 100));
}

export function PlaygroundLayout(props: PlaygroundLayoutProps) {
  const roomy = useMediaQuery('(min-width: 900px) and (min-height: 560px)');
  const tall = useMediaQuery('(min-height: 1000px)');
  const aside = useContext(BottomAside);
  const Main = useContext(InsideMain) ? 'div' : 'main';
  const [bottom] = useState(() => bottomShare(aside !== null));
  // The editor's first width follows the code (editor-share.ts); a width set by hand is kept.
  const [share] = useState(() => {
    const width = globalThis.innerWidth ?? 1280;
    return props.codeColumns === undefined
      ? 38
      : editorShare(props.codeColumns, codeFontSize(width), width);
  });
  const editor = (
    <EditorOverridesContext.Provider value={WRAP_LONG_LINES}>
      {props.editor}
    </EditorOverridesContext.Provider>
  );

  if (!roomy) {
    // Small screens: no splits, one pane after another; the page scrolls.
    return (
      <div className="layout layout--stacked">
        {props.header}
        <main className="layout__stack">
          {/* Side by side when there is the width (800×600, or 150 % zoom on a laptop): the
              first screen shows the code and the picture together, not the editor alone. */}
          <div className="layout__pair">
            <div className="layout__cell layout__cell--editor">{editor}</div>
            <div className="layout__cell layout__cell--simulator">{props.simulator}</div>
          </div>
          <div className="layout__cell">{props.narration}</div>
          <div className="layout__cell layout__cell--console">{props.console}</div>
          <div className="layout__cell layout__cell--timeline">{props.timeline}</div>
        </main>
        <div className="layout__footer layout__footer--sticky">{props.footer}</div>
      </div>
    );
  }

  return (
    <div className="layout">
      {props.header}
      <Main className="layout__main">
        {tall ? (
          <TallPanes {...props} editor={editor} bottom={bottom} share={share} />
        ) : (
          <ShortPanes {...props} editor={editor} bottom={bottom} share={share} />
        )}
      </Main>
      <div className="layout__footer">{props.footer}</div>
    </div>
  );
}

/** `share`: the editor's column, in % of the width. */
type PanesProps = PlaygroundLayoutProps & { bottom: number; share: number };

/** One side of a split: its panel's id (sizes are remembered by it), sizes and content. */
interface Side {
  readonly id: string;
  readonly size: string;
  readonly min: string;
  readonly content: ReactNode;
}

/**
 * Two panels with a handle between them, their sizes remembered (in localStorage, under `id`).
 * `orientation` is the group's: a vertical group stacks its panels, with a horizontal handle.
 */
function SavedSplit({
  id,
  orientation,
  className,
  label,
  first,
  second,
}: {
  id: string;
  orientation: 'vertical' | 'horizontal';
  className?: string;
  /** The handle's accessible name. */
  label: string;
  first: Side;
  second: Side;
}) {
  const saved = useDefaultLayout({ id, storage: storage() });
  return (
    <Group
      orientation={orientation}
      className={className}
      defaultLayout={saved.defaultLayout}
      onLayoutChanged={saved.onLayoutChanged}
    >
      <Panel id={first.id} defaultSize={first.size} minSize={first.min}>
        {first.content}
      </Panel>
      <Handle label={label} orientation={orientation === 'vertical' ? 'horizontal' : 'vertical'} />
      <Panel id={second.id} defaultSize={second.size} minSize={second.min}>
        {second.content}
      </Panel>
    </Group>
  );
}

/**
 * The panes both roomy layouts share: the editor's column beside the simulator above, the
 * narration and the timeline's row below. `left` is the editor's column and `lower` what goes
 * under the narration; `name` keeps each layout's remembered sizes apart.
 */
function Panes({
  name,
  bottom,
  share,
  left,
  lower,
  simulator,
  narration,
}: Pick<PanesProps, 'bottom' | 'share' | 'simulator' | 'narration'> & {
  name: 'tall' | 'short';
  left: Side;
  lower: ReactNode;
}) {
  const columns = (
    <SavedSplit
      id={`ell-${name}-columns`}
      orientation="horizontal"
      label="Resize the editor and the event loop"
      first={left}
      second={{ id: 'simulator', size: `${100 - share}%`, min: '35%', content: simulator }}
    />
  );
  const aside = useContext(BottomAside);
  const bottomRow = (
    <div className="layout__bottom">
      {narration}
      <div className="layout__timeline">{lower}</div>
    </div>
  );
  const below =
    aside === null ? (
      bottomRow
    ) : (
      <SavedSplit
        id={`ell-${name}-aside`}
        orientation="horizontal"
        label="Resize the lesson"
        first={{ id: 'aside', size: '34%', min: '20%', content: aside }}
        second={{ id: 'bottom-row', size: '66%', min: '40%', content: bottomRow }}
      />
    );
  return (
    <SavedSplit
      id={`ell-${name}${aside === null ? '' : '-lesson'}-rows`}
      orientation="vertical"
      className="layout__rows"
      label="Resize the panes and the timeline"
      first={{ id: 'top', size: `${100 - bottom}%`, min: '30%', content: columns }}
      second={{ id: 'bottom', size: `${bottom}%`, min: '120px', content: below }}
    />
  );
}

/** Tall screens: the console under the editor; the timeline has the whole width. */
function TallPanes(props: PanesProps) {
  const column = (
    <SavedSplit
      id="ell-tall-left"
      orientation="vertical"
      label="Resize the editor and the console"
      first={{ id: 'editor', size: '68%', min: '20%', content: props.editor }}
      second={{ id: 'console', size: '32%', min: '12%', content: props.console }}
    />
  );
  const left = { id: 'left', size: `${props.share}%`, min: '22%', content: column };
  return <Panes name="tall" {...props} left={left} lower={props.timeline} />;
}

/** Short screens: the editor gets the full height of the top; the console sits by the timeline. */
function ShortPanes(props: PanesProps) {
  const left = { id: 'editor', size: `${props.share}%`, min: '22%', content: props.editor };
  const lower = (
    <SavedSplit
      id="ell-short-lower"
      orientation="horizontal"
      label="Resize the timeline and the console"
      first={{ id: 'timeline', size: '64%', min: '30%', content: props.timeline }}
      second={{ id: 'console', size: '36%', min: '15%', content: props.console }}
    />
  );
  return <Panes name="short" {...props} left={left} lower={lower} />;
}
