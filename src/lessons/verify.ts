/**
 * Verifying a parsed lesson against the runs of its programs: every moment resolves, every
 * question has an answer the run agrees with, every solution passes its checks and every
 * starter fails them (unless marked `passes`). Pure: the caller traces the programs.
 * `npm run lessons:check` runs this over every lesson; the dev server shows the same problems.
 */
import { eventsOfKind, type Trace } from '../trace/index.ts';
import { limitText } from '../trace/words.ts';
import { evaluateChecks } from './checks.ts';
import { didYouMean } from './closest.ts';
import { resolveMoment } from './moments.ts';
import { answerQuestion } from './questions.ts';
import type { Exercise, Lesson, LessonProblem, LessonProgram, LessonStep } from './types.ts';

/**
 * The step limit lesson programs run with (the playground's is 2,000,000): a lesson's runs are a
 * few hundred steps, and a loop that never ends should be a clear problem, not a 2,000,000-step
 * trace shipped to the page. `# lab: max-steps=N` at the top of a program raises it.
 */
export const LESSON_MAX_STEPS = 20_000;

type Problem = (line: number, field: string, message: string) => void;
type Traces = Readonly<Record<string, Trace>>;

export function verifyLesson(lesson: Lesson, traces: Traces): LessonProblem[] {
  const problems: LessonProblem[] = [];
  const problem: Problem = (line, field, message) => {
    problems.push({ file: lesson.file, line, field, message });
  };
  // A broken run would only give knock-on problems (questions, moments, checks): leave it out.
  const broken = verifyPrograms(lesson, traces, problem);
  const runs: Traces = Object.fromEntries(Object.entries(traces).filter(([id]) => !broken.has(id)));
  verifySteps(lesson, runs, problem);
  return problems;
}

function verifySteps(lesson: Lesson, traces: Traces, problem: Problem): void {
  for (const step of lesson.steps) {
    const trace = step.program ? traces[step.program] : undefined;
    if (step.openAt && trace) {
      const r = resolveMoment(step.openAt.text, trace);
      if (!r.ok) problem(step.openAt.line, 'open', `::open[${step.openAt.text}]: ${r.error}`);
    }
    verifyQuestions(step, traces, problem);
    if (step.exercise) verifyExercise(lesson, step.exercise, traces, problem);
  }
}

/** Every program ran: it has a trace, finished (a starter may stop on purpose) and parsed. */
function verifyPrograms(lesson: Lesson, traces: Traces, problem: Problem): Set<string> {
  const broken = new Set<string>();
  for (const program of lesson.programs) {
    const trace = traces[program.id];
    if (!trace) {
      problem(program.line, program.role, `no trace was recorded for ${program.id}`);
      continue;
    }
    const before = broken.size;
    const fail = (line: number, message: string) => {
      problem(line, program.role, message);
      broken.add(program.id);
    };
    verifyEnding(program, trace, fail);
    // A starter may stop on a limit on purpose (a deadlock to fix); its checks say so.
    if (trace.status === 'limit' && trace.limit && program.role !== 'starter') {
      if (trace.limit.kind === 'steps') {
        const at = loopingLine(trace);
        fail(
          at === null ? program.line : programLine(program, at),
          `the ${program.role} was stopped after ${trace.stats.steps.toLocaleString('en')} steps, the step limit for lessons${at === null ? '' : `, running ${where(program, at)} over and over`}: it may loop forever (if it is just long, add "# lab: max-steps=N" as its first line)`,
        );
      } else {
        // In the page's words (a deadlock names each task's wait as the panes do), not the tracer's.
        fail(program.line, `the ${program.role} did not finish: ${limitText(trace)}`);
      }
    }
    if (broken.size === before && trace.status === 'limit' && program.raises) {
      fail(
        program.line,
        `the ${program.role} is marked raises=${program.raises} but was stopped by a limit instead`,
      );
    }
  }
  return broken;
}

