import { describe, expect, it } from 'vitest';
import { fixture } from '../../tests/fixtures/traces.ts';
import type { Trace } from '../trace/index.ts';
import { parseLesson } from './markdown/index.ts';
import type { Lesson } from './types.ts';
import { formatProblem, verifyCourse, verifyLesson } from './verify.ts';

const FRONT = (extra = '') => `---
title: T
summary: S.
objectives: [Learn]
minutes: 5
level: beginner
${extra}---
`;

function lesson(body: string, file = 'lessons/01-t.md', extra = ''): Lesson {
  const r = parseLesson(FRONT(extra) + body, { file });
  if (!r.lesson || r.problems.length > 0) throw new Error(JSON.stringify(r.problems));
  return r.lesson;
}

/** Every program of the lesson gets the fixture trace of the same name as its role, or `tasks`. */
function traces(l: Lesson, byRole: Partial<Record<string, Trace>> = {}): Record<string, Trace> {
  return Object.fromEntries(l.programs.map((p) => [p.id, byRole[p.role] ?? fixture('tasks')]));
}

const PROGRAM = '```python program\n# the fixture "tasks" stands in for this run\n```\n';

describe('verifyLesson', () => {
  it('accepts questions the run answers, and reports one that disagrees, at its line', () => {
    const l = lesson(`## S

${PROGRAM}
::open[first suspend of main]

:::question{ask="next-output" at="first suspend of main"}
Next?

- [x] start a.jpg
- [ ] done a.jpg
:::

:::question{ask="next-task" at="first suspend of main"}
Who?

- [ ] b.jpg
- [x] Task-1
:::

:::question{ask="order"}
Order?

- done b.jpg
- done a.jpg
:::
`);
    const problems = verifyLesson(l, traces(l));
    expect(problems.map(formatProblem)).toEqual([
      expect.stringMatching(
        /^lessons\/01-t\.md:23: question\(next-task\): the run's answer is “a\.jpg” \(At step \d+, the loop hands control to a\.jpg\.\), and it is not among the choices$/,
      ),
      'lessons/01-t.md:30: question(order): the lines are listed in the order the run prints them: list them scrambled, so the learner has something to do',
    ]);
  });

  it('reports a moment that does not exist in the run', () => {
    const l = lesson(`## S\n\n${PROGRAM}\n::open[first block]\n`);
    expect(verifyLesson(l, traces(l)).map(formatProblem)).toEqual([
      'lessons/01-t.md:14: open: ::open[first block]: the run has no block',
    ]);
  });

  const EXERCISE = `## Ex

:::exercise
Finish every task.
:::

\`\`\`python starter
# stands in for the "bug" fixture
\`\`\`

\`\`\`python solution
# stands in for the "tasks" fixture
\`\`\`

:::hint
Await them.
:::

\`\`\`checks
every task finishes
time at most 2
\`\`\`
`;

  it('passes an exercise whose solution passes and whose starter fails', () => {
    const l = lesson(EXERCISE);
    expect(
      verifyLesson(l, traces(l, { starter: fixture('bug'), solution: fixture('tasks') })),
    ).toEqual([]);
  });

  it('reports a solution that fails a check, at that check, and a starter that already passes', () => {
    const l = lesson(EXERCISE);
    const problems = verifyLesson(
      l,
      traces(l, { starter: fixture('tasks'), solution: fixture('bug') }),
    );
    expect(problems.map(formatProblem)).toEqual([
      expect.stringMatching(
        /^lessons\/01-t\.md:27: solution: the solution fails the check "every task finishes": b\.jpg \(download\) was cancelled before it finished\./,
      ),
      expect.stringMatching(
        /^lessons\/01-t\.md:14: starter: the starting program already passes every check/,
      ),
    ]);
  });

  it('lets a starter stop on a limit (a deadlock to fix), but not a program', () => {
    const l = lesson(EXERCISE);
    expect(
      verifyLesson(l, traces(l, { starter: fixture('deadlock'), solution: fixture('tasks') })),
    ).toEqual([]);
    const p = lesson(`## S\n\n${PROGRAM}`);
    expect(
      verifyLesson(p, traces(p, { program: fixture('deadlock') })).map((x) => x.message),
    ).toEqual([
      'the program did not finish: Deadlock at 0.0 s: nothing is ready and no timer is due, but Task-1 waits for future fut — pending. Real Python would wait here forever.',
    ]);
  });
});

