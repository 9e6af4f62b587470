/**
 * The page header: the title, the run controls (Run, Stop, Reset, Share) on the playground and
 * lesson pages, and the links to the lessons and the playground.
 */
import { useLab, useLabStore } from '../store/react.tsx';
import { RunControls } from '../ui/controls/RunControls.tsx';
import { PLAY_BUTTON_ID } from '../ui/controls/Transport.tsx';
import { LESSON_LIST_HREF } from './LessonPage.tsx';
import { OfflineBadge, UpdateNotice } from './offline/OfflineBadge.tsx';
import { ExportButton, PresenterToggleButton } from './presenter/PresenterShell.tsx';
import { useShare } from './use-share.ts';

export type Page = 'playground' | 'lessons' | 'lesson';

/** Lessons and the playground, in the header. */
function Nav({ page }: { page: Page }) {
  return (
    <nav className="app-nav" aria-label="Sections">
      <a href={LESSON_LIST_HREF} aria-current={page !== 'playground' ? 'page' : undefined}>
        Lessons
      </a>
      <a href="#/playground" aria-current={page === 'playground' ? 'page' : undefined}>
        Playground
      </a>
    </nav>
  );
}

export function Header({ page = 'playground' }: { page?: Page }) {
  if (page === 'lessons') {
    return (
      <header className="app-header">
        <h1 className="app-header__title">
          <span className="app-header__logo" aria-hidden="true">
            ⟳
          </span>
          Event Loop Lab
        </h1>
        <Nav page={page} />
      </header>
    );
  }
  return <LabHeader page={page} />;
}

function LabHeader({ page }: { page: Page }) {
  const store = useLabStore();
  const running = useLab((s) => s.running);
  const loading = useLab((s) => s.runtime.state === 'loading');
  const canReset = useLab((s) => s.source !== s.originalSource);
  const run = useLab((s) => s.run);
  const stop = useLab((s) => s.stop);
  const reset = useLab((s) => s.resetSource);
  const { share, note: shareNote } = useShare(store);

  return (
    <header className="app-header">
      <button
        type="button"
        className="skip-link"
        onClick={() => document.getElementById(PLAY_BUTTON_ID)?.focus()}
      >
        Skip to the replay controls
      </button>
      <h1 className="app-header__title">
        <span className="app-header__logo" aria-hidden="true">
          ⟳
        </span>
        Event Loop Lab
      </h1>
      <RunControls
        running={running}
        loading={loading}
        canReset={canReset}
        onRun={() => void run()}
        onStop={stop}
        onReset={reset}
        onShare={share}
        shareNote={shareNote}
      />
      {/* After the run controls: the Tab order goes skip link, Run, Stop, … as before. */}
      <Nav page={page} />
      <ExportButton />
      <PresenterToggleButton />
      <OfflineBadge />
      <UpdateNotice />
    </header>
  );
}
