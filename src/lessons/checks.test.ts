import { describe, expect, it } from 'vitest';
import { type FixtureName, fixture } from '../../tests/fixtures/traces.ts';
import { eventAt } from '../trace/index.ts';
import { type Check, describeCheck, evaluateCheck, evaluateChecks, parseCheck } from './checks.ts';

function check(text: string): Check {
  const r = parseCheck(text);
  if (!r.ok) throw new Error(r.error);
  return r.check;
}

function run(text: string, name: FixtureName) {
  return evaluateCheck(check(text), fixture(name));
}

describe('parseCheck', () => {
  it.each([
    ['output contains "done a"', { kind: 'output-contains', text: 'done a' }],
    ['Output does not contain "x"', { kind: 'output-lacks', text: 'x' }],
    ['output equals "a\\nb\\n"', { kind: 'output-equals', text: 'a\nb\n' }],
    ['time at most 3', { kind: 'time', bound: 'at-most', seconds: 3 }],
    ['time at least 2.5 seconds', { kind: 'time', bound: 'at-least', seconds: 2.5 }],
    ['time at most 4s', { kind: 'time', bound: 'at-most', seconds: 4 }],
    [
      'at most 4 tasks run worker at once',
      { kind: 'tasks-at-once', bound: 'at-most', n: 4, coro: 'worker' },
    ],
    [
      'at least 1 task running fetch at once',
      { kind: 'tasks-at-once', bound: 'at-least', n: 1, coro: 'fetch' },
    ],
    ['at least 3 tasks run fetch', { kind: 'task-count', bound: 'at-least', n: 3, coro: 'fetch' }],
    ['fetch runs as a task', { kind: 'task-count', bound: 'at-least', n: 1, coro: 'fetch' }],
    ['at most 2 requests at once', { kind: 'requests-at-once', bound: 'at-most', n: 2 }],
    ['at least 10 requests', { kind: 'request-count', bound: 'at-least', n: 10 }],
    ['every task finishes', { kind: 'every-task-finishes' }],
    ['all tasks finish', { kind: 'every-task-finishes' }],
    ['no task fails', { kind: 'no-task-fails' }],
    ['no task is cancelled', { kind: 'no-task-cancelled' }],
    ['no blocking calls', { kind: 'no-blocking' }],
    ['no blocking call', { kind: 'no-blocking' }],
    ['no warnings', { kind: 'no-warnings' }],
    ['runs without error', { kind: 'completes' }],
    ['raises ValueError', { kind: 'raises', type: 'ValueError' }],
    ['uses Semaphore', { kind: 'uses', what: 'Semaphore' }],
    ['does not use requests', { kind: 'not-uses', what: 'requests' }],
  ])('reads %s', (text, expected) => {
    expect(parseCheck(text)).toEqual({ ok: true, check: expected });
  });

  it('rejects what it does not know, listing what it does', () => {
    const r = parseCheck('runs fast');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toMatch(/"runs fast" is not a check I know/);
      expect(r.error).toMatch(/time at most T/);
      expect(r.error).toMatch(/at most N tasks run NAME at once/);
    }
    expect(parseCheck('output contains done').ok).toBe(false);
    expect(parseCheck('at most two tasks run worker at once').ok).toBe(false);
  });

  it('describes every check as a goal in plain words', () => {
    expect(describeCheck(check('time at most 3'))).toBe(
      'The whole run takes at most 3.0 s of virtual time.',
    );
    expect(describeCheck(check('fetch runs as a task'))).toBe('fetch runs as a task.');
    expect(describeCheck(check('at most 1 task run worker at once'))).toBe(
      'At most 1 task run worker at the same time.',
    );
  });
});

