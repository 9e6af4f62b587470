/**
 * Verifying a parsed lesson against the runs of its programs: every moment resolves, every
 * question has an answer the run agrees with, every solution passes its checks and every
 * starter fails them (unless marked `passes`). Pure: the caller traces the programs.
 * `npm run lessons:check` runs this over every lesson; the dev server shows the same problems.
 */
import type { Trace } from '../trace/index.ts';
import { evaluateChecks } from './checks.ts';
import { resolveMoment } from './moments.ts';
import { answerQuestion } from './questions.ts';
import type { Exercise, Lesson, LessonProblem, LessonStep } from './types.ts';

type Problem = (line: number, field: string, message: string) => void;
type Traces = Readonly<Record<string, Trace>>;

export function verifyLesson(lesson: Lesson, traces: Traces): LessonProblem[] {
  const problems: LessonProblem[] = [];
  const problem: Problem = (line, field, message) => {
    problems.push({ file: lesson.file, line, field, message });
  };
  verifyPrograms(lesson, traces, problem);
  for (const step of lesson.steps) {
    const trace = step.program ? traces[step.program] : undefined;
    if (step.openAt && trace) {
      const r = resolveMoment(step.openAt.text, trace);
      if (!r.ok) problem(step.openAt.line, 'open', `::open[${step.openAt.text}]: ${r.error}`);
    }
    verifyQuestions(step, traces, problem);
    if (step.exercise) verifyExercise(lesson, step.exercise, traces, problem);
  }
  return problems;
}

/** Every program ran: it has a trace, finished (a starter may stop on purpose) and parsed. */
function verifyPrograms(lesson: Lesson, traces: Traces, problem: Problem): void {
  for (const program of lesson.programs) {
    const trace = traces[program.id];
    if (!trace) {
      problem(program.line, program.role, `no trace was recorded for ${program.id}`);
      continue;
    }
    // A starter may stop on a limit on purpose (a deadlock to fix); its checks say so.
    if (trace.status === 'limit' && trace.limit && program.role !== 'starter') {
      problem(
        program.line,
        program.role,
        `the ${program.role} did not finish: ${trace.limit.message}`,
      );
    }
    if (trace.status === 'error' && trace.error?.type === 'SyntaxError') {
      problem(
        program.line + (trace.error.line ?? 0),
        program.role,
        `the ${program.role} has a syntax error: ${trace.error.message}`,
      );
    }
  }
}

/** Every question has an answer the run agrees with, and an order question is scrambled. */
function verifyQuestions(step: LessonStep, traces: Traces, problem: Problem): void {
  for (const q of step.questions) {
    const qTrace = traces[q.program];
    if (!qTrace) continue;
    const r = answerQuestion(q, qTrace);
    if (!r.ok) {
      problem(q.line, `question(${q.kind})`, r.error);
      continue;
    }
    const a = r.answer;
    if (q.kind === 'order' && a.answer.every((line, i) => line === a.choices[i])) {
      problem(
        q.line,
        'question(order)',
        'the lines are listed in the order the run prints them: list them scrambled, so the learner has something to do',
      );
    }
  }
}

/** The solution passes every check, and the starter fails one (unless marked `passes`). */
function verifyExercise(lesson: Lesson, ex: Exercise, traces: Traces, problem: Problem): void {
  const solution = traces[ex.solution];
  const starter = traces[ex.starter];
  if (solution) {
    for (const [i, result] of evaluateChecks(ex.checks, solution).results.entries()) {
      if (!result.pass) {
        const spec = ex.checks[i];
        problem(
          spec?.line ?? ex.line,
          'solution',
          `the solution fails the check "${spec?.text}": ${result.reason}`,
        );
      }
    }
  }
  if (!starter) return;
  const outcome = evaluateChecks(ex.checks, starter);
  const starterLine = lesson.programs.find((p) => p.id === ex.starter)?.line ?? ex.line;
  if (!ex.starterPasses && outcome.pass) {
    problem(
      starterLine,
      'starter',
      'the starting program already passes every check, so the exercise has nothing to do: make a check fail on it (or mark the starter "passes")',
    );
  }
  if (ex.starterPasses && !outcome.pass) {
    const failed = outcome.results.find((r) => !r.pass);
    problem(
      starterLine,
      'starter',
      `the starter is marked "passes" but fails: ${failed?.description} ${failed?.reason}`,
    );
  }
}

/** Problems across lessons: two lessons with one number, `requires` naming no earlier lesson. */
export function verifyCourse(lessons: readonly Lesson[]): LessonProblem[] {
  const problems: LessonProblem[] = [];
  const byOrder = new Map<number, Lesson>();
  const bySlug = new Map<string, Lesson>();
  for (const lesson of lessons) {
    const other = byOrder.get(lesson.order);
    if (other) {
      problems.push({
        file: lesson.file,
        line: 0,
        field: 'file name',
        message: `${other.file} has the same number (${lesson.order}); give each lesson its own`,
      });
    }
    byOrder.set(lesson.order, lesson);
    const same = bySlug.get(lesson.slug);
    if (same) {
      problems.push({
        file: lesson.file,
        line: 0,
        field: 'file name',
        message: `${same.file} has the same slug ("${lesson.slug}"); slugs must be unique`,
      });
    }
    bySlug.set(lesson.slug, lesson);
  }
  for (const lesson of lessons) {
    for (const slug of lesson.meta.requires) {
      const req = bySlug.get(slug);
      if (!req) {
        problems.push({
          file: lesson.file,
          line: lesson.metaLines.requires ?? 0,
          field: 'requires',
          message: `"requires" names "${slug}", and no lesson has that slug`,
        });
      } else if (req.order >= lesson.order) {
        problems.push({
          file: lesson.file,
          line: lesson.metaLines.requires ?? 0,
          field: 'requires',
          message: `"requires" names "${slug}", which comes after this lesson (${req.file})`,
        });
      }
    }
  }
  return problems;
}

/** "lessons/03-await.md:12: question(next-output): nothing is printed after that moment" */
export function formatProblem(p: LessonProblem): string {
  return `${p.file}${p.line > 0 ? `:${p.line}` : ''}: ${p.field}: ${p.message}`;
}
