/**
 * "New to asyncio? Start here": a pointer to the first lesson for a first visit, until it is
 * followed or dismissed (remembered in localStorage, so it never comes back to nag).
 */
import { useState } from 'react';
import { formatRoute } from '../store/index.ts';
import { useLab } from '../store/react.tsx';
import { LESSON_LIST_HREF } from './LessonPage.tsx';

const KEY = 'event-loop-lab:start-here';

function seen(): boolean {
  try {
    return globalThis.localStorage?.getItem(KEY) === 'done';
  } catch {
    return false;
  }
}

function remember(): void {
  try {
    globalThis.localStorage?.setItem(KEY, 'done');
  } catch {
    // Without storage it comes back next visit: harmless.
  }
}

export function StartHere() {
  const [hidden, setHidden] = useState(seen);
  const first = useLab((s) => s.lessons[0]?.lesson);
  if (hidden) return null;
  const done = () => {
    remember();
    setHidden(true);
  };
  const href = first
    ? formatRoute({ page: 'lesson', slug: first.slug, step: 1 })
    : LESSON_LIST_HREF;
  return (
    <span className="start-here">
      New to asyncio?
      <a href={href} onClick={done} title={first?.meta.title}>
        Start here: lesson 1
      </a>
      <button type="button" className="button button--quiet" onClick={done} aria-label="Dismiss">
        ×
      </button>
    </span>
  );
}
