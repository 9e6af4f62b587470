/**
 * The projector layout: the editor and the console on the left, the simulator (the picture the
 * class looks at) on the right, the narration across, the player bar at the foot. No splitters
 * and no timeline: on a projector every pixel goes to the code, the loop and the output, and the
 * zoom (presenter.css) grows all of them together.
 */
import type { ReactNode } from 'react';

export interface PresenterLayoutProps {
  editor: ReactNode;
  simulator: ReactNode;
  console: ReactNode;
  narration: ReactNode;
  footer: ReactNode;
}

export function PresenterLayout(props: PresenterLayoutProps) {
  return (
    <div className="presenter-layout">
      <main className="presenter-layout__main">
        <div className="presenter-layout__editor">{props.editor}</div>
        <div className="presenter-layout__console">{props.console}</div>
        <div className="presenter-layout__simulator">{props.simulator}</div>
      </main>
      <div className="presenter-layout__narration">{props.narration}</div>
      <div className="presenter-layout__footer">{props.footer}</div>
    </div>
  );
}
