/**
 * The coach, on traces the real tracer recorded for the corpus programs of each case
 * (tests/fixtures/traces/, recorded again by `npm run fixtures:update`): what a learner reads beside
 * CPython's message, and where the editor points.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixture, TRACE_FIXTURES } from '../../tests/fixtures/traces.ts';
import { type Advice, coach, LESSONS } from './coach.ts';
import { stalls } from './coach-stalls.ts';
import { parseTrace } from './parse.ts';
import { partialTrace } from './partial-trace.ts';
import type { Trace } from './types.ts';

const dir = TRACE_FIXTURES;

function trace(name: string): Trace {
  const file = readdirSync(dir).find((f) => f.startsWith(`${name}-`) && f.endsWith('.trace.json'));
  if (!file) throw new Error(`no fixture ${name}`);
  return parseTrace(readFileSync(new URL(file, dir), 'utf8'));
}

/** The one piece of advice a program gets. */
function only(name: string): Advice {
  const all = coach(trace(name));
  expect(all.map((a) => a.topic)).toHaveLength(1);
  return all[0] as Advice;
}

describe('coach: 1. no current event loop', () => {
  it('says why 3.14 raises, gives asyncio.run(main()), and links the lesson step', () => {
    const a = only('69');
    expect(a.topic).toBe('no-current-loop');
    expect(a.cpython).toBe("RuntimeError: There is no current event loop in thread 'MainThread'.");
    expect(a.explanation).toContain(
      'Since Python 3.14, `asyncio.get_event_loop()` no longer creates a loop',
    );
    expect(a.fix).toContain('`asyncio.run(main())`');
    expect(a.lines).toEqual([10]);
    expect(a.lesson).toEqual(LESSONS.getEventLoop);
    expect(only('59').lines).toEqual([4]);
  });
});

describe('coach: 2. coroutine never awaited', () => {
  it('names the line where the coroutine was made and says nothing in it ran', () => {
    const a = only('46');
    expect(a.cpython).toBe("main.py:9: RuntimeWarning: coroutine 'work' was never awaited");
    expect(a.explanation).toBe(
      "`work()` at line 9 only made a coroutine object: calling an `async def` function does not run it. Nothing awaited it, so none of work's code ran.",
    );
    expect(a.fix).toContain('`await work()`');
    expect(a.lines).toEqual([9]);
  });

  it('at the top level, the fix is asyncio.run', () => {
    const a = only('70');
    expect(a.fix).toBe('Run it with `asyncio.run(main())`.');
    expect(a.lesson).toEqual(LESSONS.coroutineNobodyRuns);
  });
});

describe('coach: 3. a blocking call inside a coroutine', () => {
  it('time.sleep: who held the loop, how long, where, and the await alternative', () => {
    const a = only('40');
    expect(a.topic).toBe('blocking');
    expect(a.cpython).toBeNull();
    expect(a.explanation).toBe(
      'Task-3 (blocker) held the loop for 0.3 s at line 19; nothing else could run. `time.sleep(0.3)` blocks the whole event loop, not just this task.',
    );
    expect(a.fix).toBe(
      'Write `await asyncio.sleep(0.3)` instead: the task waits just as long, and the others run meanwhile.',
    );
    expect(a.lines).toEqual([19]);
  });

  it('requests: one stall per blocking call over 100 ms, with aiohttp as the way out', () => {
    const all = coach(trace('43'));
    expect(all.map((a) => a.explanation.split(';')[0])).toEqual([
      'Task-3 (fetch) held the loop for 0.2 s at line 8',
      'Task-4 (fetch) held the loop for 0.15 s at line 8',
    ]);
    expect(all[0]?.fix).toContain('aiohttp');
    expect(all[0]?.lesson).toEqual(LESSONS.requestsBlocks);
  });

  it('a long computation without await: its loop lines', () => {
    const a = only('71');
    expect(a.explanation).toMatch(
      /^Task-3 \(crunch\) ran 6,\d{3} lines without an await at lines 13 and 14/,
    );
    expect(a.fix).toContain('`await asyncio.sleep(0)`');
  });

  it('gives the stalls to the timeline as spans of steps and virtual time', () => {
    const [s] = stalls(trace('40'));
    expect(s).toMatchObject({ start: 0.1, by: ['time.sleep(0.3)'], lines: [19] });
    expect(s?.end).toBeCloseTo(0.4);
    expect(s && s.to > s.from).toBe(true);
  });
});

