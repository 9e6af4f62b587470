/**
 * The lesson list: every lesson in order with its title, summary, minutes, level and the
 * learner's progress (steps seen, exercises passed), and a link to start or continue it.
 */

import type { Level } from '../../lessons/index.ts';
import { LessonProblems } from './LessonProblems.tsx';
import './lessons.css';

export interface LessonListItem {
  slug: string;
  title: string;
  summary: string;
  minutes: number;
  level: Level;
  steps: number;
  seen: number;
  exercises: number;
  passed: number;
  /** Where "Continue" goes: the first step not seen yet (0-based), or null when all are seen. */
  resumeAt: number | null;
}

export interface LessonListProps {
  items: readonly LessonListItem[];
  href(slug: string, step: number): string;
  /** Problems found in the lessons (dev only). */
  problems: readonly string[];
  loading: boolean;
}

export function LessonList({ items, href, problems, loading }: LessonListProps) {
  const minutes = items.reduce((n, i) => n + i.minutes, 0);
  return (
    <div className="lesson-list">
      <div className="lesson-list__intro">
        <h2 className="lesson-list__title">Lessons</h2>
        <p className="lesson-list__lead">
          {loading
            ? 'Loading the lessons…'
            : `${items.length} lessons, about ${Math.round(minutes / 60)} hours in all. Each one runs real asyncio programs in your browser and shows what the event loop does, step by step.`}
        </p>
      </div>
      <LessonProblems problems={problems} title="Some lessons have problems" level={3} />
      <ol className="lesson-list__items" aria-label="Lessons">
        {items.map((item, i) => {
          const started = item.seen > 0;
          const done = item.seen >= item.steps && item.passed >= item.exercises;
          const share = item.steps + item.exercises;
          const value = item.seen + item.passed;
          const progressText =
            `${item.seen} of ${item.steps} steps seen` +
            (item.exercises > 0
              ? `, ${item.passed} of ${item.exercises} exercise${item.exercises === 1 ? '' : 's'} passed`
              : '');
          return (
            <li key={item.slug} className={`lesson-item${done ? ' is-done' : ''}`}>
              <article aria-labelledby={`lesson-${item.slug}`}>
                <div className="lesson-item__number" aria-hidden="true">
                  {done ? '✓' : i + 1}
                </div>
                <div className="lesson-item__body">
                  <h3 className="lesson-item__title" id={`lesson-${item.slug}`}>
                    <a href={href(item.slug, 0)}>{item.title}</a>
                  </h3>
                  <p className="lesson-item__summary">{item.summary}</p>
                  <p className="lesson-item__meta">
                    <span>{item.minutes} min</span>
                    <span className={`lesson-level lesson-level--${item.level}`}>{item.level}</span>
                    <span>
                      {item.steps} steps
                      {item.exercises > 0
                        ? `, ${item.exercises} exercise${item.exercises === 1 ? '' : 's'}`
                        : ''}
                    </span>
                  </p>
                  <div className="lesson-item__progress">
                    <span
                      className="lesson-item__bar"
                      role="progressbar"
                      aria-label={`Progress in ${item.title}`}
                      aria-valuemin={0}
                      aria-valuemax={share}
                      aria-valuenow={value}
                      aria-valuetext={progressText}
                    >
                      <span
                        className="lesson-item__fill"
                        style={{ width: `${share === 0 ? 0 : (100 * value) / share}%` }}
                      />
                    </span>
                    <span className="lesson-item__progress-text">{progressText}</span>
                    {started && item.resumeAt !== null && (
                      <a className="lesson-item__resume" href={href(item.slug, item.resumeAt)}>
                        Continue at step {item.resumeAt + 1}
                        <span className="sr-only"> of {item.title}</span>
                      </a>
                    )}
                  </div>
                </div>
              </article>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
