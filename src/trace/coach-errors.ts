/**
 * The coach on the exception that ended the run: recognised by the error's type (structured in
 * the trace) and, within a type, by CPython's fixed message for that one situation.
 */
import { type Advice, advice, LESSONS, sourceLine } from './coach-advice.ts';
import type { Trace, TraceError } from './types.ts';

/** Web frameworks and servers: a pointer to the servers lesson. */
const WEB = new Set([
  'fastapi',
  'django',
  'flask',
  'starlette',
  'uvicorn',
  'hypercorn',
  'sanic',
  'quart',
  'tornado',
  'litestar',
  'falcon',
  'bottle',
  'gunicorn',
  'websockets',
]);
/** Async libraries people reach for, and the nearest thing that is here. */
const INSTEAD: Readonly<Record<string, string>> = {
  httpx: 'For HTTP, use the simulated `aiohttp` (`async with aiohttp.ClientSession() as s`).',
  aiofiles:
    'There are no files to read or write here: keep the data in variables, or simulate the wait with `await asyncio.sleep(…)`.',
  tortoise:
    'There is no database here: keep the data in a dict, and simulate a query with `await asyncio.sleep(0.1)`.',
  asyncpg:
    'There is no database here: keep the data in a dict, and simulate a query with `await asyncio.sleep(0.1)`.',
  aiosqlite:
    'There is no database here: keep the data in a dict, and simulate a query with `await asyncio.sleep(0.1)`.',
  sqlalchemy:
    'There is no database here: keep the data in a dict, and simulate a query with `await asyncio.sleep(0.1)`.',
  trio: "This playground teaches asyncio, the standard library's event loop.",
  anyio:
    "This playground teaches asyncio, the standard library's event loop: use `asyncio` directly.",
  uvloop: 'Drop it: the playground runs its own event loop, and `asyncio.run(main())` uses it.',
  nest_asyncio:
    'Not needed: start the program once with `asyncio.run(main())`, and inside coroutines simply `await`.',
};

/** What CPython printed last for the error: `Type: message`, or just `Type` (MemoryError). */
export function cpythonLine(error: TraceError): string {
  const lines = error.traceback.trimEnd().split('\n');
  const last = lines[lines.length - 1]?.trim();
  if (last?.startsWith(error.type)) return last;
  return error.message ? `${error.type}: ${error.message}` : error.type;
}

export function errorAdvice(trace: Trace): Advice | null {
  const error = trace.error;
  if (!error) return null;
  const cpython = cpythonLine(error);
  const at = error.line;
  const code = sourceLine(trace, at);
  const where = at === null ? '' : ` at line ${at}`;
  switch (error.type) {
    case 'RuntimeError':
      return runtimeError(error, cpython, code);
    case 'ModuleNotFoundError':
      return moduleNotFound(error, cpython);
    case 'MemoryError':
      return advice('memory', {
        cpython,
        explanation: `${at === null ? 'The program' : `Line ${at}${code ? ` (\`${code}\`)` : ''}`} asked for more memory than Python can have in this page: a browser tab gives it a few gigabytes at most, and CPython's message for running out is just "MemoryError".`,
        fix: 'Make the data smaller: a shorter range, fewer items kept at once, or a generator (`for x in …`) instead of building one huge list.',
        lines: [at],
      });
    case 'RecursionError':
      return advice('recursion', {
        cpython,
        explanation: `A function kept calling itself${where} and never stopped: Python allows about a thousand nested calls, then gives up.`,
        fix: 'Check the condition that should end the recursion (the case that returns without calling again), or write it as a loop.',
        lines: [at],
      });
    case 'TypeError':
      return notAwaitable(error, cpython, code);
    case 'SyntaxError':
      return awaitOutsideAsync(error, cpython, code);
    default:
      return null;
  }
}

