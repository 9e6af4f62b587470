/**
 * A lesson's page: the header across the top, the lesson pane on the left, and the playground's
 * own layout (editor, simulator, narration, timeline, console, transport) on the right. The split
 * is resizable with the mouse or the keyboard and remembered. Up to 1280 wide the lesson sits in
 * the bottom row instead, beside the narration. On small screens the lesson comes first and
 * everything stacks.
 */
import type { ReactNode } from 'react';
import { Group, Panel, Separator, useDefaultLayout } from 'react-resizable-panels';
import { BottomAside, InsideMain } from '../layout/PlaygroundLayout.tsx';
import { useMediaQuery } from '../layout/use-media-query.ts';
import './lessons.css';
import './lesson-compact.css';

export interface LessonLayoutProps {
  header: ReactNode;
  lesson: ReactNode;
  /** The playground layout, without its header. */
  playground: ReactNode;
}

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

export function LessonLayout({ header, lesson, playground }: LessonLayoutProps) {
  const roomy = useMediaQuery('(min-width: 900px) and (min-height: 560px)');
  const wide = useMediaQuery('(min-width: 1600px)');
  // Up to 1280 wide (a projector), the prose goes into the bottom row: the code and the
  // picture then have the whole width, and the picture the height it needs.
  const narrow = useMediaQuery('(max-width: 1280px)');
  const columns = useDefaultLayout({ id: 'ell-lesson-columns', storage: storage() });

  if (!roomy) {
    return (
      <div className="layout layout--stacked lesson-layout lesson-layout--stacked">
        {header}
        <div className="lesson-layout__stacked-lesson">{lesson}</div>
        {playground}
      </div>
    );
  }
  if (narrow) {
    return (
      <div className="layout lesson-layout lesson-layout--bottom">
        {header}
        <div className="lesson-layout__body">
          <BottomAside.Provider value={<div className="lesson-layout__lesson">{lesson}</div>}>
            {playground}
          </BottomAside.Provider>
        </div>
      </div>
    );
  }
  return (
    <div className="layout lesson-layout">
      {header}
      {/* One main landmark around the lesson, the splitter and the playground: the splitter
          between them would otherwise be outside every landmark. */}
      <main className="lesson-layout__body">
        <Group
          orientation="horizontal"
          defaultLayout={columns.defaultLayout}
          onLayoutChanged={columns.onLayoutChanged}
        >
          <Panel id="lesson" defaultSize={wide ? '28%' : '31%'} minSize="20%" maxSize="55%">
            <div className="lesson-layout__lesson">{lesson}</div>
          </Panel>
          <Separator className="splitter splitter--vertical" aria-label="Resize the lesson">
            <span className="splitter__grip" aria-hidden="true" />
          </Separator>
          <Panel id="lab" minSize="45%">
            <InsideMain.Provider value={true}>{playground}</InsideMain.Provider>
          </Panel>
        </Group>
      </main>
    </div>
  );
}
