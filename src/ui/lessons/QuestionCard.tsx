/**
 * A question asked about the run of the step's program. The learner picks a choice (a list of
 * buttons named by the choices), puts output lines in order (each line moves up or down), or
 * types a number of seconds. The answer is graded against the real run; the feedback (a live
 * region) says right or not and why, names the step that proves it, and offers to show that
 * moment in the run. A first wrong answer keeps the answer back: it shows a hint and offers
 * another try, or the answer on request (src/lessons/hints.ts decides).
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { Question, QuestionAnswer, QuestionKind } from '../../lessons/index.ts';
import type { GivenAnswer } from '../../store/slices/lesson/types.ts';
import { QuestionHint } from './QuestionHint.tsx';
import { inlineOf, RichText } from './RichText.tsx';

const HEADINGS: Record<QuestionKind, string> = {
  'next-output': 'Predict: what prints next?',
  'next-task': 'Predict: which task runs next?',
  order: 'Put the output in order',
  time: 'How long does it take?',
  outcome: 'How does it end?',
  choice: 'Question',
};

export interface QuestionCardProps {
  question: Question;
  /** The choices and the answer worked out from the run, or why they could not be. */
  answer: { ok: true; answer: QuestionAnswer } | { ok: false; error: string };
  given: GivenAnswer | null;
  /** The run on screen is the lesson program's, already at the proving step. */
  atProof: boolean;
  /** The lesson program's run is on screen (else showing the proof puts it back). */
  lessonRunShown: boolean;
  onAnswer(response: string | readonly string[]): void;
  onRetry(): void;
  /** Shows the answer after a wrong one, without another try. */
  onReveal(): void;
  onShowProof(): void;
}

export function QuestionCard(props: QuestionCardProps) {
  const { question, answer, given } = props;
  const headingId = useId();
  const feedback = useRef<HTMLDivElement>(null);
  // The verdict comes into view when it arrives (the pane may be scrolled).
  useEffect(() => {
    if (given) feedback.current?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
  }, [given]);
  if (!answer.ok) {
    return (
      <section className="lesson-card lesson-card--question" aria-labelledby={headingId}>
        <h4 id={headingId} className="lesson-card__title">
          {HEADINGS[question.kind]}
        </h4>
        <RichText tree={question.prompt} className="lesson-prose" />
        <p className="lesson-card__error">This question cannot be asked: {answer.error}</p>
      </section>
    );
  }
  const a = answer.answer;
  return (
    <section
      className={`lesson-card lesson-card--question${given ? (given.correct ? ' is-right' : given.revealed ? ' is-wrong' : ' is-hinted') : ''}`}
      aria-labelledby={headingId}
    >
      <h4 id={headingId} className="lesson-card__title">
        {HEADINGS[question.kind]}
      </h4>
      <RichText tree={question.prompt} className="lesson-prose" />
      {question.kind === 'order' ? (
        <OrderInput
          key={given ? 'answered' : 'open'}
          lines={a.choices}
          question={question}
          given={given}
          onAnswer={props.onAnswer}
        />
      ) : a.choices.length === 0 ? (
        <SecondsInput given={given} onAnswer={props.onAnswer} />
      ) : (
        <Choices question={question} answer={a} given={given} onAnswer={props.onAnswer} />
      )}
      <div className="lesson-feedback" role="status" aria-label="Answer feedback" ref={feedback}>
        {given && (
          <>
            <p className="lesson-feedback__verdict">
              <span className="lesson-feedback__mark" aria-hidden="true">
                {given.correct ? '✓' : given.revealed ? '✗' : '?'}
              </span>
              {given.message}
            </p>
            {given.hint && <QuestionHint question={question} />}
            {given.revealed && question.explanation && (
              <RichText tree={question.explanation} className="lesson-prose lesson-feedback__why" />
            )}
          </>
        )}
      </div>
      {given && <AnswerActions {...props} given={given} />}
    </section>
  );
}

/**
 * After an answer: the moment of the run that proves it (once the answer is shown), or, after a
 * first wrong answer, another try or the answer.
 */
function AnswerActions(props: QuestionCardProps & { given: GivenAnswer }) {
  const { given } = props;
  return (
    <div className="lesson-card__actions">
      {given.revealed && given.proof !== null && (
        <button
          type="button"
          className="button button--quiet"
          onClick={props.onShowProof}
          aria-disabled={props.atProof || undefined}
          title={
            props.lessonRunShown
              ? 'Move the replay to the step that proves the answer'
              : 'Put the lesson’s program back and show the step that proves the answer'
          }
        >
          {props.atProof ? 'The run shows this moment' : 'Show this moment in the run'}
        </button>
      )}
      {!given.revealed && (
        <>
          <button type="button" className="button" onClick={props.onRetry}>
            Try again
          </button>
          <button type="button" className="button button--quiet" onClick={props.onReveal}>
            Show answer
          </button>
        </>
      )}
    </div>
  );
}

