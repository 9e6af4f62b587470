/**
 * The playground's panes, from a 1280×720 laptop to a 1920×1080 projector, and down to 1024 wide:
 * the editor on the left, the simulator (the widest pane: the loop, its queues and the task cards
 * need room) on the right, the narration across the whole width below them, then the timeline,
 * and the player bar (transport and status) at the foot. The console goes under the editor on
 * tall screens; on short ones (a laptop) it sits beside the timeline, so that the editor shows
 * a whole lesson-sized program. Below 900 wide or 560 high, everything stacks and the page
 * scrolls. Every split is resizable with the mouse or the keyboard (the separators are focusable)
 * and remembered.
 */
import { type ReactNode, useState } from 'react';
import { Group, Panel, Separator, useDefaultLayout } from 'react-resizable-panels';
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
}

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
function bottomShare(): number {
  const main = Math.max(300, (globalThis.innerHeight ?? 800) - 110);
  const wanted = Math.min(300, Math.max(200, main * 0.34));
  return Math.round(Math.min(40, (wanted / main) * 100));
}

export function PlaygroundLayout(props: PlaygroundLayoutProps) {
  const roomy = useMediaQuery('(min-width: 900px) and (min-height: 560px)');
  const tall = useMediaQuery('(min-height: 1000px)');
  const [bottom] = useState(bottomShare);

  if (!roomy) {
    // Small screens: no splits, one pane after another; the page scrolls.
    return (
      <div className="layout layout--stacked">
        {props.header}
        <main className="layout__stack">
          <div className="layout__cell layout__cell--editor">{props.editor}</div>
          <div className="layout__cell">{props.narration}</div>
          <div className="layout__cell layout__cell--simulator">{props.simulator}</div>
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
      <main className="layout__main">
        {tall ? (
          <TallPanes {...props} bottom={bottom} />
        ) : (
          <ShortPanes {...props} bottom={bottom} />
        )}
      </main>
      <div className="layout__footer">{props.footer}</div>
    </div>
  );
}

type PanesProps = PlaygroundLayoutProps & { bottom: number };

/** Tall screens: the console under the editor; the timeline has the whole width. */
function TallPanes({ bottom, ...props }: PanesProps) {
  const rows = useDefaultLayout({ id: 'ell-tall-rows', storage: storage() });
  const columns = useDefaultLayout({ id: 'ell-tall-columns', storage: storage() });
  const left = useDefaultLayout({ id: 'ell-tall-left', storage: storage() });
  return (
    <Group
      orientation="vertical"
      className="layout__rows"
      defaultLayout={rows.defaultLayout}
      onLayoutChanged={rows.onLayoutChanged}
    >
      <Panel id="top" defaultSize={`${100 - bottom}%`} minSize="30%">
        <Group
          orientation="horizontal"
          defaultLayout={columns.defaultLayout}
          onLayoutChanged={columns.onLayoutChanged}
        >
          <Panel id="left" defaultSize="38%" minSize="22%">
            <Group
              orientation="vertical"
              defaultLayout={left.defaultLayout}
              onLayoutChanged={left.onLayoutChanged}
            >
              <Panel id="editor" defaultSize="68%" minSize="20%">
                {props.editor}
              </Panel>
              <Handle label="Resize the editor and the console" orientation="horizontal" />
              <Panel id="console" defaultSize="32%" minSize="12%">
                {props.console}
              </Panel>
            </Group>
          </Panel>
          <Handle label="Resize the editor and the event loop" orientation="vertical" />
          <Panel id="simulator" defaultSize="62%" minSize="35%">
            {props.simulator}
          </Panel>
        </Group>
      </Panel>
      <Handle label="Resize the panes and the timeline" orientation="horizontal" />
      <Panel id="bottom" defaultSize={`${bottom}%`} minSize="120px">
        <div className="layout__bottom">
          {props.narration}
          <div className="layout__timeline">{props.timeline}</div>
        </div>
      </Panel>
    </Group>
  );
}

/** Short screens: the editor gets the full height of the top; the console sits by the timeline. */
function ShortPanes({ bottom, ...props }: PanesProps) {
  const rows = useDefaultLayout({ id: 'ell-short-rows', storage: storage() });
  const columns = useDefaultLayout({ id: 'ell-short-columns', storage: storage() });
  const lower = useDefaultLayout({ id: 'ell-short-lower', storage: storage() });
  return (
    <Group
      orientation="vertical"
      className="layout__rows"
      defaultLayout={rows.defaultLayout}
      onLayoutChanged={rows.onLayoutChanged}
    >
      <Panel id="top" defaultSize={`${100 - bottom}%`} minSize="30%">
        <Group
          orientation="horizontal"
          defaultLayout={columns.defaultLayout}
          onLayoutChanged={columns.onLayoutChanged}
        >
          <Panel id="editor" defaultSize="38%" minSize="22%">
            {props.editor}
          </Panel>
          <Handle label="Resize the editor and the event loop" orientation="vertical" />
          <Panel id="simulator" defaultSize="62%" minSize="35%">
            {props.simulator}
          </Panel>
        </Group>
      </Panel>
      <Handle label="Resize the panes and the timeline" orientation="horizontal" />
      <Panel id="bottom" defaultSize={`${bottom}%`} minSize="120px">
        <div className="layout__bottom">
          {props.narration}
          <div className="layout__timeline">
            <Group
              orientation="horizontal"
              defaultLayout={lower.defaultLayout}
              onLayoutChanged={lower.onLayoutChanged}
            >
              <Panel id="timeline" defaultSize="64%" minSize="30%">
                {props.timeline}
              </Panel>
              <Handle label="Resize the timeline and the console" orientation="vertical" />
              <Panel id="console" defaultSize="36%" minSize="15%">
                {props.console}
              </Panel>
            </Group>
          </div>
        </div>
      </Panel>
    </Group>
  );
}
