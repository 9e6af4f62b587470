import { describe, expect, it } from 'vitest';
import type { LessonProblem, RichText } from '../types.ts';
import { lessonFileInfo, parseLesson, parseLineList } from './index.ts';

const FRONT = `---
title: A lesson
summary: What it shows.
objectives:
  - Do one thing
minutes: 5
level: beginner
---
`;

const PROGRAM = `\`\`\`python program
import asyncio

async def main():
    print("hi")

asyncio.run(main())
\`\`\``;

function parse(body: string, front = FRONT, file = 'lessons/01-a-lesson.md') {
  return parseLesson(front + body, { file });
}

/** Every text in a hast tree, concatenated. */
function textOf(node: RichText | RichText['children'][number]): string {
  if (node.type === 'text') return node.value;
  if ('children' in node)
    return node.children.map((c) => textOf(c as RichText['children'][number])).join('');
  return '';
}

function fields(problems: readonly LessonProblem[]) {
  return problems.map((p) => `${p.line}:${p.field}`);
}

const FULL = `
# A lesson

## First step

Some **prose** with \`code\`.

${PROGRAM}

::highlight[4, 6]
::open[first suspend of main]

:::question{ask="next-output" at="start"}
What is printed?

- hi
- [ ] bye

Because main prints hi.
:::

:::notes
Say hello to the room.
:::

## Second step

No program here: the first one carries over.

:::question{ask='choice' proof='output "hi"'}
Pick one.

- [x] right
- [ ] wrong
:::

## Exercise: do it

:::exercise
Make it print **bye**.
:::

\`\`\`python starter
print("hi")
\`\`\`

\`\`\`python solution
print("bye")
\`\`\`

:::hint
Change the text.
:::

:::hint
It is on line 1.
:::

\`\`\`checks
# comments and blank lines are skipped

output contains "bye"
time at most 1
\`\`\`
`;

