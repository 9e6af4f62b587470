import { describe, expect, it } from 'vitest';
import { answerFeedback, kindHint, revealedFeedback } from './hints.ts';
import type { Grade } from './questions.ts';

const grade = (correct: boolean): Grade => ({
  correct,
  expected: ['put 2'],
  proof: 12 as Grade['proof'],
  message: correct ? 'Right. Why.' : 'Not quite: the answer is “put 2”. Why.',
});

describe('a second try at a question', () => {
  it('keeps the answer back after a first wrong answer, with a hint', () => {
    expect(answerFeedback(grade(false), 0)).toEqual({
      correct: false,
      revealed: false,
      tries: 1,
      message: 'Not quite. Here is a hint: think again, then try again.',
      hint: true,
    });
  });

  it('shows the answer after the second wrong answer, or a right one', () => {
    expect(answerFeedback(grade(false), 1)).toMatchObject({
      revealed: true,
      tries: 2,
      hint: false,
      message: 'Not quite: the answer is “put 2”. Why.',
    });
    expect(answerFeedback(grade(true), 1)).toMatchObject({ revealed: true, tries: 1 });
    expect(answerFeedback(grade(true), 0).message).toBe('Right. Why.');
  });

  it('shows the answer when asked', () => {
    expect(revealedFeedback(grade(false), 1)).toMatchObject({ revealed: true, hint: false });
  });

  it('has a hint for every kind of question', () => {
    for (const kind of ['next-output', 'next-task', 'order', 'time', 'outcome', 'choice'] as const)
      expect(kindHint(kind).length).toBeGreaterThan(20);
  });
});