/** The run ended the way the fence says: without an exception, or with the one in `raises=`. */
function verifyEnding(
  program: LessonProgram,
  trace: Trace,
  fail: (line: number, message: string) => void,
): void {
  const { role, raises } = program;
  const error = trace.status === 'error' ? trace.error : null;
  if (error === null) {
    if (raises && trace.status === 'completed') {
      fail(
        program.line,
        `the ${role} is marked raises=${raises} but finishes without an exception: remove raises=${raises}, or make it raise`,
      );
    }
    return;
  }
  const line = error.line === null ? program.line : programLine(program, error.line);
  const at = error.line === null ? '' : ` at ${where(program, error.line)}`;
  const meant = raises !== null && raises !== undefined && lastName(raises) === error.type;
  if (meant) return;
  if (SYNTAX_ERRORS.has(error.type)) {
    fail(line, `the ${role} has a syntax error${at}: ${error.message} (${error.type})`);
  } else if (raises) {
    fail(
      line,
      `the ${role} is marked raises=${raises} but raises ${error.type}${at}: ${error.message}`,
    );
  } else {
    fail(
      line,
      `the ${role} raises ${error.type}${at}: ${error.message}; fix it, or write "python ${role} raises=${error.type}" on its fence if it is meant to raise`,
    );
  }
}

const SYNTAX_ERRORS = new Set(['SyntaxError', 'IndentationError', 'TabError']);

function lastName(dotted: string): string {
  return dotted.slice(dotted.lastIndexOf('.') + 1);
}

/** The lesson-file line of a program line: inline programs start on the line after the fence. */
function programLine(program: LessonProgram, line: number): number {
  return program.file === null ? program.line + line : program.line;
}

/** "line 7" of an inline program (its line in the lesson), "main.py line 7" of a file=. */
function where(program: LessonProgram, line: number): string {
  return program.file === null ? `line ${line} of the program` : `${program.file} line ${line}`;
}

