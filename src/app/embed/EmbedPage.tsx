/**
 * The embed view (`#/embed?code=…&step=N[&editor]`, `#/embed/lessons/<slug>/<n>`): a compact,
 * chrome-free page for an iframe in slides, a course site or a blog post. The picture and the
 * player bar, the editor when asked for, and a link that opens the same thing, at the step shown,
 * in Event Loop Lab itself.
 */
import type { ReactNode } from 'react';
import { type EmbedRoute, formatRoute, shareRoute } from '../../store/index.ts';
import { useLab } from '../../store/react.tsx';
import { lessonHref } from '../LessonPage.tsx';
import './embed.css';

export interface EmbedPageProps {
  route: EmbedRoute;
  /** Null unless the embed asked for it (`&editor`). */
  editor: ReactNode;
  simulator: ReactNode;
  narration: ReactNode;
  footer: ReactNode;
  /** A damaged or oversized link: the one sentence that says so (nothing else opens). */
  problem: string | null;
}

function useOpenHref(route: EmbedRoute): string {
  const here = useLab((s) => formatRoute(shareRoute(s)));
  const at = useLab((s) => s.lessonAt);
  const { pathname, search } = window.location;
  if (route.lesson) {
    const step = at?.slug === route.lesson.slug ? at.step : (route.lesson.step ?? 1) - 1;
    return `${pathname}${search}${lessonHref(route.lesson.slug, step)}`;
  }
  return `${pathname}${search}${here}`;
}

export function EmbedPage({
  route,
  editor,
  simulator,
  narration,
  footer,
  problem,
}: EmbedPageProps) {
  const href = useOpenHref(route);
  const nothing = problem !== null || (route.code === null && route.lesson === null);
  return (
    <div className={`embed${editor ? ' embed--editor' : ''}`}>
      <header className="embed__bar">
        <span className="embed__brand" aria-hidden="true">
          ⟳
        </span>
        <a className="embed__open" href={href} target="_blank" rel="noopener noreferrer">
          Open in Event Loop Lab
        </a>
      </header>
      {nothing ? (
        <main className="embed__message">
          <p role="alert">
            {problem ??
              'This embed has no program: its address needs code=… (a share link’s) or a lesson step.'}
          </p>
        </main>
      ) : (
        <>
          <main className="embed__main">
            {editor && <div className="embed__editor">{editor}</div>}
            <div className="embed__picture">{simulator}</div>
          </main>
          <div className="embed__narration">{narration}</div>
          <div className="embed__footer">{footer}</div>
        </>
      )}
    </div>
  );
}
