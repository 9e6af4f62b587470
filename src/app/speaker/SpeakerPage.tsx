/**
 * The speaker window (`#/speaker`, opened from presenter mode): on the instructor's own screen,
 * what the audience sees now, a preview of the next handoff, the lesson step's presenter notes and
 * the time since presenting started. It mirrors the audience window's run (src/store/presenter-
 * sync.ts keeps the two in step, both ways); its buttons and keys move both windows.
 */
import { useEffect, useMemo, useState } from 'react';
import { narrationAt, openLessonStep, stateAtStep, stepText, timeText } from '../../store/index.ts';
import { useLab, useLabStore } from '../../store/react.tsx';
import { nextHandoff } from '../../trace/index.ts';
import { RichText } from '../../ui/lessons/RichText.tsx';
import './speaker.css';

/** "12:05" (minutes:seconds), or "1:02:05" past the hour. */
export function clockText(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

function Elapsed() {
  const since = useLab((s) => s.presentingSince);
  const restart = useLab((s) => s.restartClock);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, []);
  return (
    <section className="speaker__clock" aria-label="Elapsed time">
      <p role="timer" className="speaker__time">
        {since === null ? '0:00' : clockText(now - since)}
      </p>
      <button type="button" className="button" onClick={() => restart()}>
        Restart clock
      </button>
    </section>
  );
}

function lineOf(source: string, line: number | null): string | null {
  if (line === null) return null;
  return source.split('\n')[line - 1]?.trim() || null;
}

function NowAndNext() {
  const trace = useLab((s) => s.trace);
  const step = useLab((s) => s.step);
  if (!trace || trace.events.length === 0) {
    return (
      <section className="speaker__now" aria-label="Now on screen">
        <p>Waiting for the audience window’s run…</p>
      </section>
    );
  }
  const state = stateAtStep(trace, step);
  const next = nextHandoff(trace, step);
  const line = lineOf(trace.source, state.line ?? null);
  return (
    <>
      <section className="speaker__now" aria-label="Now on screen">
        <h2>Now</h2>
        <p className="speaker__step">
          {stepText(trace, step)} · {timeText(trace, step)}
        </p>
        <p className="speaker__sentence">{narrationAt(trace, step)}</p>
        {line && (
          <p className="speaker__line">
            Line {state.line}: <code>{line}</code>
          </p>
        )}
      </section>
      <section className="speaker__next" aria-label="Next handoff">
        <h2>Next handoff</h2>
        {next === null ? (
          <p>None: the run ends here.</p>
        ) : (
          <>
            <p className="speaker__step">{stepText(trace, next)}</p>
            <p className="speaker__sentence">{narrationAt(trace, next)}</p>
          </>
        )}
      </section>
    </>
  );
}

function Notes() {
  const lessons = useLab((s) => s.lessons);
  const at = useLab((s) => s.lessonAt);
  const open = useMemo(() => openLessonStep({ lessons, lessonAt: at }), [lessons, at]);
  return (
    <section className="speaker__notes" aria-label="Presenter notes">
      <h2>
        Notes
        {open && at && (
          <span className="speaker__where">
            {' '}
            · {open.bundle.lesson.meta.title}, step {at.step + 1} of{' '}
            {open.bundle.lesson.steps.length}: {open.step.title}
          </span>
        )}
      </h2>
      {open?.step.notes ? (
        <RichText tree={open.step.notes} className="lesson-prose" />
      ) : (
        <p className="speaker__muted">
          {open ? 'This lesson step has no presenter notes.' : 'No lesson is open: the playground.'}
        </p>
      )}
    </section>
  );
}

function Controls() {
  const store = useLabStore();
  const blanked = useLab((s) => s.blanked);
  const at = useLab((s) => s.lessonAt);
  const lessons = useLab((s) => s.lessons);
  const steps = useMemo(
    () => (at ? (lessons.find((b) => b.lesson.slug === at.slug)?.lesson.steps.length ?? 0) : 0),
    [lessons, at],
  );
  const s = store.getState();
  return (
    <nav className="speaker__controls" aria-label="Drive the audience window">
      <button type="button" className="button" onClick={s.presenterBack} aria-keyshortcuts="PageUp">
        Back
      </button>
      <button
        type="button"
        className="button button--primary"
        onClick={s.presenterForward}
        aria-keyshortcuts="PageDown"
      >
        Forward
      </button>
      <button
        type="button"
        className="button"
        aria-pressed={blanked}
        onClick={() => s.setBlanked(!blanked)}
        aria-keyshortcuts="B"
      >
        Blank the audience screen
      </button>
      {at && at.step > 0 && (
        <button type="button" className="button" onClick={() => s.openLesson(at.slug, at.step - 1)}>
          Previous lesson step
        </button>
      )}
      {at && at.step + 1 < steps && (
        <button type="button" className="button" onClick={() => s.openLesson(at.slug, at.step + 1)}>
          Next lesson step
        </button>
      )}
    </nav>
  );
}

export function SpeakerPage() {
  const connected = useLab((s) => s.peerConnected);
  useEffect(() => {
    document.title = 'Speaker window · Event Loop Lab';
  }, []);
  return (
    <div className="speaker">
      <header className="speaker__head">
        <h1>Speaker window</h1>
        <p role="status" className={connected ? 'speaker__ok' : 'speaker__muted'}>
          {connected
            ? 'In sync with the audience window'
            : 'The audience window is not presenting: open presenter mode there (P)'}
        </p>
        <Elapsed />
      </header>
      <Controls />
      <main className="speaker__body">
        <div className="speaker__col">
          <NowAndNext />
        </div>
        <Notes />
      </main>
    </div>
  );
}