/** A fixture run changed to end as the test needs (a real run of the program would end so). */
function ending(base: Trace, change: Partial<Trace>): Trace {
  return { ...base, ...change };
}

function raising(type: string, message: string, line: number | null): Trace {
  return ending(fixture('raises'), {
    error: { ...(fixture('raises').error as NonNullable<Trace['error']>), type, message, line },
  });
}

describe('verifyLesson: a broken program never passes', () => {
  // The program's fence is on line 10, so program line N is lesson line 10 + N.
  const PLAIN = '## S\n\n```python program\nprint("fixture")\n```\n';

  it('reports a program that raises at the lesson line of the failing program line', () => {
    const l = lesson(PLAIN);
    const run = raising('NameError', "name 'fecth' is not defined", 5);
    expect(verifyLesson(l, { 's1-program': run }).map(formatProblem)).toEqual([
      `lessons/01-t.md:15: program: the program raises NameError at line 5 of the program: name 'fecth' is not defined; fix it, or write "python program raises=NameError" on its fence if it is meant to raise`,
    ]);
  });

  it('accepts a program whose fence says it raises that exception, and only that one', () => {
    const ok = lesson('## S\n\n```python program raises=ValueError\nprint("fixture")\n```\n');
    expect(verifyLesson(ok, { 's1-program': fixture('raises') })).toEqual([]);
    const wrong = lesson('## S\n\n```python program raises=KeyError\nprint("fixture")\n```\n');
    expect(verifyLesson(wrong, { 's1-program': fixture('raises') }).map(formatProblem)).toEqual([
      'lessons/01-t.md:16: program: the program is marked raises=KeyError but raises ValueError at line 6 of the program: boom',
    ]);
    expect(verifyLesson(wrong, { 's1-program': fixture('tasks') }).map(formatProblem)).toEqual([
      'lessons/01-t.md:10: program: the program is marked raises=KeyError but finishes without an exception: remove raises=KeyError, or make it raise',
    ]);
  });

  it('gives any syntax error (IndentationError too) a syntax message, and nothing knock-on', () => {
    const l = lesson(`${PLAIN}\n:::question{ask="time"}\nHow long?\n:::\n`);
    expect(
      verifyLesson(l, { 's1-program': fixture('55-syntax-error') }).map(formatProblem),
    ).toEqual([
      "lessons/01-t.md:16: program: the program has a syntax error at line 6 of the program: '(' was never closed (SyntaxError)",
    ]);
    const indent = raising(
      'IndentationError',
      'expected an indented block after function definition on line 3',
      4,
    );
    expect(verifyLesson(l, { 's1-program': indent }).map(formatProblem)).toEqual([
      'lessons/01-t.md:14: program: the program has a syntax error at line 4 of the program: expected an indented block after function definition on line 3 (IndentationError)',
    ]);
  });

  it('points a program stopped by the step limit at the line that loops', () => {
    const l = lesson(PLAIN);
    const loop = ending(fixture('tasks'), {
      status: 'limit',
      limit: { kind: 'steps', message: 'Stopped after 20,000 steps, the step limit.' },
      events: [1, 3, ...Array.from({ length: 300 }, (_, i) => (i % 3 === 0 ? 4 : 5))],
      stats: { ...fixture('tasks').stats, steps: 20_000 },
    });
    expect(verifyLesson(l, { 's1-program': loop }).map(formatProblem)).toEqual([
      'lessons/01-t.md:15: program: the program was stopped after 20,000 steps, the step limit for lessons, running line 5 of the program over and over: it may loop forever (if it is just long, add "# lab: max-steps=N" as its first line)',
    ]);
  });
});