/** The program line run most often over the last stretch of a run: the loop that never ends. */
export function loopingLine(trace: Trace): number | null {
  const counts = new Map<number, number>();
  let seen = 0;
  for (let i = trace.events.length - 1; i >= 0 && seen < 2000; i--) {
    const e = trace.events[i];
    if (typeof e !== 'number' || e <= 0) continue;
    counts.set(e, (counts.get(e) ?? 0) + 1);
    seen++;
  }
  let best: number | null = null;
  for (const [line, n] of counts) {
    const b = best === null ? 0 : (counts.get(best) ?? 0);
    if (best === null || n > b || (n === b && line < best)) best = line;
  }
  return best;
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
  // A check naming nothing real would fail or pass for the wrong reason: say that instead.
  if (!checkNames(lesson, ex, traces, problem)) return;
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
  // With only the implicit checks, the checks block is missing, empty or unreadable, which is
  // reported already: "the starter passes every check" would only be a knock-on of that.
  const written = ex.checks.some((c) => !c.implicit);
  if (!ex.starterPasses && outcome.pass && written) {
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

/**
 * What `uses NAME` understands besides the run's own objects, libraries and blocking calls
 * (docs/lesson-format.md, *Checks*).
 */
const USES_NAMES = [
  'Queue',
  'PriorityQueue',
  'LifoQueue',
  'Lock',
  'Event',
  'Condition',
  'Semaphore',
  'BoundedSemaphore',
  'Barrier',
  'TaskGroup',
  'Future',
  'aiohttp',
  'requests',
  'gather',
  'wait',
  'as_completed',
  'shield',
  'timeout',
  'wait_for',
  'time.sleep',
];

/** The coroutine and `uses` names of the exercise's checks exist in its programs and runs. */
function checkNames(lesson: Lesson, ex: Exercise, traces: Traces, problem: Problem): boolean {
  const ids = [ex.starter, ex.solution];
  const runs = ids.flatMap((id) => (traces[id] ? [traces[id]] : []));
  const coros = new Set(runs.flatMap((t) => t.tasks.filter((k) => k.user).map((k) => k.coro)));
  for (const p of lesson.programs.filter((p) => ids.includes(p.id))) {
    for (const m of p.source.matchAll(/\basync\s+def\s+([A-Za-z_]\w*)/g)) coros.add(m[1] as string);
  }
  const usable = new Set([
    ...USES_NAMES,
    ...runs.flatMap((t) => [
      ...t.simulated,
      ...t.objects.map((o) => o.type),
      ...eventsOfKind(t, 'block').map(({ event }) => event.by.replace(/\(.*$/, '')),
    ]),
  ]);
  const lower = new Set([...usable].map((n) => n.toLowerCase()));
  let ok = true;
  for (const spec of ex.checks) {
    const c = spec.check;
    if ((c.kind === 'tasks-at-once' || c.kind === 'task-count') && !coros.has(c.coro)) {
      ok = false;
      problem(
        spec.line,
        'checks',
        `"${spec.text}": neither the starter nor the solution has a coroutine ${c.coro}${didYouMean(c.coro, coros)}; name one they define (async def NAME)`,
      );
    }
    if (
      (c.kind === 'uses' || c.kind === 'not-uses') &&
      !lower.has(c.what.replace(/^asyncio\./, '').toLowerCase())
    ) {
      ok = false;
      problem(
        spec.line,
        'checks',
        `"${spec.text}": ${c.what} is not something a run can use${didYouMean(c.what.replace(/^asyncio\./, ''), usable)}; known: ${USES_NAMES.join(', ')}`,
      );
    }
  }
  return ok;
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
    // The first lesson keeps the slug: lessons that require it are not blamed for the second.
    if (same) {
      problems.push({
        file: lesson.file,
        line: 0,
        field: 'file name',
        message: `the slug "${lesson.slug}" is already taken by ${same.file}; rename this file (slugs come from file names and must be unique), it is left out until then`,
      });
    } else {
      bySlug.set(lesson.slug, lesson);
    }
  }
  for (const lesson of lessons) verifyLessonLinks(lesson, bySlug, problems);
  for (const lesson of lessons) {
    if (bySlug.get(lesson.slug) !== lesson) continue;
    for (const slug of lesson.meta.requires) {
      const req = bySlug.get(slug);
      if (!req) {
        problems.push({
          file: lesson.file,
          line: lesson.metaLines.requires ?? 0,
          field: 'requires',
          message: `"requires" names "${slug}", and no lesson has that slug${didYouMean(slug, bySlug.keys())}`,
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

/** Every `#/lessons/<slug>/<n>` link names a lesson and one of its steps. */
function verifyLessonLinks(
  lesson: Lesson,
  bySlug: ReadonlyMap<string, Lesson>,
  problems: LessonProblem[],
): void {
  for (const link of lesson.links ?? []) {
    const href = `#/lessons/${link.slug}${link.step === null ? '' : `/${link.step}`}`;
    const report = (message: string) =>
      problems.push({ file: lesson.file, line: link.line, field: 'link', message });
    const target = bySlug.get(link.slug);
    if (!target) {
      report(
        `${href}: no lesson has the slug "${link.slug}"${didYouMean(link.slug, bySlug.keys())}`,
      );
      continue;
    }
    const n = target.steps.length;
    if (link.step !== null && !(/^\d+$/.test(link.step) && +link.step >= 1 && +link.step <= n)) {
      const steps = n === 1 ? 'only step 1' : `steps 1 to ${n}`;
      report(`${href}: ${target.file} has ${steps}; "${link.step}" is not one of them`);
    }
  }
}

/** "lessons/03-await.md:12: question(next-output): nothing is printed after that moment" */
export function formatProblem(p: LessonProblem): string {
  return `${p.file}${p.line > 0 ? `:${p.line}` : ''}: ${p.field}: ${p.message}`;
}
