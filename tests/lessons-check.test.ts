/**
 * `npm run lessons:check` as an author meets it: fixture lessons (tests/fixtures/lessons/), each
 * with one kind of mistake (a typo, an endless loop, a syntax error, misspelt names in checks,
 * broken links, a duplicate slug, misspelt directive/question/check words, the wrong expected
 * exception, a misspelt `# lab:` option) or none, checked in a scratch copy so that goldens
 * written by the check go there.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const PROJECT = fileURLToPath(new URL('..', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'lessons-check-'));
cpSync(join(PROJECT, 'tests', 'fixtures', 'lessons'), join(scratch, 'lessons'), {
  recursive: true,
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function check(...args: string[]): string[] {
  const r = spawnSync(
    join(PROJECT, 'node_modules', '.bin', 'tsx'),
    [join(PROJECT, 'scripts', 'lessons-check.ts'), ...args],
    { env: { ...process.env, LESSONS_ROOT: scratch }, encoding: 'utf8' },
  );
  return r.stdout.split('\n').filter((l) => l !== '');
}

describe('lessons:check on fixture lessons', () => {
  it('fails broken programs at the lesson line, and writes goldens only for a clean new lesson', () => {
    expect(check()).toEqual([
      expect.stringMatching(/^PASS 01-clean\.md \(1 step, 1 program, 0 questions, 0 exercises/),
      '  wrote the goldens of this new lesson to tests/golden/lessons/01-clean/: review and commit them',
      expect.stringMatching(/^FAIL 02-typo\.md /),
      `  lessons/02-typo.md:17: program: the program raises NameError at line 6 of the program: name 'fecth' is not defined; fix it, or write "python program raises=NameError" on its fence if it is meant to raise`,
      expect.stringMatching(/^FAIL 03-loop\.md /),
      '  lessons/03-loop.md:16: program: the program was stopped after 20,000 steps, the step limit for lessons, running line 5 of the program over and over: it may loop forever (if it is just long, add "# lab: max-steps=N" as its first line)',
      expect.stringMatching(/^PASS 04-meant\.md /),
      '  wrote the goldens of this new lesson to tests/golden/lessons/04-meant/: review and commit them',
      expect.stringMatching(/^FAIL 05-indent\.md .*longest run 1 step\)$/),
      '  lessons/05-indent.md:15: program: the program has a syntax error at line 5 of the program: unexpected indent (IndentationError)',
      expect.stringMatching(/^FAIL 06-names\.md /),
      '  lessons/06-names.md:45: checks: "at most 3 tasks run fecth at once": neither the starter nor the solution has a coroutine fecth (did you mean "fetch"?); name one they define (async def NAME)',
      expect.stringMatching(
        /^ {2}lessons\/06-names\.md:46: checks: "uses Semaphor": Semaphor is not something a run can use \(did you mean "Semaphore"\?\); known: Queue, /,
      ),
      'FAIL 07-links.md (1 step, 1 program, 0 questions, 0 exercises; longest run 4 steps)',
      "  lessons/07-links.md:11: link: [notes](./notes.md) is a relative link, which a lesson page cannot follow: link another lesson's step as #/lessons/<slug>/<step>, anything else with its full https:// URL",
      '  lessons/07-links.md:11: link: [the docs][pydoc] refers to [pydoc], which is defined nowhere: add a line "[pydoc]: https://…" to the lesson',
      '  lessons/07-links.md:12: link: the link [](https://docs.python.org/3/) has no text: say where it goes',
      '  lessons/07-links.md:12: link: [a trick](javascript:alert(1)) uses an unsafe scheme (javascript:) and is removed from the page: link with https:// instead',
      '  lessons/07-links.md:11: link: #/lessons/clen/1: no lesson has the slug "clen" (did you mean "clean"?)',
      '  lessons/07-links.md:11: link: #/lessons/clean/9: lessons/01-clean.md has only step 1; "9" is not one of them',
      // A duplicate slug is reported once, on the second lesson; the first keeps its slug.
      'FAIL 08-clean.md',
      '  lessons/08-clean.md: file name: the slug "clean" is already taken by lessons/01-clean.md; rename this file (slugs come from file names and must be unique), it is left out until then',
      // Misspelt names: each gets "did you mean", and no knock-on about the checks it hides.
      expect.stringMatching(/^FAIL 09-words\.md /),
      '  lessons/09-words.md:33: :::hnit: unknown block ":::hnit" (did you mean ":::hint"?) (known: :::question, :::notes, :::exercise, :::hint)',
      expect.stringMatching(
        /^ {2}lessons\/09-words\.md:42: checks: "time at mots 1" is not a check I know \(did you mean "time at most T"\?\)\. Checks look like: output contains /,
      ),
      '  lessons/09-words.md:37: question.ask: ask="tme" is not a kind of question (did you mean "time"?); use one of next-output, next-task, order, time, outcome, choice',
      expect.stringMatching(/^FAIL 10-wrong-raise\.md /),
      '  lessons/10-wrong-raise.md:12: program: the program is marked raises=ValueError but raises ZeroDivisionError at line 1 of the program: division by zero',
      '  lessons/10-wrong-raise.md:17: program: the program is marked raises=KeyError but finishes without an exception: remove raises=KeyError, or make it raise',
      'FAIL 11-options.md (1 step, 1 program, 0 questions, 0 exercises; longest run 4 steps)',
      '  lessons/11-options.md:12: program: "# lab: max-step=50000": unknown option "max-step" (did you mean "max-steps"?); the options are max-steps=N, max-time=SECONDS, max-output=CHARS',
      '2 passed, 9 failed',
    ]);
    expect(readdirSync(join(scratch, 'tests', 'golden', 'lessons'))).toEqual([
      '01-clean',
      '04-meant',
    ]);
  });

  it('refuses to write goldens for a run with problems, even with --update', () => {
    const out = check('--update', 'typo');
    expect(out).toContain('  goldens not written: this run has the problems above; fix them first');
    expect(existsSync(join(scratch, 'tests', 'golden', 'lessons', '02-typo'))).toBe(false);
  });

  it('--watch checks a lesson again when it is saved', async () => {
    const child = spawn(
      join(PROJECT, 'node_modules', '.bin', 'tsx'),
      [join(PROJECT, 'scripts', 'lessons-check.ts'), '--watch', '04-meant'],
      { env: { ...process.env, LESSONS_ROOT: scratch }, detached: true },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    const until = async (text: string) => {
      const end = Date.now() + 60_000;
      while (!out.includes(text) && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
      return out;
    };
    try {
      expect(await until('Watching lessons/')).toMatch(/^PASS 04-meant\.md /);
      const file = join(scratch, 'lessons', '04-meant.md');
      writeFileSync(file, readFileSync(file, 'utf8').replace('print(1 / 0)', 'print(1 / 0'));
      expect(await until('0 passed, 1 failed')).toContain(
        "  lessons/04-meant.md:12: program: the program has a syntax error at line 1 of the program: '(' was never closed (SyntaxError)\n",
      );
      // Its goldens exist, but a run with problems is no time to suggest --update.
      expect(out).not.toContain('--update');
    } finally {
      // tsx runs the script in a child process: end the group this test started, by its id.
      if (child.pid) process.kill(-child.pid, 'SIGTERM');
    }
  });

  it('shows a changed run as one golden line for the lesson, with the command that accepts it', () => {
    // 01-clean's goldens were written by the first check; now its program prints something else.
    const file = join(scratch, 'lessons', '01-clean.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('print("done")', 'print("finished")'));
    const out = check('01-clean');
    expect(out).toEqual([
      expect.stringMatching(/^FAIL 01-clean\.md /),
      expect.stringMatching(
        /^ {2}lessons\/01-clean\.md:\d+: golden: tests\/golden\/lessons\/01-clean\/ differs from this run \(.*\); if the change is intended, run `npm run lessons:check -- --update 01-clean` and review the diff$/,
      ),
      '0 passed, 1 failed',
    ]);
  });
});