describe('parseLesson', () => {
  it('reads front matter, steps, programs, highlights, moments, notes, questions and exercises', () => {
    const { lesson, problems } = parse(FULL);
    expect(problems).toEqual([]);
    expect(lesson).not.toBeNull();
    if (!lesson) return;
    expect(lesson).toMatchObject({ slug: 'a-lesson', order: 1, file: 'lessons/01-a-lesson.md' });
    expect(lesson.meta).toEqual({
      title: 'A lesson',
      summary: 'What it shows.',
      objectives: ['Do one thing'],
      minutes: 5,
      level: 'beginner',
      tags: [],
      requires: [],
      draft: false,
    });
    expect(lesson.steps.map((s) => s.title)).toEqual([
      'First step',
      'Second step',
      'Exercise: do it',
    ]);
    expect(lesson.programs.map((p) => [p.id, p.role, p.step, p.line])).toEqual([
      ['s1-program', 'program', 0, 16],
      ['s3-starter', 'starter', 2, 58],
      ['s3-solution', 'solution', 2, 62],
    ]);
    const [one, two, three] = lesson.steps;
    expect(one).toMatchObject({
      program: 's1-program',
      loadsProgram: true,
      highlight: [4, 6],
      openAt: { text: 'first suspend of main', line: 26 },
    });
    expect(textOf(one?.body as RichText)).toBe('Some prose with code.');
    expect(textOf(one?.notes as RichText)).toBe('Say hello to the room.');
    expect(one?.questions[0]).toMatchObject({
      id: 's1-q1',
      kind: 'next-output',
      line: 28,
      program: 's1-program',
      at: { text: 'start' },
      choices: [
        { text: 'hi', marked: null },
        { text: 'bye', marked: false },
      ],
    });
    expect(textOf(one?.questions[0]?.prompt as RichText)).toBe('What is printed?');
    expect(textOf(one?.questions[0]?.explanation as RichText)).toBe('Because main prints hi.');
    expect(two).toMatchObject({
      program: 's1-program',
      loadsProgram: false,
      highlight: [],
      openAt: null,
    });
    expect(two?.questions[0]).toMatchObject({ kind: 'choice', proof: { text: 'output "hi"' } });
    expect(three).toMatchObject({ program: 's3-starter', loadsProgram: true });
    const ex = three?.exercise;
    expect(ex).toMatchObject({
      id: 's3-exercise',
      starter: 's3-starter',
      solution: 's3-solution',
      starterPasses: false,
    });
    expect(textOf(ex?.goal as RichText)).toBe('Make it print bye.');
    expect(ex?.hints.map((h) => textOf(h))).toEqual(['Change the text.', 'It is on line 1.']);
    expect(ex?.checks.map((c) => [c.text, c.line, c.implicit])).toEqual([
      ['runs without error', 74, true],
      ['output contains "bye"', 77, false],
      ['time at most 1', 78, false],
    ]);
    // Plain data: it survives JSON, and carries no source positions.
    expect(JSON.parse(JSON.stringify(lesson))).toEqual(lesson);
    expect(JSON.stringify(lesson)).not.toContain('"position"');
  });

  it('takes content before the first step as an introduction titled like the lesson', () => {
    const { lesson } = parse('Intro text.\n\n## Step\n\nMore.\n');
    expect(lesson?.steps.map((s) => s.title)).toEqual(['A lesson', 'Step']);
  });

  it('allows exercise parts inside the :::exercise container too', () => {
    const { lesson, problems } = parse(`## Ex

::::exercise
Goal.

\`\`\`python starter passes
print(1)
\`\`\`

\`\`\`python solution
print(1)
\`\`\`

:::hint
A hint.
:::

\`\`\`checks
output contains "1"
\`\`\`
::::
`);
    expect(problems).toEqual([]);
    const ex = lesson?.steps[0]?.exercise;
    expect(ex?.starterPasses).toBe(true);
    expect(ex?.hints).toHaveLength(1);
    expect(textOf(ex?.goal as RichText)).toBe('Goal.');
  });

  it('reads the :::hint of a question (one at most), apart from its prompt and explanation', () => {
    const question = (hints: string) =>
      parse(`## Q

${PROGRAM}

::::question{ask="time"}
How long?

- 1 s
- 2 s

It never sleeps.
${hints}
::::
`);
    const { lesson, problems } = question(':::hint\nCount the sleeps.\n:::');
    expect(problems).toEqual([]);
    const q = lesson?.steps[0]?.questions[0];
    expect(textOf(q?.hint as RichText)).toBe('Count the sleeps.');
    expect(textOf(q?.explanation as RichText)).toBe('It never sleeps.');
    expect(question('').lesson?.steps[0]?.questions[0]?.hint).toBeNull();
    const two = question(':::hint\nOne.\n:::\n\n:::hint\nTwo.\n:::');
    expect(two.problems.map((p) => p.message)).toEqual(['a question has at most one :::hint']);
  });

  it('reads programs from files beside a folder lesson', () => {
    const { lesson, problems } = parseLesson(
      `${FRONT}## S\n\n\`\`\`python program file=main.py\n\`\`\`\n`,
      {
        file: 'lessons/02-folder/index.md',
        readFile: (name) => (name === 'main.py' ? 'print("from file")' : undefined),
      },
    );
    expect(problems).toEqual([]);
    expect(lesson?.slug).toBe('folder');
    expect(lesson?.programs[0]).toMatchObject({ source: 'print("from file")\n', file: 'main.py' });
    const missing = parseLesson(`${FRONT}## S\n\n\`\`\`python program file=other.py\n\`\`\`\n`, {
      file: 'lessons/02-folder/index.md',
      readFile: () => undefined,
    });
    expect(missing.problems[0]?.message).toMatch(/cannot read other\.py/);
  });
});

describe('front matter problems name file, line and field', () => {
  it('a missing field', () => {
    const { lesson, problems } = parse(
      '## S\n',
      '---\ntitle: T\nsummary: S\nobjectives: [a]\nlevel: beginner\n---\n',
    );
    // The rest is still read, with a default for the missing field, so that it is checked too.
    expect(lesson?.meta).toMatchObject({ title: 'T', minutes: 1, objectives: ['a'] });
    expect(problems).toEqual([
      {
        file: 'lessons/01-a-lesson.md',
        line: 1,
        field: 'minutes',
        message:
          'the field "minutes" is missing: About how long the lesson takes a learner, in minutes.',
      },
    ]);
  });

  it('a wrong value, on its own line', () => {
    const { problems } = parse(
      '## S\n',
      FRONT.replace('minutes: 5', 'minutes: ten').replace('level: beginner', 'level: expert'),
    );
    expect(problems).toEqual([
      expect.objectContaining({
        line: 6,
        field: 'minutes',
        message: '"minutes" must be a whole number of minutes',
      }),
      expect.objectContaining({
        line: 7,
        field: 'level',
        message: '"level" must be one of beginner, intermediate, advanced',
      }),
    ]);
  });

  it('an item of a list', () => {
    const { problems } = parse(
      '## S\n',
      FRONT.replace('  - Do one thing', '  - Do one thing\n  - 42'),
    );
    expect(fields(problems)).toEqual(['6:objectives[1]']);
  });

  it('an unknown field, with a guess', () => {
    const { problems } = parse(
      '## S\n',
      FRONT.replace('level: beginner', 'level: beginner\nminuets: 3'),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 8, field: 'minuets' });
    expect(problems[0]?.message).toMatch(
      /"minuets" is not a front-matter field \(did you mean "minutes"\?\)/,
    );
  });

  it('a misspelt required field is reported once, not also as missing', () => {
    const { problems } = parse('## S\n', FRONT.replace('minutes: 5', 'minuets: 5'));
    expect(problems.map((p) => p.field)).toEqual(['minuets']);
  });

  it('YAML that does not parse, and no front matter at all', () => {
    const { problems } = parse(
      '## S\n',
      FRONT.replace('summary: What it shows.', 'summary: Two things: a and b'),
    );
    expect(problems[0]).toMatchObject({ line: 3, field: 'front matter' });
    expect(problems[0]?.message).toMatch(/must be in double quotes/);
    expect(fields(parseLesson('## S\n', { file: 'lessons/01-x.md' }).problems)).toEqual([
      '1:front matter',
    ]);
  });

  it('a file name without a number', () => {
    expect(fields(parse('## S\n', FRONT, 'lessons/intro.md').problems)).toEqual(['0:file name']);
    expect(lessonFileInfo('lessons/07-async-libraries.md')).toEqual({
      order: 7,
      slug: 'async-libraries',
    });
    expect(lessonFileInfo('lessons/07-Async.md')).toBeNull();
  });
});