function runtimeError(error: TraceError, cpython: string, code: string): Advice | null {
  if (error.message.startsWith('There is no current event loop')) {
    return advice('no-current-loop', {
      cpython,
      explanation:
        'Since Python 3.14, `asyncio.get_event_loop()` no longer creates a loop when none is running: there is none here, so it raises. Older Pythons (up to 3.13) made one for you with a warning, which is why tutorials written for them show this code working.',
      fix: 'Start the program with `asyncio.run(main())` instead of `get_event_loop()` and `run_until_complete(…)`; inside a coroutine, `asyncio.get_running_loop()` gives the running loop.',
      lines: [error.line],
      lesson: LESSONS.getEventLoop,
    });
  }
  if (error.message.includes('cannot be called from a running event loop')) {
    return advice('run-in-running-loop', {
      cpython,
      explanation: `\`asyncio.run\` starts an event loop and runs it until its coroutine is done${code ? ` (here \`${code}\`)` : ''}; this code already runs inside one, and one thread runs one loop at a time.`,
      fix: 'Inside a coroutine, `await` the other coroutine (`value = await helper()`), or start it alongside with `asyncio.create_task(helper())`. Call `asyncio.run` once, at the bottom of the program.',
      lines: [error.line],
      lesson: LESSONS.coroutineNobodyRuns,
    });
  }
  return null;
}

function moduleNotFound(error: TraceError, cpython: string): Advice {
  const name = /No module named '([^']+)'/.exec(error.message)?.[1] ?? '';
  const top = name.split('.')[0] ?? name;
  const base = `\`${name}\` is not here. The playground runs Python in your browser with the standard library only, plus simulated \`aiohttp\` and \`requests\`; nothing can be installed (there is no pip and no network), and the program is one file, so it cannot import a module of your own either.`;
  if (WEB.has(top)) {
    return advice('module-not-found', {
      cpython,
      explanation: base,
      fix: `${top} needs a real server. To see how a server handles many connections at once with asyncio, the servers lesson simulates one: every connection is a task.`,
      lines: [error.line],
      lesson: LESSONS.servers,
    });
  }
  return advice('module-not-found', {
    cpython,
    explanation: base,
    fix:
      INSTEAD[top] ??
      'Remove the import, and copy any code of your own that it provided into this program.',
    lines: [error.line],
    lesson: LESSONS.asyncLibraries,
  });
}

function notAwaitable(error: TraceError, cpython: string, code: string): Advice | null {
  // 3.14: "'NoneType' object can't be awaited"; up to 3.13: "object NoneType can't be used in
  // 'await' expression".
  if (!/can't be awaited|can't be used in 'await' expression/.test(error.message)) return null;
  const what = /^'?(\w+)'? object|object (\w+)/.exec(error.message);
  const type = what?.[1] ?? what?.[2] ?? 'that';
  const sleeps = /\btime\.sleep\(/.test(code);
  return advice('not-awaitable', {
    cpython,
    explanation: `\`await\` works only on awaitables: coroutines, tasks and futures. ${
      sleeps
        ? '`time.sleep(…)` is an ordinary function: it already slept (blocking the whole loop), returned None, and None cannot be awaited.'
        : `The expression after \`await\`${code ? ` in \`${code}\`` : ''} gave a ${type} value, which is not one: an ordinary function call has already run and returned.`
    }`,
    fix: sleeps
      ? 'Write `await asyncio.sleep(…)`: it waits without blocking, so other tasks run meanwhile.'
      : 'Await a coroutine (a call of an `async def` function), a task or a future; call an ordinary function without `await`.',
    lines: [error.line],
    lesson: LESSONS.blockingCall,
  });
}

function awaitOutsideAsync(error: TraceError, cpython: string, code: string): Advice | null {
  const m = /^'(await|async with|async for)' outside (async )?function$/.exec(error.message);
  const comprehension = error.message.startsWith('asynchronous comprehension outside');
  if (!m && !comprehension) return null;
  const what = m?.[1] ?? 'async for';
  const atModule = m !== null && m[2] === undefined;
  return advice('await-outside-async', {
    cpython,
    explanation: atModule
      ? `\`${what}\` can only be used inside an \`async def\` function, and this line${code ? ` (\`${code}\`)` : ''} is at the top level of the program, where no event loop runs.`
      : `\`${what}\` can only be used inside an \`async def\` function; this one is inside a plain \`def\`.`,
    fix: atModule
      ? 'Put the code in `async def main():` and run it with `asyncio.run(main())` at the bottom of the program.'
      : 'Make the function `async def`, and call it with `await` (or start the program with `asyncio.run(main())`).',
    lines: [error.line],
    lesson: LESSONS.coroutineNobodyRuns,
  });
}