describe('coach: 4. task exceptions and cancellation', () => {
  it('exception never retrieved: where it was raised and where the task was made', () => {
    const a = only('45');
    expect(a.cpython).toBe('Task exception was never retrieved');
    expect(a.explanation).toContain(
      'Task-2 (fails) raised an exception at line 6, and nothing ever awaited that task',
    );
    expect(a.lines).toEqual([6, 10]);
  });

  it('destroyed but pending', () => {
    const a = only('72');
    expect(a.cpython).toBe('Task was destroyed but it is pending!');
    expect(a.explanation).toContain(
      'Task-1 (forever) was still waiting when its event loop stopped',
    );
    expect(a.lines).toEqual([11]);
  });

  it('a swallowed cancellation, but not a CancelledError caught from another task', () => {
    const a = only('73');
    expect(a.topic).toBe('cancel-swallowed');
    expect(a.explanation).toContain(
      'Task-2 (stubborn) was cancelled, but the `except CancelledError` at line 7',
    );
    expect(a.explanation).toContain('the task returned normally');
    expect(a.fix).toContain('`raise`');
    expect(a.fix).toContain('`async with asyncio.timeout(…)`');
    expect(a.lines).toEqual([7]);
    expect(coach(trace('68'))).toEqual([]);
  });

  it('any handler that catches the cancellation: except/pass, BaseException, bare except', () => {
    const pass = only('80');
    expect(pass.explanation).toMatch(
      /^Task-2 \(ticker\) was cancelled, but the `except CancelledError` at line 8 caught the CancelledError and the task returned normally/,
    );
    const base = only('81');
    // A task waiting on an Event, not a timer: the tracer's own fact, not a cancelled sleep.
    expect(base.explanation).toContain(
      'listener was cancelled, but the `except BaseException` at line 7 caught the CancelledError',
    );
    expect(base.fix).toContain('`except Exception:` lets CancelledError through');
    const bare = only('82');
    expect(bare.explanation).toContain('slow was cancelled, but the bare `except:` at line 8');
    expect(bare.lines).toEqual([8]);
  });

  it('a cancellation swallowed inside asyncio.timeout: why no TimeoutError came', () => {
    const a = only('86');
    expect(a.topic).toBe('cancel-swallowed');
    expect(a.cpython).toBeNull();
    expect(a.explanation).toBe(
      'The timeout at line 9 expired at 1.0 s and cancelled Task-2 (fetch), but `except asyncio.CancelledError:` at line 13 caught that CancelledError and did not re-raise it. So at the end of the `async with` block the timeout took its cancellation back and raised no `TimeoutError`: the program went on after the block as if the wait had finished, and an `except TimeoutError` never runs.',
    );
    expect(a.fix).toContain('end it with `raise`');
    expect(a.fix).toContain(
      'catch `TimeoutError` outside the `async with asyncio.timeout(…)` block',
    );
    expect(a.lines).toEqual([9, 13]);
    expect(a.lesson).toEqual(LESSONS.cancellation);
  });

  it('not when a timeout took its cancellation back or the task ended cancelled', () => {
    // Tasks cancelled by the run's end, which let the cancellation go on.
    for (const name of ['44', '45', '72'])
      expect(coach(trace(name)).map((a) => a.topic)).not.toContain('cancel-swallowed');
    // wait_for and asyncio.timeout cancel main, then take the request back (uncancel) and raise
    // TimeoutError, which main catches: a timeout obeyed, not a cancellation swallowed.
    const timeouts = parseTrace(
      readFileSync(
        new URL(
          '../../tests/golden/lessons/10-when-things-go-wrong/s3-program.trace.json',
          import.meta.url,
        ),
        'utf8',
      ),
    );
    expect(timeouts.stdout).toContain('timeout() gave up after 1 s');
    expect(coach(timeouts)).toEqual([]);
  });
});

describe('coach: 5. deadlock', () => {
  it('points at each waiting line and says what each waits for', () => {
    const a = only('48');
    expect(a.lines).toEqual([6, 15]);
    expect(a.explanation).toContain('Task-1 at line 15 (future fut — pending); Task-2 at line 6');
    expect(a.cpython).toMatch(/^Deadlock at 0\.0 s: .*future fut — pending/);
    // The deadlock sentence is the lab's, not CPython's (which would wait forever, silently).
    expect(a.by).toBe('lab');
  });
});

