import { describe, expect, it } from 'vitest';
import { type FixtureName, fixture } from '../../tests/fixtures/traces.ts';
import { eventAt } from '../trace/index.ts';
import {
  answerQuestion,
  gradeAnswer,
  normalizeAnswer,
  OUTCOME_CHOICES,
  stdoutLines,
} from './questions.ts';
import type { Choice, Question, QuestionKind, RichText } from './types.ts';

const EMPTY: RichText = { type: 'root', children: [] };

function choices(...items: (string | [string, boolean])[]): Choice[] {
  return items.map((item, i) => ({
    text: typeof item === 'string' ? item : item[0],
    rich: EMPTY,
    marked: typeof item === 'string' ? null : item[1],
    line: i + 1,
  }));
}

function question(kind: QuestionKind, extra: Partial<Question> = {}): Question {
  return {
    id: 's1-q1',
    kind,
    line: 1,
    program: 's1-program',
    prompt: EMPTY,
    at: null,
    task: null,
    proof: null,
    choices: null,
    explanation: null,
    hint: null,
    ...extra,
  };
}

const at = (text: string) => ({ text, line: 1 });

function answer(q: Question, name: FixtureName = 'tasks') {
  const r = answerQuestion(q, fixture(name));
  if (!r.ok) throw new Error(r.error);
  return r.answer;
}

function error(q: Question, name: FixtureName = 'tasks'): string {
  const r = answerQuestion(q, fixture(name));
  if (r.ok) throw new Error(`answered ${r.answer.answer.join(', ')}`);
  return r.error;
}