describe('lesson body problems', () => {
  it('unknown and unreadable directives', () => {
    const { problems } = parse(
      `## S\n\n${PROGRAM}\n\n:::quiz\nx\n:::\n\n::hilight[1]\n\n:::question{ask="next-output" at="output "x""}\nQ\n:::\n`,
    );
    expect(fields(problems)).toEqual(['20::::quiz', '24:::hilight', '26:directive']);
  });

  it('a misspelt directive, block, question kind, attribute or check gets a guess', () => {
    const { problems } = parse(
      `## S\n\n${PROGRAM}\n\n::hilight[1]\n\n:::hnit\nx\n:::\n\n:::question{ask="next-ouput" att="end"}\nQ\n:::\n\n## E\n\n:::exercise\nGoal.\n:::\n\n\`\`\`python starter\nprint(1)\n\`\`\`\n\n\`\`\`python solution\nprint(2)\n\`\`\`\n\n\`\`\`checks\nno task fail\ntime at mots 3\n\`\`\`\n`,
    );
    const guesses = problems.filter((p) => p.message.includes('did you mean'));
    expect(guesses.map((p) => p.message.replace(/\. Checks look like: .*$/, '…'))).toEqual([
      'unknown directive "::hilight" (did you mean "::highlight"?) (known: ::highlight, ::open)',
      expect.stringMatching(/^unknown block ":::hnit" \(did you mean ":::hint"\?\)/),
      '"no task fail" is not a check I know (did you mean "no task fails"?)…',
      '"time at mots 3" is not a check I know (did you mean "time at most T"?)…',
      'unknown question attribute "att" (did you mean "at"?) (known: ask, at, task, proof)',
      'ask="next-ouput" is not a kind of question (did you mean "next-output"?); use one of next-output, next-task, order, time, outcome, choice',
    ]);
  });

  it('a misspelt :::exercise or :::hint is reported once, without echoes about its parts', () => {
    const parts = `\`\`\`python starter\nprint(1)\n\`\`\`\n\n\`\`\`python solution\nprint(2)\n\`\`\`\n\n\`\`\`checks\noutput contains "2"\n\`\`\`\n`;
    const exercise = parse(`## E\n\n:::exercse\nGoal.\n:::\n\n${parts}\n:::hint\nh\n:::\n`);
    expect(fields(exercise.problems)).toEqual(['11::::exercse']);
    const hint = parse(`## E\n\n:::exercise\nGoal.\n:::\n\n${parts}\n:::hnit\nh\n:::\n`);
    expect(fields(hint.problems)).toEqual(['27::::hnit']);
  });

  it('question attributes are checked', () => {
    const { problems } = parse(
      `## S\n\n${PROGRAM}\n\n:::question{ask="guess"}\nQ\n:::\n\n:::question{ask="next-task" when="now"}\nQ\n:::\n\n:::question{ask="choice"}\nQ\n\n- [x] a\n- [x] b\n:::\n\n:::question{ask="next-output" at="first jump"}\nQ\n:::\n`,
    );
    expect(problems.map((p) => [p.field, p.message])).toEqual([
      [
        'question.ask',
        'ask="guess" is not a kind of question; use one of next-output, next-task, order, time, outcome, choice',
      ],
      ['question.when', 'unknown question attribute "when" (known: ask, at, task, proof)'],
      ['question.at', 'ask="next-task" needs at="…": the moment after which the learner predicts'],
      ['question', 'ask="choice" needs exactly one choice marked "- [x]" (and the others "- [ ]")'],
      ['question.at', expect.stringMatching(/^at="first jump": expected start, end/)],
    ]);
  });

  it('a question, highlight or open without a program', () => {
    const { problems } = parse(
      '## S\n\n::highlight[1]\n::open[end]\n\n:::question{ask="time"}\nQ\n:::\n',
    );
    expect(fields(problems)).toEqual(['11:highlight', '12:open', '14:question']);
  });

  it('highlights past the end of the program', () => {
    const { problems, lesson } = parse(`## S\n\n${PROGRAM}\n\n::highlight[5-9]\n`);
    expect(problems[0]?.message).toBe('line 7 is past the end of the program (6 lines)');
    expect(lesson?.steps[0]?.highlight).toEqual([5, 6]);
  });

  it('exercise parts outside an exercise, and an incomplete exercise', () => {
    const { problems } = parse(
      '## S\n\n```python starter\nprint(1)\n```\n\n## T\n\n:::exercise\nGoal.\n:::\n\n```checks\nno warnings\nbogus check\n```\n',
    );
    expect(fields(problems)).toEqual(['11:exercise', '23:checks', '17:exercise', '17:exercise']);
    expect(problems.map((p) => p.message)).toEqual([
      'a "python starter" program belongs to an exercise, but step "S" has no :::exercise block',
      expect.stringMatching(/^"bogus check" is not a check I know/),
      expect.stringMatching(/needs a starting program/),
      expect.stringMatching(/needs a solution/),
    ]);
  });

  it('two programs in one step, and an unknown option', () => {
    const { problems } = parse(
      `## S\n\n${PROGRAM}\n\n\`\`\`python program fast\nprint(1)\n\`\`\`\n`,
    );
    expect(problems.map((p) => p.message)).toEqual([
      'unknown option "fast" after "python program" (known: file=NAME.py, raises=ExceptionName)',
      expect.stringMatching(/already has a program \(line 11\)/),
    ]);
  });
});