describe('coach: who wrote the message it quotes', () => {
  const LAB_TOPICS = ['deadlock', 'step-limit', 'time-limit', 'output-limit', 'wall-limit'];
  it('a limit the lab stopped the run at is the lab’s; an error or warning is Python’s', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.trace.json'));
    let lab = 0;
    let python = 0;
    for (const name of files) {
      for (const a of coach(parseTrace(readFileSync(new URL(name, dir), 'utf8')))) {
        if (a.cpython === null) continue;
        expect(a.by, `${name} ${a.topic}`).toBe(LAB_TOPICS.includes(a.topic) ? 'lab' : 'python');
        if (a.by === 'lab') lab++;
        else python++;
      }
    }
    expect(lab).toBeGreaterThan(0);
    expect(python).toBeGreaterThan(0);
  });
});

describe('coach: 6. ModuleNotFoundError', () => {
  it('says what is available, that nothing installs, and points web frameworks at servers', () => {
    const a = only('74');
    expect(a.cpython).toBe("ModuleNotFoundError: No module named 'fastapi'");
    expect(a.explanation).toContain(
      'standard library only, plus simulated `aiohttp` and `requests`; nothing can be installed',
    );
    expect(a.lesson).toEqual(LESSONS.servers);
    expect(a.lines).toEqual([3]);
  });
});

describe('coach: 7. memory, recursion and limits', () => {
  it.each([
    ['75', 'memory', 'Line 6 (`data = [0] * (2**31 - 1)`) asked for more memory', [6]],
    ['54', 'recursion', 'A function kept calling itself at line 5 and never stopped', [5]],
    ['49', 'step-limit', 'Task-2 (spin) was still going after 5,000 steps', [6, 7]],
    ['51', 'output-limit', 'The program printed more than the console keeps', [6, 7, 8]],
    ['52', 'time-limit', 'more than a day of virtual time', [7]],
  ])('%s: %s', (name, topic, words, lines) => {
    const a = only(name);
    expect(a.topic).toBe(topic);
    expect(a.explanation).toContain(words);
    expect(a.lines).toEqual(lines);
    expect(a.cpython).toBeTruthy();
  });
});

describe('coach: 8. the usual beginner readings', () => {
  it.each([
    [
      '76',
      'not-awaitable',
      "TypeError: 'NoneType' object can't be awaited",
      '`await asyncio.sleep(…)`',
      7,
    ],
    [
      '77',
      'run-in-running-loop',
      'RuntimeError: asyncio.run() cannot be called from a running event loop',
      '`value = await helper()`',
      10,
    ],
    [
      '78',
      'await-outside-async',
      "SyntaxError: 'await' outside async function",
      'Make the function `async def`',
      6,
    ],
  ])('%s: %s', (name, topic, cpython, fix, line) => {
    const a = only(name);
    expect(a.topic).toBe(topic);
    expect(a.cpython).toBe(cpython);
    expect(a.fix).toContain(fix);
    expect(a.lines).toEqual([line]);
  });
});

describe('coach: lesson links', () => {
  it('every link opens an existing lesson step with that title', () => {
    const lessonsDir = new URL('../../lessons/', import.meta.url);
    const files = readdirSync(lessonsDir).filter((f) => f.endsWith('.md'));
    for (const link of Object.values(LESSONS)) {
      const m = /^#\/lessons\/([a-z0-9-]+)\/(\d+)$/.exec(link.href);
      expect(m, link.href).not.toBeNull();
      const file = files.find((f) => f.replace(/^\d+-|\.md$/g, '') === m?.[1]);
      expect(file, link.href).toBeDefined();
      const steps = readFileSync(new URL(file as string, lessonsDir), 'utf8')
        .split('\n')
        .filter((l) => l.startsWith('## '))
        .map((l) => l.slice(3).trim());
      expect(steps[Number(m?.[2]) - 1], link.href).toBe(link.title);
    }
  });
});

describe('coach on a live trace', () => {
  it('says nothing until the run ends (its advice comes with the final trace)', () => {
    const events = fixture('blocking').events;
    const ended = partialTrace({ source: 'x\n', status: 'completed' }, events);
    const live = partialTrace(
      { source: 'x\n', limit: { kind: 'running', message: 'still running' } },
      events,
    );
    expect(coach(ended).length).toBeGreaterThan(0);
    expect(coach(live)).toEqual([]);
  });
});