function Choices({
  question,
  answer,
  given,
  onAnswer,
}: {
  question: Question;
  answer: QuestionAnswer;
  given: GivenAnswer | null;
  onAnswer(response: string): void;
}) {
  const picked = given?.response[0];
  // Before the answer is shown, only the learner's own pick is marked.
  const right = given?.revealed ? answer.answer[0] : undefined;
  return (
    <ul className="lesson-choices" aria-label="Choices">
      {answer.choices.map((choice, i) => {
        const rich = question.choices?.[i]?.rich;
        const isPicked = picked === choice;
        const isRight = right === choice;
        const state = given ? (isRight ? 'right' : isPicked ? 'wrong' : 'other') : 'open';
        return (
          <li key={choice} className={`lesson-choice lesson-choice--${state}`}>
            <button
              type="button"
              className="lesson-choice__button"
              aria-pressed={given ? isPicked : undefined}
              aria-disabled={given ? true : undefined}
              onClick={given ? undefined : () => onAnswer(choice)}
            >
              {rich ? <RichText tree={inlineOf(rich)} /> : choice}
            </button>
            {given && (isRight || isPicked) && (
              <span className="lesson-choice__tag">
                {isRight ? (isPicked ? 'your answer: right' : 'the right answer') : 'your answer'}
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}

function SecondsInput({
  given,
  onAnswer,
}: {
  given: GivenAnswer | null;
  onAnswer(response: string): void;
}) {
  const [value, setValue] = useState(given?.response[0] ?? '');
  const id = useId();
  return (
    <form
      className="lesson-seconds"
      onSubmit={(e) => {
        e.preventDefault();
        if (!given && value.trim() !== '') onAnswer(value.trim());
      }}
    >
      <label htmlFor={id}>Seconds of virtual time</label>
      <input
        id={id}
        className="lesson-seconds__input"
        inputMode="decimal"
        value={value}
        readOnly={given !== null}
        onChange={(e) => setValue(e.target.value)}
      />
      <button
        type="submit"
        className="button"
        aria-disabled={given !== null || value.trim() === '' || undefined}
      >
        Check answer
      </button>
    </form>
  );
}

function OrderInput({
  lines,
  question,
  given,
  onAnswer,
}: {
  lines: readonly string[];
  question: Question;
  given: GivenAnswer | null;
  onAnswer(response: readonly string[]): void;
}) {
  const [order, setOrder] = useState<readonly string[]>(given?.response ?? lines);
  const [moved, setMoved] = useState<string | null>(null);
  useEffect(() => {
    if (!given) setOrder(lines);
  }, [lines, given]);
  const rich = (line: string) => {
    const i = lines.indexOf(line);
    const tree = question.choices?.[i]?.rich;
    return tree ? <RichText tree={inlineOf(tree)} /> : line;
  };
  const move = (from: number, to: number) => {
    if (to < 0 || to >= order.length) return;
    const next = [...order];
    const [item] = next.splice(from, 1);
    next.splice(to, 0, item as string);
    setOrder(next);
    setMoved(item as string);
  };
  const shown = given ? given.response : order;
  return (
    <div className="lesson-order">
      <ol className="lesson-order__list" aria-label="Your order">
        {shown.map((line, i) => (
          <li
            key={line}
            className={`lesson-order__line${moved === line ? ' is-moved' : ''}${
              given?.revealed ? (given.expected[i] === line ? ' is-right' : ' is-wrong') : ''
            }`}
          >
            <span className="lesson-order__n" aria-hidden="true">
              {i + 1}
            </span>
            <span className="lesson-order__text">{rich(line)}</span>
            {!given && <MoveButtons line={line} at={i} count={shown.length} move={move} />}
          </li>
        ))}
      </ol>
      {!given && (
        <button type="button" className="button" onClick={() => onAnswer(order)}>
          Check the order
        </button>
      )}
      {given?.revealed && !given.correct && (
        <>
          <p className="lesson-order__caption">The order the run prints them:</p>
          <ol
            className="lesson-order__list lesson-order__list--answer"
            aria-label="The run’s order"
          >
            {given.expected.map((line, i) => (
              <li key={line} className="lesson-order__line">
                <span className="lesson-order__n" aria-hidden="true">
                  {i + 1}
                </span>
                <span className="lesson-order__text">{rich(line)}</span>
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}

/** Up and down for the line at `at` of `count` (the first cannot go up, the last not down). */
function MoveButtons({
  line,
  at,
  count,
  move,
}: {
  line: string;
  at: number;
  count: number;
  move(from: number, to: number): void;
}) {
  return (
    <span className="lesson-order__moves">
      <button
        type="button"
        className="button button--icon button--quiet"
        aria-label={`Move “${line}” up`}
        aria-disabled={at === 0 || undefined}
        onClick={() => move(at, at - 1)}
      >
        ↑
      </button>
      <button
        type="button"
        className="button button--icon button--quiet"
        aria-label={`Move “${line}” down`}
        aria-disabled={at === count - 1 || undefined}
        onClick={() => move(at, at + 1)}
      >
        ↓
      </button>
    </span>
  );
}
