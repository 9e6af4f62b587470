/**
 * Presenter mode, connected to the store: the projector bar, the zoomed high-contrast stage that
 * holds the playground (editor, simulator, console, timeline and player bar fill the screen), the
 * black screen, the condensed lesson strip, the follow-along dialog and the export menu.
 */
import { type CSSProperties, type ReactNode, useEffect, useMemo, useState } from 'react';
import { openLessonStep } from '../../store/index.ts';
import { useLab, useLabStore } from '../../store/react.tsx';
import { ZOOM_STEPS } from '../../store/slices/presenter.ts';
import { type ExportKind, ExportMenu } from '../../ui/export/ExportMenu.tsx';
import { download, pictureSvg, svgToPng } from '../../ui/export/export-picture.ts';
import { RichText } from '../../ui/lessons/RichText.tsx';
import { FollowAlong } from '../../ui/presenter/FollowAlong.tsx';
import { BlankScreen, PresenterBar, PresenterToggle } from '../../ui/presenter/PresenterBar.tsx';
import { lessonHref } from '../LessonPage.tsx';
import { shareUrl } from '../router.ts';
import { openSpeakerWindow } from './speaker-window.ts';
import '../../ui/presenter/presenter.css';

/** The file name the exports share: the program's name without `.py`. */
function baseName(file: string | undefined): string {
  return (file ?? 'main.py').replace(/\.py$/, '') || 'main';
}

export function ExportButton() {
  const store = useLabStore();
  const hasTrace = useLab((s) => s.trace !== null);
  const onExport = async (kind: ExportKind) => {
    const { trace, source, step } = store.getState();
    const name = baseName(trace?.file);
    if (kind === 'py') return download(`${name}.py`, source, 'text/x-python');
    if (!trace) return;
    if (kind === 'json') {
      return download(`${name}.trace.json`, JSON.stringify(trace), 'application/json');
    }
    const picture = pictureSvg();
    if (!picture) throw new Error('The picture is not on screen: show the simulator first.');
    if (kind === 'svg') {
      return download(`${name}-step-${step + 1}.svg`, picture.svg, 'image/svg+xml');
    }
    const png = await svgToPng(picture.svg, picture.width, picture.height);
    download(`${name}-step-${step + 1}.png`, png);
  };
  return <ExportMenu hasTrace={hasTrace} onExport={onExport} />;
}

export function PresenterToggleButton() {
  const toggle = useLab((s) => s.togglePresenting);
  return <PresenterToggle onClick={() => toggle()} />;
}

/** The address that opens what the projector shows: the lesson step, or the program at its step. */
function followUrl(store: ReturnType<typeof useLabStore>): string {
  const { lessonAt } = store.getState();
  const { origin, pathname } = window.location;
  return lessonAt
    ? `${origin}${pathname}${lessonHref(lessonAt.slug, lessonAt.step)}`
    : shareUrl(store);
}

function useTitle(): string {
  const lessons = useLab((s) => s.lessons);
  const at = useLab((s) => s.lessonAt);
  const file = useLab((s) => s.trace?.file);
  const open = useMemo(() => openLessonStep({ lessons, lessonAt: at }), [lessons, at]);
  if (open && at) return `${open.bundle.lesson.meta.title} · step ${at.step + 1}`;
  return file ?? 'main.py';
}

export function PresenterHeader() {
  const store = useLabStore();
  const s = useLab((x) => x);
  const title = useTitle();
  const [followUrlShown, setFollowUrl] = useState<string | null>(null);
  const run = (
    <button
      type="button"
      className="button button--primary"
      onClick={s.running ? s.stop : () => void s.run()}
      aria-keyshortcuts="Control+Enter"
    >
      {s.running ? 'Stop' : 'Run'}
    </button>
  );
  return (
    <>
      <PresenterBar
        title={title}
        zoom={s.zoom}
        minZoom={ZOOM_STEPS[0]}
        maxZoom={ZOOM_STEPS[ZOOM_STEPS.length - 1] as number}
        highContrast={s.highContrast}
        granularity={s.granularity}
        speakerConnected={s.peerConnected}
        run={run}
        exporter={<ExportButton />}
        onZoomIn={s.zoomIn}
        onZoomOut={s.zoomOut}
        onHighContrast={s.setHighContrast}
        onGranularity={s.setGranularity}
        onSpeaker={openSpeakerWindow}
        onFollowAlong={() => setFollowUrl(followUrl(store))}
        onBlank={() => s.setBlanked(true)}
        onExit={() => s.setPresenting(false)}
      />
      {followUrlShown && <FollowAlong url={followUrlShown} onClose={() => setFollowUrl(null)} />}
    </>
  );
}

/** The zoomed, high-contrast stage; the audience sees black while the screen is blanked. */
export function PresenterStage({ header, children }: { header: ReactNode; children: ReactNode }) {
  const zoom = useLab((s) => s.zoom);
  const contrast = useLab((s) => s.highContrast);
  const blanked = useLab((s) => s.blanked);
  const style = { '--presenter-zoom': zoom / 100 } as CSSProperties;
  // Monaco's theme is global and not CSS: switch it to its high-contrast light theme, and back.
  useEffect(() => {
    let live = true;
    const scheme = () =>
      contrast ? 'hc-light' : matchMedia('(prefers-color-scheme: dark)').matches ? 'vs-dark' : 'vs';
    void import('../../ui/editor/monaco.ts').then(({ monaco }) => {
      if (live) monaco.editor.setTheme(scheme());
    });
    return () => {
      live = false;
      void import('../../ui/editor/monaco.ts').then(({ monaco }) =>
        monaco.editor.setTheme(
          matchMedia('(prefers-color-scheme: dark)').matches ? 'vs-dark' : 'vs',
        ),
      );
    };
  }, [contrast]);
  return (
    <div className={`presenter${contrast ? ' presenter--contrast' : ''}`} style={style}>
      {header}
      <div className="presenter__stage" aria-hidden={blanked || undefined}>
        {children}
      </div>
      {blanked && <BlankScreen />}
    </div>
  );
}

/** A lesson in presenter mode: its title, step and the first lines of its prose, then the panes. */
export function PresenterLesson({ playground }: { playground: ReactNode }) {
  const lessons = useLab((s) => s.lessons);
  const at = useLab((s) => s.lessonAt);
  const open = useMemo(() => openLessonStep({ lessons, lessonAt: at }), [lessons, at]);
  return (
    <div className="presenter-lesson">
      {open && at && (
        <section className="presenter-lesson__strip" aria-label="Lesson step">
          <p className="presenter-lesson__where">
            Lesson step {at.step + 1} of {open.bundle.lesson.steps.length}
          </p>
          <h2 className="presenter-lesson__title">{open.step.title}</h2>
          <RichText tree={open.step.body} className="presenter-lesson__prose" />
          <nav className="presenter-lesson__nav" aria-label="Lesson steps">
            {at.step > 0 && (
              <a href={lessonHref(open.bundle.lesson.slug, at.step - 1)}>Previous lesson step</a>
            )}
            {at.step + 1 < open.bundle.lesson.steps.length && (
              <a href={lessonHref(open.bundle.lesson.slug, at.step + 1)}>Next lesson step</a>
            )}
          </nav>
        </section>
      )}
      <div className="presenter-lesson__panes">{playground}</div>
    </div>
  );
}
