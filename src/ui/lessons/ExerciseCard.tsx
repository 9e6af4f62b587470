/**
 * An exercise: the goal in words, what the program must do (its checks), hints revealed one at a
 * time, the solution on request, and Reset. "Check my program" runs the editor's program; the
 * checks are evaluated on that run (what the program did, not only what it printed), and each
 * failed one says why, in plain words, with the numbers from the run.
 */
import { useEffect, useId, useRef } from 'react';
import { describeCheck, type Exercise } from '../../lessons/index.ts';
import type { ExerciseRun } from '../../store/slices/lesson/types.ts';
import { RichText } from './RichText.tsx';

export interface ExerciseCardProps {
  exercise: Exercise;
  solutionSource: string;
  hintsShown: number;
  solutionShown: boolean;
  /** The checks of the learner's last run, or null before it. */
  run: ExerciseRun | null;
  /** The editor's program differs from the one the checks were evaluated on. */
  edited: boolean;
  /** The last run is the one on screen (so a check's step can be shown). */
  runShown: boolean;
  running: boolean;
  /** Passed on an earlier run (kept between visits). */
  passedBefore: boolean;
  onCheck(): void;
  onShowHint(): void;
  onShowSolution(): void;
  onUseSolution(): void;
  onReset(): void;
  onSeek(step: number): void;
}

export function ExerciseCard(props: ExerciseCardProps) {
  const { exercise, run, hintsShown } = props;
  const headingId = useId();
  const summaryRef = useRef<HTMLParagraphElement>(null);
  // The verdict of a new run comes into view (the pane may be scrolled to the hints).
  useEffect(() => {
    if (run) summaryRef.current?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
  }, [run]);
  const results = run?.outcome.results ?? null;
  const total = exercise.checks.length;

  const summary = verdict(props, total);

  return (
    <section
      className={`lesson-card lesson-card--exercise${run ? (run.outcome.pass ? ' is-right' : ' is-wrong') : ''}`}
      aria-labelledby={headingId}
    >
      <h4 id={headingId} className="lesson-card__title">
        Exercise
        {props.passedBefore && <span className="lesson-badge lesson-badge--ok">solved</span>}
      </h4>
      <RichText tree={exercise.goal} className="lesson-prose" />

      <h5 className="lesson-card__subtitle">
        {results ? 'Checks on your last run' : 'Your program must pass these checks'}
      </h5>
      <CheckList
        exercise={exercise}
        results={results}
        runShown={props.runShown}
        onSeek={props.onSeek}
      />

      <p
        className="lesson-exercise__summary"
        role="status"
        aria-label="Check results"
        ref={summaryRef}
      >
        {summary}
      </p>

      <ExerciseActions {...props} hintsId={`${headingId}-hints`} />

      {hintsShown > 0 && (
        <ol className="lesson-hints" aria-label="Hints">
          {exercise.hints.slice(0, hintsShown).map((hint, i) => (
            // Hints never change order while shown.
            // biome-ignore lint/suspicious/noArrayIndexKey: the index is the hint's identity
            <li key={i} className="lesson-hint">
              <span className="lesson-hint__label">Hint {i + 1}</span>
              <RichText tree={hint} className="lesson-prose" />
            </li>
          ))}
        </ol>
      )}

      {props.solutionShown && (
        <section className="lesson-solution" aria-label="Solution">
          <h5 className="lesson-card__subtitle">A solution</h5>
          <pre className="lesson-solution__code">
            <code>{props.solutionSource}</code>
          </pre>
          <button type="button" className="button" onClick={props.onUseSolution}>
            Put the solution in the editor
          </button>
        </section>
      )}
    </section>
  );
}

/** The one sentence under the checks: running, how the last run did, and whether it is stale. */
function verdict(props: ExerciseCardProps, total: number): string {
  const { run } = props;
  if (props.running) return 'Running your program…';
  if (!run) return '';
  const failed = run.outcome.results.filter((r) => !r.pass).length;
  let summary = run.outcome.pass
    ? `All ${total} checks pass. Well done: the exercise is solved.`
    : `${failed} of ${total} check${total === 1 ? '' : 's'} ${failed === 1 ? 'fails' : 'fail'} on your last run.`;
  if (props.edited) summary += ' You have changed the program since: check it again.';
  return summary;
}

/** The checks, each passed, failed (with why, and the step that shows it) or still to run. */
function CheckList({
  exercise,
  results,
  runShown,
  onSeek,
}: {
  exercise: Exercise;
  results: ExerciseRun['outcome']['results'] | null;
  runShown: boolean;
  onSeek(step: number): void;
}) {
  return (
    <ul className="lesson-checks" aria-label="Checks">
      {exercise.checks.map((spec, i) => {
        const r = results?.[i];
        const state = r ? (r.pass ? 'pass' : 'fail') : 'todo';
        return (
          <li key={`${spec.line}-${spec.text}`} className={`lesson-check lesson-check--${state}`}>
            <span className="lesson-check__mark" aria-hidden="true">
              {state === 'pass' ? '✓' : state === 'fail' ? '✗' : '○'}
            </span>
            <span className="lesson-check__body">
              <span className="sr-only">
                {state === 'pass' ? 'Passed: ' : state === 'fail' ? 'Failed: ' : ''}
              </span>
              <span className="lesson-check__goal">
                {r?.description ?? describeCheck(spec.check)}
              </span>
              {r && !r.pass && <span className="lesson-check__why">{r.reason}</span>}
              {r && !r.pass && r.step !== null && runShown && (
                <button
                  type="button"
                  className="lesson-link-button"
                  onClick={() => onSeek(r.step as number)}
                >
                  Show step {r.step.toLocaleString('en-US')} in the run
                </button>
              )}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

/** Check, hint, solution and reset, with how many hints are left. */
function ExerciseActions(props: ExerciseCardProps & { hintsId: string }) {
  const { exercise, hintsShown } = props;
  const hintsLeft = exercise.hints.length - hintsShown;
  return (
    <>
      <div className="lesson-card__actions">
        <button
          type="button"
          className="button button--primary"
          onClick={props.running ? undefined : props.onCheck}
          aria-disabled={props.running || undefined}
          title="Run the program in the editor and evaluate the checks on its run"
        >
          Check my program
        </button>
        <button
          type="button"
          className="button button--quiet"
          onClick={hintsLeft > 0 ? props.onShowHint : undefined}
          aria-disabled={hintsLeft === 0 || undefined}
          aria-describedby={props.hintsId}
        >
          Show hint
        </button>
        <button
          type="button"
          className="button button--quiet"
          onClick={props.solutionShown ? undefined : props.onShowSolution}
          aria-disabled={props.solutionShown || undefined}
        >
          Show solution
        </button>
        <button type="button" className="button button--quiet" onClick={props.onReset}>
          Reset exercise
        </button>
      </div>
      <p id={props.hintsId} className="lesson-card__note">
        {hintsShown === 0
          ? `${exercise.hints.length} hint${exercise.hints.length === 1 ? '' : 's'} available`
          : `${hintsShown} of ${exercise.hints.length} hints shown`}
      </p>
    </>
  );
}
