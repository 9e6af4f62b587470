/**
 * The lesson pane beside the editor and the simulator: where the learner is (the lesson in the
 * course, a row of step links, and once in words "Lesson step 2 of 5" above the step's title),
 * the step's prose, its questions and exercise (passed in as children), presenter notes in
 * presenter mode, and Previous step / Next step at the foot. The position is said once: a
 * "2 / 5" in the foot as well only repeated it, and crowded the buttons in a narrow pane.
 * (The names differ from the replay's "Step back" / "Step forward" on purpose.)
 */
import { type ReactNode, useEffect, useId, useRef } from 'react';
import type { RichText as RichTree } from '../../lessons/index.ts';
import { RichText } from './RichText.tsx';

export interface LessonPaneProps {
  title: string;
  /** The lesson's place in the course (1-based) and the course's size. */
  lessonNumber: number;
  lessonCount: number;
  stepTitles: readonly string[];
  /** 0-based. */
  step: number;
  seen: readonly number[];
  body: RichTree;
  /** Shown only in presenter mode. */
  notes: RichTree | null;
  presenter: boolean;
  /** The questions and the exercise of the step. */
  children?: ReactNode;
  /** The address of a step (0-based), for the step links. */
  stepHref(step: number): string;
  /** The next lesson, offered on the last step. */
  next: { title: string; href: string } | null;
  onGo(step: number): void;
}

export function LessonPane(props: LessonPaneProps) {
  const { step, stepTitles } = props;
  const last = stepTitles.length - 1;
  const headingId = useId();
  const scroller = useRef<HTMLDivElement>(null);

  // A new step starts at its top.
  // biome-ignore lint/correctness/useExhaustiveDependencies: scroll when the step changes
  useEffect(() => {
    scroller.current?.scrollTo?.({ top: 0 });
  }, [step, props.title]);

  return (
    <section className="lesson-pane" aria-labelledby={headingId}>
      <PaneHead {...props} />

      <div className="lesson-pane__scroll" ref={scroller}>
        {/* The one place that says where the learner is in words (the dots above are links). */}
        <p className="lesson-pane__count">
          Lesson step {step + 1} of {stepTitles.length}
        </p>
        <h3 id={headingId} className="lesson-pane__title">
          {stepTitles[step]}
        </h3>
        <RichText tree={props.body} className="lesson-prose" />
        {props.presenter && props.notes && (
          <aside className="lesson-notes" aria-label="Presenter notes">
            <h4 className="lesson-notes__title">Presenter notes</h4>
            <RichText tree={props.notes} className="lesson-prose" />
          </aside>
        )}
        {props.children}
        {step === last && (
          <p className="lesson-pane__next-lesson">
            {props.next ? (
              <>
                That was the last step. Next lesson:{' '}
                <a href={props.next.href}>{props.next.title}</a>
              </>
            ) : (
              <>
                That was the last step of the last lesson. <a href="#/lessons">All lessons</a>
              </>
            )}
          </p>
        )}
      </div>

      <PaneFoot {...props} />
    </section>
  );
}

/** Where the learner is: the lesson in the course, and a link to every step (seen ones marked). */
function PaneHead(props: LessonPaneProps) {
  const { step, stepTitles } = props;
  return (
    <header className="lesson-pane__head">
      <p className="lesson-pane__crumbs">
        <a href="#/lessons">All lessons</a>
        <span aria-hidden="true"> › </span>
        <span>
          Lesson {props.lessonNumber} of {props.lessonCount}
        </span>
      </p>
      <h2 className="lesson-pane__lesson">{props.title}</h2>
      <nav aria-label="Steps of this lesson">
        <ol className="lesson-steps">
          {stepTitles.map((t, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a step is its position
            <li key={i}>
              <a
                href={props.stepHref(i)}
                className={`lesson-steps__dot${i === step ? ' is-current' : ''}${
                  props.seen.includes(i) ? ' is-seen' : ''
                }`}
                aria-current={i === step ? 'step' : undefined}
                aria-label={`Step ${i + 1}: ${t}${props.seen.includes(i) && i !== step ? ' (seen)' : ''}`}
                title={`Step ${i + 1}: ${t}`}
              >
                {i + 1}
              </a>
            </li>
          ))}
        </ol>
      </nav>
    </header>
  );
}

/** Previous step and Next step (Next lesson on the last step, when there is one). */
function PaneFoot(props: LessonPaneProps) {
  const { step, stepTitles } = props;
  const last = stepTitles.length - 1;
  return (
    <footer className="lesson-pane__foot">
      <button
        type="button"
        className="button"
        onClick={step > 0 ? () => props.onGo(step - 1) : undefined}
        aria-disabled={step === 0 || undefined}
      >
        <span className="lesson-pane__arrow" aria-hidden="true">
          ←
        </span>{' '}
        Previous step
      </button>
      {step >= last && props.next ? (
        <a className="button button--primary" href={props.next.href}>
          Next lesson{' '}
          <span className="lesson-pane__arrow" aria-hidden="true">
            →
          </span>
        </a>
      ) : (
        <button
          type="button"
          className="button button--primary"
          onClick={step < last ? () => props.onGo(step + 1) : undefined}
          aria-disabled={step >= last || undefined}
        >
          Next step{' '}
          <span className="lesson-pane__arrow" aria-hidden="true">
            →
          </span>
        </button>
      )}
    </footer>
  );
}