describe('evaluateCheck', () => {
  it('output contains / lacks / equals, pointing at the print', () => {
    const ok = run('output contains "done b.jpg"', 'tasks');
    expect(ok.pass).toBe(true);
    expect(eventAt(fixture('tasks'), ok.step as number)).toMatchObject({
      kind: 'out',
      text: 'done b.jpg\n',
    });
    const missing = run('output contains "done c.jpg"', 'tasks');
    expect(missing).toMatchObject({ pass: false, step: null });
    expect(missing.reason).toMatch(
      /never contains “done c\.jpg”\. It printed “both started”, “start a\.jpg”, “start b\.jpg” and 4 more lines\./,
    );
    expect(run('output does not contain "done b.jpg"', 'tasks').pass).toBe(false);
    const all =
      'both started\nstart a.jpg\nstart b.jpg\ndone b.jpg\ndone a.jpg\ngot a.jpg\ngot b.jpg';
    expect(run(`output equals ${JSON.stringify(all)}`, 'tasks').pass).toBe(true);
    const wrong = run(`output equals ${JSON.stringify(all.replace('done b', 'done B'))}`, 'tasks');
    expect(wrong.reason).toBe('Line 4 of the output is “done b.jpg”; it should be “done B.jpg”.');
  });

  it('total virtual time', () => {
    expect(run('time at most 2', 'tasks')).toMatchObject({
      pass: true,
      reason: 'The run takes 2.0 s of virtual time.',
    });
    expect(run('time at most 1', 'tasks').reason).toBe(
      'The run takes 2.0 s of virtual time; the goal is at most 1.0 s.',
    );
    expect(run('time at least 3', 'tasks').pass).toBe(false);
  });

  it('tasks running a coroutine at once: started and not yet finished', () => {
    expect(run('at most 4 tasks run worker at once', 'pool')).toMatchObject({ pass: true });
    const tooMany = run('at most 3 tasks run worker at once', 'pool');
    expect(tooMany.pass).toBe(false);
    expect(tooMany.reason).toBe(
      '4 tasks ran worker at the same time (worker-1, worker-2, worker-3, worker-4); the goal is at most 3.',
    );
    expect(eventAt(fixture('pool'), tooMany.step as number)).toMatchObject({
      kind: 'resume',
      task: 5,
    });
    // Tasks waiting on a semaphore are running fetch all the same.
    expect(run('at least 8 tasks run fetch at once', 'semaphore').pass).toBe(true);
    const none = run('at least 1 task run save at once', 'forgot-await');
    expect(none.pass).toBe(false);
    expect(none.reason).toMatch(/No task runs save/);
  });

  it('task counts and "runs as a task"', () => {
    expect(run('download runs as a task', 'tasks').pass).toBe(true);
    expect(run('at least 3 tasks run download', 'tasks').reason).toBe(
      '2 tasks run download; the goal is at least 3.',
    );
    const direct = run('save runs as a task', 'forgot-await');
    expect(direct.pass).toBe(false);
    expect(direct.reason).toMatch(/called or awaited directly, never wrapped in a task/);
  });

  it('requests in flight at once, from the simulated network', () => {
    expect(run('at most 3 requests at once', 'semaphore')).toMatchObject({ pass: true });
    const limited = run('at most 2 requests at once', 'semaphore');
    expect(limited.reason).toBe(
      '3 requests were in flight at the same time; the goal is at most 2.',
    );
    // requests blocks, so its requests never overlap.
    expect(run('at most 1 request at once', 'blocking').pass).toBe(true);
    expect(run('at least 8 requests', 'semaphore').pass).toBe(true);
    expect(run('at least 4 requests', 'blocking').reason).toBe(
      'The program makes 3 requests; the goal is at least 4.',
    );
  });

  it('every task finishes, and says that asyncio.run cancelled the leftovers', () => {
    expect(run('every task finishes', 'tasks').pass).toBe(true);
    const bug = run('every task finishes', 'bug');
    expect(bug.pass).toBe(false);
    expect(bug.reason).toBe(
      'b.jpg (download) was cancelled before it finished. Task-1 (main) had already returned, and asyncio.run cancels every task still running when it does: nothing awaited b.jpg.',
    );
    expect(eventAt(fixture('bug'), bug.step as number)).toMatchObject({
      kind: 'task-done',
      task: 3,
    });
    expect(run('no task is cancelled', 'bug').pass).toBe(false);
    // A stuck run names every task left waiting, and the line it waits on.
    expect(run('every task finishes', 'deadlock').reason).toBe(
      'A task never finished (the run stopped in a deadlock at 0.0 s, its last task waiting for something that nothing left could give it): Task-1 (main) at line 7, waiting for future fut — pending.',
    );
    expect(run('no task fails', 'gather-error').reason).toBe(
      "Task-3 (boom) ended with ValueError('boom').",
    );
  });

  it('no blocking calls: a block while a task holds control', () => {
    const r = run('no blocking calls', 'blocking');
    expect(r.pass).toBe(false);
    expect(r.reason).toBe(
      "Task-2 (fetch) called requests.get('https://example.com/a?delay=1') inside a coroutine: the whole event loop stood still for 1.0 s, and no other task could run.",
    );
    expect(eventAt(fixture('blocking'), r.step as number)).toMatchObject({
      kind: 'block',
      task: 2,
    });
    expect(run('no blocking calls', 'pool').pass).toBe(true);
  });

  it('warnings, errors and limits', () => {
    const warned = run('no warnings', 'forgot-await');
    expect(warned.pass).toBe(false);
    expect(warned.reason).toBe(
      "Python printed a warning: “main.py:8: RuntimeWarning: coroutine 'save' was never awaited”.",
    );
    // The traceback of the exception that ended the run is not a warning.
    expect(run('no warnings', 'raises').pass).toBe(true);
    expect(run('runs without error', 'raises').reason).toBe(
      'The program stopped with ValueError: boom at line 6.',
    );
    expect(run('runs without error', 'deadlock').reason).toBe(
      'The run did not finish: it stopped in a deadlock at 0.0 s, its last task waiting for something that nothing left could give it (Task-1 (main) at line 7, waiting for future fut — pending).',
    );
    expect(run('raises ValueError', 'raises').pass).toBe(true);
    expect(run('raises KeyError', 'raises').pass).toBe(false);
    expect(run('raises ValueError', 'tasks').reason).toMatch(/ends without an exception/);
  });

  it('a run that never finished has no end to judge: time and concurrency checks fail, saying why', () => {
    for (const text of [
      'time at most 5',
      'at least 1 task run main at once',
      'at most 9 requests at once',
    ]) {
      expect(run(text, 'deadlock')).toMatchObject({
        pass: false,
        reason:
          'The run did not finish (it stopped in a deadlock at 0.0 s, its last task waiting for something that nothing left could give it), so this cannot be judged yet: make it run to the end first.',
      });
    }
    // What did happen is still judged.
    expect(run('uses Future', 'deadlock').pass).toBe(true);
  });

  it('a passing "at least" says how many, never "at most"', () => {
    expect(run('at least 4 tasks run worker at once', 'pool').reason).toBe(
      '4 tasks ran worker at the same time (worker-1, worker-2, worker-3, worker-4).',
    );
    expect(run('at least 5 tasks run worker at once', 'pool').reason).toMatch(
      /^No more than 4 tasks ran worker at the same time .*; the goal is at least 5\.$/,
    );
    expect(run('at least 3 requests at once', 'semaphore').reason).toBe(
      '3 requests were in flight at the same time.',
    );
  });

  it('uses: object types, simulated libraries, ways of waiting, blocking calls', () => {
    expect(run('uses Semaphore', 'semaphore').pass).toBe(true);
    expect(run('uses asyncio.Semaphore', 'semaphore').pass).toBe(true);
    expect(run('uses aiohttp', 'semaphore').pass).toBe(true);
    expect(run('uses gather', 'semaphore').pass).toBe(true);
    expect(run('uses Queue', 'pool').pass).toBe(true);
    expect(run('uses Queue', 'semaphore')).toMatchObject({
      pass: false,
      reason: 'The program never uses Queue.',
    });
    expect(run('does not use requests', 'blocking').pass).toBe(false);
    expect(run('uses Future', 'deadlock').pass).toBe(true);
  });

  it('evaluateChecks passes only when every check does', () => {
    const checks = [check('time at most 2'), check('every task finishes')];
    expect(evaluateChecks(checks, fixture('tasks')).pass).toBe(true);
    const outcome = evaluateChecks(checks, fixture('bug'));
    expect(outcome.pass).toBe(false);
    expect(outcome.results.map((r) => r.pass)).toEqual([true, false]);
  });
});
