/**
 * The curriculum in lessons/, parsed (without running Python: `npm run lessons:check` does
 * that): every lesson parses cleanly and has what every lesson must have.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadLessons } from '../../scripts/lessons-load.ts';
import { formatProblem } from './verify.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const { lessons, problems } = loadLessons(root);

/** The ten lessons the curriculum must start with, in this order. */
const REQUIRED = [
  'waiting-is-wasted',
  'coroutines-and-the-event-loop',
  'await-hands-control-back',
  'tasks',
  'futures',
  'queues',
  'async-libraries',
  'servers',
  'being-polite',
  'when-things-go-wrong',
];

describe('the curriculum', () => {
  it('parses without problems', () => {
    expect(problems.map(formatProblem)).toEqual([]);
  });

  it('starts with the ten lessons, in order', () => {
    expect(lessons.slice(0, REQUIRED.length).map((l) => l.slug)).toEqual(REQUIRED);
  });

  it.each(lessons.map((l) => [l.slug, l] as const))(
    '%s has a prediction question, an exercise with checks and hints, and presenter notes',
    (_slug, lesson) => {
      const questions = lesson.steps.flatMap((s) => s.questions);
      expect(questions.some((q) => q.kind !== 'choice')).toBe(true);
      const exercises = lesson.steps.flatMap((s) => (s.exercise ? [s.exercise] : []));
      expect(exercises.length).toBeGreaterThan(0);
      for (const ex of exercises) {
        expect(ex.checks.filter((c) => !c.implicit).length).toBeGreaterThan(0);
        expect(ex.hints.length).toBeGreaterThan(0);
      }
      expect(lesson.steps.every((s) => s.notes !== null)).toBe(true);
    },
  );

  it('keeps programs small enough to step through', () => {
    for (const program of lessons.flatMap((l) => l.programs)) {
      const lines = program.source.trimEnd().split('\n').length;
      expect(lines, `${program.id} of lesson line ${program.line}`).toBeLessThanOrEqual(40);
    }
  });
});
