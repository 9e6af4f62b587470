/**
 * The coach on what asyncio reports without stopping the program. CPython writes these only as
 * text on stderr, in fixed formats (the `warnings` module's `file:line: Category: message`, and
 * the loop's default exception handler's "Task exception was never retrieved" / "Task was
 * destroyed but it is pending!" followed by the task's repr), so they are read in those formats.
 * (A swallowed cancellation, which CPython does not report at all, is coach-cancel.ts.)
 */
import { type Advice, advice, LESSONS, sourceLine } from './coach-advice.ts';
import type { Trace } from './types.ts';

const NEVER_AWAITED =
  /^(?:main\.py:(\d+)|sys:1): RuntimeWarning: coroutine '([^']+)' was never awaited$/gm;
const NOT_RETRIEVED =
  /^Task exception was never retrieved\nfuture: <Task finished name='([^']*)' coro=<([\w.<>]+)\(\) done, defined at main\.py:(\d+)>/gm;
const DESTROYED =
  /^Task was destroyed but it is pending!\ntask: <Task pending name='([^']*)' coro=<([\w.<>]+)\(\)[^\n]*?defined at main\.py:(\d+)>/gm;

export function warningAdvice(trace: Trace): Advice[] {
  const out: Advice[] = [];
  const err = trace.stderr;
  for (const m of err.matchAll(NEVER_AWAITED)) {
    const coro = m[2] as string;
    // `asyncio.run(helper())` that raised before running it: the error's advice covers it.
    if (trace.error?.message.includes('cannot be called from a running event loop')) continue;
    const line = m[1] ? Number(m[1]) : findCall(trace.source, coro);
    out.push(neverAwaited(trace, m[0], coro, line));
  }
  for (const m of err.matchAll(NOT_RETRIEVED)) {
    const [first, name = '', coro = ''] = m;
    const raised = raiseLine(err, (m.index ?? 0) + first.length);
    out.push(
      advice('exception-never-retrieved', {
        cpython: 'Task exception was never retrieved',
        explanation: `${name} (${coro}) raised an exception${raised ? ` at line ${raised}` : ''}, and nothing ever awaited that task or asked for its result, so nobody handled the error: asyncio could only report it when the task was thrown away.`,
        fix: 'Await the task (`await task`), or collect it with `await asyncio.gather(…)` or an `async with asyncio.TaskGroup()`, so that its exception reaches your code.',
        lines: [raised, creationLine(trace, name)],
        lesson: LESSONS.waitingForTasks,
      }),
    );
  }
  for (const m of err.matchAll(DESTROYED)) {
    const [, name = '', coro = ''] = m;
    out.push(
      advice('destroyed-pending', {
        cpython: 'Task was destroyed but it is pending!',
        explanation: `${name} (${coro}) was still waiting when its event loop stopped, and it was thrown away unfinished: the rest of ${coro} never ran, and nothing cancelled it or waited for it.`,
        fix: 'Run the program with `asyncio.run(main())`, which cancels and waits for leftover tasks; and await (or cancel and await) every task you start before main returns.',
        lines: [creationLine(trace, name)],
        lesson: LESSONS.waitingForTasks,
      }),
    );
  }
  return out;
}

function neverAwaited(trace: Trace, cpython: string, coro: string, line: number | null): Advice {
  const code = sourceLine(trace, line);
  const topLevel = line !== null && /^\S/.test(trace.source.split('\n')[line - 1] ?? '');
  const call = code.includes(`${coro}(`) ? code.replace(/\s*#.*$/, '') : `${coro}()`;
  return advice('never-awaited', {
    cpython,
    explanation: `\`${call}\`${line ? ` at line ${line}` : ''} only made a coroutine object: calling an \`async def\` function does not run it. Nothing awaited it, so none of ${coro}'s code ran.`,
    fix: topLevel
      ? `Run it with \`asyncio.run(${call})\`.`
      : `Write \`await ${call}\` to run it here and wait for it, or \`asyncio.create_task(${call})\` to run it alongside.`,
    lines: [line],
    lesson: topLevel ? LESSONS.coroutineNobodyRuns : LESSONS.forgottenAwait,
  });
}

/** The first line that calls `name(` as a plain statement (no await, def, run or task). */
function findCall(source: string, name: string): number | null {
  const short = name.split('.').pop() ?? name;
  const call = new RegExp(`\\b${short.replace(/[^\w]/g, '')}\\(`);
  const lines = source.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i] as string;
    if (call.test(text) && !/\b(await|def|create_task|gather|run|ensure_future)\b/.test(text)) {
      return i + 1;
    }
  }
  return null;
}

/** The innermost `File "main.py", line N` of the traceback that starts at `from`. */
function raiseLine(stderr: string, from: number): number | null {
  const rest = stderr.slice(from);
  const end = rest.search(/^\S+(?:Error|Exception|Exit|Interrupt)\b.*$/m);
  let line: number | null = null;
  for (const m of rest
    .slice(0, end < 0 ? undefined : end)
    .matchAll(/File "main\.py", line (\d+)/g)) {
    line = Number(m[1]);
  }
  return line;
}

/** The program line that was running when the task with this name was created. */
export function creationLine(trace: Trace, name: string): number | null {
  const task = trace.tasks.find((t) => t.name === name);
  if (!task) return null;
  const { events } = trace;
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    if (typeof e === 'object' && e.k === 'task-created' && e.t === task.id) {
      return lastLineBefore(trace, i);
    }
  }
  return null;
}

function lastLineBefore(trace: Trace, step: number): number | null {
  for (let i = step - 1; i >= 0; i--) {
    const e = trace.events[i];
    if (typeof e === 'number') return e;
  }
  return null;
}