describe('answerQuestion', () => {
  it('next-output: the next line printed after the moment, proved by its print', () => {
    const a = answer(question('next-output', { at: at('first suspend of main') }));
    expect(a.answer).toEqual(['start a.jpg']);
    expect(eventAt(fixture('tasks'), a.proof as number)).toMatchObject({
      kind: 'out',
      text: 'start a.jpg\n',
    });
    expect(a.why).toBe(`At step ${a.proof}, a.jpg prints “start a.jpg”.`);
    // Without the author's choices, the run's other lines are offered, sorted.
    expect(a.choices).toContain('start a.jpg');
    expect(a.choices).toEqual([...a.choices].sort((x, y) => x.localeCompare(y)));
  });

  it("next-output with the author's choices: the answer must be among them, and agree with [x]", () => {
    const q = question('next-output', {
      at: at('first suspend of main'),
      choices: choices('`done a.jpg`', '`start a.jpg`'),
    });
    expect(answer(q).answer).toEqual(['`start a.jpg`']);
    expect(
      error(
        question('next-output', { at: at('first suspend of main'), choices: choices('x', 'y') }),
      ),
    ).toMatch(/the run's answer is “start a\.jpg” .* and it is not among the choices/);
    expect(
      error(
        question('next-output', {
          at: at('first suspend of main'),
          choices: choices(['done a.jpg', true], ['start a.jpg', false]),
        }),
      ),
    ).toMatch(/the choice marked \[x\], “done a\.jpg”, disagrees with the run/);
    expect(error(question('next-output', { at: at('end') }))).toBe(
      'nothing is printed after that moment',
    );
    expect(error(question('next-output', { at: at('first suspend of nobody') }))).toMatch(
      /^"at": no task is named/,
    );
  });

  it('next-task: the task the loop resumes next; the choices are the tasks alive then', () => {
    const a = answer(question('next-task', { at: at('first suspend of main') }));
    expect(a.answer).toEqual(['a.jpg']);
    expect(a.choices).toEqual(['Task-1', 'a.jpg', 'b.jpg']);
    expect(eventAt(fixture('tasks'), a.proof as number)).toMatchObject({ kind: 'resume', task: 2 });
    const later = answer(question('next-task', { at: at('first done of b.jpg') }));
    expect(later.answer).toEqual(['a.jpg']);
    expect(later.choices).toEqual(['Task-1', 'a.jpg']);
  });

  it('order: the lines sorted by when they are printed, with the step of each', () => {
    const a = answer(
      question('order', { choices: choices('got a.jpg', 'done a.jpg', 'done b.jpg') }),
    );
    expect(a.choices).toEqual(['got a.jpg', 'done a.jpg', 'done b.jpg']);
    expect(a.answer).toEqual(['done b.jpg', 'done a.jpg', 'got a.jpg']);
    expect(a.steps).toHaveLength(3);
    expect(a.proof).toBe(a.steps[2]);
    expect(error(question('order', { choices: choices('got a.jpg', 'nope') }))).toBe(
      'the run never prints the line “nope”',
    );
    expect(error(question('order', { choices: choices('got a.jpg') }))).toMatch(
      /at least two output lines/,
    );
  });

  it('time: the total virtual time, matched against numeric choices', () => {
    expect(answer(question('time')).answer).toEqual(['2']);
    expect(answer(question('time', { choices: choices('1 s', '2 s', '3 s') })).answer).toEqual([
      '2 s',
    ]);
    expect(error(question('time', { choices: choices('1', '3') }))).toMatch(
      /takes 2.0 s of virtual time, and no choice says so/,
    );
  });

  it('outcome: how one task ended, from four fixed choices', () => {
    const a = answer(question('outcome', { task: 'b.jpg' }), 'bug');
    expect(a.answer).toEqual([OUTCOME_CHOICES[2]]);
    expect(a.why).toMatch(/b\.jpg \(download\) is cancelled\./);
    expect(answer(question('outcome', { task: 'Task-2' }), 'gather-error').answer).toEqual([
      OUTCOME_CHOICES[0],
    ]);
    expect(answer(question('outcome', { task: 'Task-3' }), 'gather-error').answer).toEqual([
      OUTCOME_CHOICES[1],
    ]);
    expect(answer(question('outcome', { task: 'main' }), 'deadlock').answer).toEqual([
      OUTCOME_CHOICES[3],
    ]);
    expect(error(question('outcome', { task: 'ok' }), 'gather-error')).toMatch(
      /names 2 tasks \(Task-2, Task-4\); name one task/,
    );
  });

  it("choice: the author's marked answer, with an optional proof moment that must exist", () => {
    const q = question('choice', {
      choices: choices(['yes', false], ['no', true]),
      proof: at('first block'),
    });
    const a = answer(q, 'blocking');
    expect(a.answer).toEqual(['no']);
    expect(eventAt(fixture('blocking'), a.proof as number)).toMatchObject({ kind: 'block' });
    expect(error({ ...q, proof: at('first block') })).toMatch(/^"proof": the run has no block/);
    expect(error(question('choice', { choices: choices(['a', true], ['b', true]) }))).toMatch(
      /exactly one answer marked/,
    );
  });
});

describe('gradeAnswer', () => {
  it('grades choices leniently about quotes and spaces, and always gives the proof', () => {
    const a = answer(question('next-output', { at: at('first suspend of main') }));
    expect(gradeAnswer(a, '  "start a.jpg" ')).toMatchObject({ correct: true, proof: a.proof });
    const wrong = gradeAnswer(a, 'done a.jpg');
    expect(wrong.correct).toBe(false);
    expect(wrong.message).toMatch(
      /^Not quite: the answer is “start a\.jpg”\. At step \d+, a\.jpg prints/,
    );
  });

  it('grades an order as a whole, and a typed time as a number', () => {
    const a = answer(question('order', { choices: choices('got a.jpg', 'done b.jpg') }));
    expect(gradeAnswer(a, ['done b.jpg', 'got a.jpg']).correct).toBe(true);
    expect(gradeAnswer(a, ['got a.jpg', 'done b.jpg']).correct).toBe(false);
    const t = answer(question('time'));
    expect(gradeAnswer(t, '2.0').correct).toBe(true);
    expect(gradeAnswer(t, '3').correct).toBe(false);
  });
});

describe('helpers', () => {
  it('normalizeAnswer drops quotes, backticks and extra spaces', () => {
    expect(normalizeAnswer(' `"a   b"` ')).toBe('a b');
  });

  it('stdoutLines splits prints into lines, each with its step', () => {
    const lines = stdoutLines(fixture('tasks'));
    expect(lines.map((l) => l.text)).toEqual([
      'both started',
      'start a.jpg',
      'start b.jpg',
      'done b.jpg',
      'done a.jpg',
      'got a.jpg',
      'got b.jpg',
    ]);
  });
});
