/**
 * A second try at a question. A first wrong answer does not give the answer away: the learner
 * gets a hint (the author's `:::hint` inside the question, or one for its kind of question) and
 * tries again; the answer is shown after a second wrong answer, or when they ask for it ("Show
 * answer"). Only then does the replay jump to the step that proves it, and the console show the
 * output that follows: either would tell the answer before the learner has thought again.
 */
import type { Grade } from './questions.ts';
import type { QuestionKind } from './types.ts';

/** Wrong answers a learner gets before the answer is shown to them. */
export const TRIES_BEFORE_ANSWER = 2;

/** A hint for each kind of question, for a question whose author wrote none. */
const KIND_HINTS: Readonly<Record<QuestionKind, string>> = {
  'next-output':
    'Look at where the run is paused: which task gets control next, and what does it print before its next await?',
  'next-task':
    'The loop runs the task at the front of its ready queue: look at the ready queue in the picture.',
  order:
    'A task runs until it reaches an await that has to wait; only then does the next ready task get a turn.',
  time: 'Waits that happen at the same time overlap: count only the waits that happen one after another.',
  outcome:
    'Follow the task to its end: does it return, raise, get cancelled, or wait for something that never comes?',
  choice: 'Step through the run in the picture, then answer again.',
};

/** The hint for a question of this kind, when its author wrote none. */
export function kindHint(kind: QuestionKind): string {
  return KIND_HINTS[kind];
}

/** What a graded answer shows, given how many wrong answers came before. */
export interface AnswerFeedback {
  readonly correct: boolean;
  /** True when the right answer is shown (right, the last try, or asked for). */
  readonly revealed: boolean;
  /** Wrong answers so far, this one included. */
  readonly tries: number;
  /** One sentence for the learner. */
  readonly message: string;
  /** Show the hint (a wrong answer with a try left). */
  readonly hint: boolean;
}

/**
 * The feedback for `grade`, the learner's answer after `triesBefore` wrong ones: the answer
 * itself only when it is right or the tries are used up.
 */
export function answerFeedback(grade: Grade, triesBefore: number): AnswerFeedback {
  const tries = triesBefore + (grade.correct ? 0 : 1);
  const revealed = grade.correct || tries >= TRIES_BEFORE_ANSWER;
  return {
    correct: grade.correct,
    revealed,
    tries,
    message: revealed ? grade.message : 'Not quite. Here is a hint: think again, then try again.',
    hint: !revealed,
  };
}

/** The feedback once the learner asks for the answer ("Show answer"). */
export function revealedFeedback(grade: Grade, tries: number): AnswerFeedback {
  return { correct: grade.correct, revealed: true, tries, message: grade.message, hint: false };
}