describe('markdown is rendered safely', () => {
  it('drops raw HTML, scripts and javascript: links, and says so', () => {
    const { lesson, problems } = parse(
      '## S\n\nHello <b onclick="x()">bold</b> [link](javascript:alert(1)) [ok](https://docs.python.org/3/).\n\n<script>alert(1)</script>\n\n<!-- a comment is fine -->\n',
    );
    expect(fields(problems)).toEqual(['11:link', '11:html', '11:html', '13:html']);
    const json = JSON.stringify(lesson?.steps[0]?.body);
    expect(json).not.toMatch(/script|onclick|javascript:/i);
    expect(json).toContain('https://docs.python.org/3/');
    expect(json).toContain('bold');
  });

  it('reports empty, unsafe and relative links and undefined references, and keeps lesson links', () => {
    const { lesson, problems } = parse(
      '## S\n\nSee [tasks](#/lessons/tasks/2), [x](javascript:alert(1)), [there](./no-such-file.md), [the docs][pydoc], [nothing]() and [](https://python.org). lst[0][1] is fine.\n\n[ok]: https://docs.python.org/3/\n',
    );
    expect(problems.map((p) => `${p.line}:${p.field}: ${p.message}`)).toEqual([
      '11:link: [x](javascript:alert(1)) uses an unsafe scheme (javascript:) and is removed from the page: link with https:// instead',
      "11:link: [there](./no-such-file.md) is a relative link, which a lesson page cannot follow: link another lesson's step as #/lessons/<slug>/<step>, anything else with its full https:// URL",
      '11:link: [the docs][pydoc] refers to [pydoc], which is defined nowhere: add a line "[pydoc]: https://…" to the lesson',
      '11:link: [nothing]() goes nowhere: give it a URL, or #/lessons/<slug>/<step>',
      '11:link: the link [](https://python.org) has no text: say where it goes',
    ]);
    expect(lesson?.links).toEqual([{ slug: 'tasks', step: '2', line: 11 }]);
  });

  it('keeps GitHub-flavoured markdown: tables, task lists, code with its language', () => {
    const { lesson } = parse('## S\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n```python\nx = 1\n```\n');
    const json = JSON.stringify(lesson?.steps[0]?.body);
    expect(json).toContain('"tagName":"table"');
    expect(json).toContain('"className":["language-python"]');
  });
});

describe('parseLineList', () => {
  it('reads lines and ranges', () => {
    expect(parseLineList('3-5, 8, 4')).toEqual([3, 4, 5, 8]);
    expect(parseLineList('5-3')).toMatch(/not a valid range/);
    expect(parseLineList('x')).toMatch(/not a line number/);
    expect(parseLineList('')).toMatch(/give the lines/);
  });
});