describe("verifyLesson: names in checks are the program's", () => {
  const exerciseWith = (checks: string) => `## Ex

:::exercise
Fetch at most two at a time.
:::

\`\`\`python starter
async def fetch(url): ...  # stands in for the "tasks" fixture
\`\`\`

\`\`\`python solution
async def fetch(url): ...  # stands in for the "semaphore" fixture
\`\`\`

:::hint
A Semaphore.
:::

\`\`\`checks
${checks}
\`\`\`
`;

  it('reports a coroutine no program defines and a name no run can use, with a guess', () => {
    const l = lesson(exerciseWith('at most 2 tasks run fecth at once\nuses Semaphor'));
    const runs = { 's1-starter': fixture('tasks'), 's1-solution': fixture('semaphore') };
    expect(verifyLesson(l, runs).map(formatProblem)).toEqual([
      'lessons/01-t.md:27: checks: "at most 2 tasks run fecth at once": neither the starter nor the solution has a coroutine fecth (did you mean "fetch"?); name one they define (async def NAME)',
      'lessons/01-t.md:28: checks: "uses Semaphor": Semaphor is not something a run can use (did you mean "Semaphore"?); known: Queue, PriorityQueue, LifoQueue, Lock, Event, Condition, Semaphore, BoundedSemaphore, Barrier, TaskGroup, Future, aiohttp, requests, gather, wait, as_completed, shield, timeout, wait_for, time.sleep',
    ]);
  });

  it('accepts names the programs define and the runs use', () => {
    const l = lesson(exerciseWith('at most 3 tasks run fetch at once\nuses Semaphore'));
    const runs = { 's1-starter': fixture('tasks'), 's1-solution': fixture('semaphore') };
    expect(verifyLesson(l, runs).filter((p) => p.field === 'checks')).toEqual([]);
  });
});

describe('verifyCourse', () => {
  it('reports shared numbers and slugs, and requires that name no earlier lesson', () => {
    const a = lesson('## S\n', 'lessons/01-a.md');
    const b = lesson('## S\n', 'lessons/01-b.md', 'requires: [c, zzz, aa]\n');
    const c = lesson('## S\n', 'lessons/03-c.md');
    expect(verifyCourse([a, b, c]).map(formatProblem)).toEqual([
      'lessons/01-b.md: file name: lessons/01-a.md has the same number (1); give each lesson its own',
      'lessons/01-b.md:7: requires: "requires" names "c", which comes after this lesson (lessons/03-c.md)',
      'lessons/01-b.md:7: requires: "requires" names "zzz", and no lesson has that slug',
      'lessons/01-b.md:7: requires: "requires" names "aa", and no lesson has that slug (did you mean "a"?)',
    ]);
  });

  it('reports a taken slug once, on the second lesson, and blames no lesson that requires it', () => {
    const first = lesson('## S\n', 'lessons/01-tasks.md');
    const second = lesson('## S\n', 'lessons/04-tasks.md');
    const later = lesson('## S\n', 'lessons/05-later.md', 'requires: [tasks]\n');
    expect(verifyCourse([first, second, later]).map(formatProblem)).toEqual([
      'lessons/04-tasks.md: file name: the slug "tasks" is already taken by lessons/01-tasks.md; rename this file (slugs come from file names and must be unique), it is left out until then',
    ]);
  });

  it('checks links to lessons against their slugs and step counts', () => {
    const tasks = lesson('## One\n\n## Two\n', 'lessons/01-tasks.md');
    const linking = lesson(
      '## S\n\n[a](#/lessons/tasks/2) [b](#/lessons/taskz/1) [c](#/lessons/tasks/3) [d](#/lessons/tasks)\n',
      'lessons/02-links.md',
    );
    expect(verifyCourse([tasks, linking]).map(formatProblem)).toEqual([
      'lessons/02-links.md:10: link: #/lessons/taskz/1: no lesson has the slug "taskz" (did you mean "tasks"?)',
      'lessons/02-links.md:10: link: #/lessons/tasks/3: lessons/01-tasks.md has steps 1 to 2; "3" is not one of them',
    ]);
  });
});
