/**
 * Exercise checks: one line of a `checks` block each, evaluated on the learner's own trace, so a
 * check judges what the program *did*, not only what it printed. Every result says pass or fail
 * and why, in plain words, and points at the step that shows it when there is one.
 *
 * The grammar (keywords in any case; TEXT is "quoted" with JSON escapes; N a whole number;
 * T seconds, e.g. `3`, `2.5`, `3s`; C a coroutine name; X a name):
 *
 *     output contains TEXT             output does not contain TEXT       output equals TEXT
 *     time at most T                   time at least T
 *     at most N tasks run C at once    at least N tasks run C at once
 *     at most N tasks run C            at least N tasks run C             C runs as a task
 *     at most N requests at once       at least N requests at once
 *     at most N requests               at least N requests
 *     every task finishes              no task fails                      no task is cancelled
 *     no blocking calls                no warnings
 *     runs without error               raises X
 *     uses X                           does not use X
 */
import type { Step, Trace } from '../trace/index.ts';
import {
  describeTask,
  formatNumber,
  isShutdownTask,
  quoteOutput,
  seconds,
  type TaskFacts,
  traceFacts,
} from './facts.ts';
import { tokenize } from './moments.ts';

type Bound = 'at-most' | 'at-least';

export type Check =
  | { readonly kind: 'output-contains'; readonly text: string }
  | { readonly kind: 'output-lacks'; readonly text: string }
  | { readonly kind: 'output-equals'; readonly text: string }
  | { readonly kind: 'time'; readonly bound: Bound; readonly seconds: number }
  | {
      readonly kind: 'tasks-at-once';
      readonly bound: Bound;
      readonly n: number;
      readonly coro: string;
    }
  | {
      readonly kind: 'task-count';
      readonly bound: Bound;
      readonly n: number;
      readonly coro: string;
    }
  | { readonly kind: 'requests-at-once'; readonly bound: Bound; readonly n: number }
  | { readonly kind: 'request-count'; readonly bound: Bound; readonly n: number }
  | { readonly kind: 'every-task-finishes' }
  | { readonly kind: 'no-task-fails' }
  | { readonly kind: 'no-task-cancelled' }
  | { readonly kind: 'no-blocking' }
  | { readonly kind: 'no-warnings' }
  | { readonly kind: 'completes' }
  | { readonly kind: 'raises'; readonly type: string }
  | { readonly kind: 'uses'; readonly what: string }
  | { readonly kind: 'not-uses'; readonly what: string };

export type CheckKind = Check['kind'];

export interface CheckResult {
  readonly check: Check;
  readonly pass: boolean;
  /** What the check asks for, as a goal: "The whole run takes at most 3 s of virtual time." */
  readonly description: string;
  /** Why it passed or failed, in plain words, with the numbers from the run. */
  readonly reason: string;
  /** The step that shows it (the violation, or the evidence), or null. */
  readonly step: Step | null;
}

// ---------------------------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------------------------

type Slot = { kind: 'text' } | { kind: 'int' } | { kind: 'seconds' } | { kind: 'name' };
type Part = { alts: readonly string[] } | Slot;
type Value = string | number;

interface Pattern {
  readonly parts: readonly Part[];
  readonly build: (values: readonly Value[]) => Check;
  /** Shown in the "expected one of" message. */
  readonly example: string;
}

function pattern(spec: string, build: (values: readonly Value[]) => Check): Pattern {
  const parts = spec.split(' ').map((w): Part => {
    if (w === '$text') return { kind: 'text' };
    if (w === '$n') return { kind: 'int' };
    if (w === '$t') return { kind: 'seconds' };
    if (w === '$name') return { kind: 'name' };
    return { alts: w.split('|') };
  });
  const example = parts
    .map((p) =>
      'alts' in p
        ? p.alts[0]
        : p.kind === 'text'
          ? '"…"'
          : p.kind === 'int'
            ? 'N'
            : p.kind === 'seconds'
              ? 'T'
              : 'NAME',
    )
    .join(' ');
  return { parts, build, example };
}

const bound = (w: Value): Bound => (String(w) === 'most' ? 'at-most' : 'at-least');
const TASKS = 'tasks|task';
const RUN = 'run|runs|running';

const PATTERNS: readonly Pattern[] = [
  pattern('output contains $text', ([text]) => ({ kind: 'output-contains', text: String(text) })),
  pattern('output does not contain $text', ([text]) => ({
    kind: 'output-lacks',
    text: String(text),
  })),
  pattern('output equals $text', ([text]) => ({ kind: 'output-equals', text: String(text) })),
  pattern('time at most|least $t', ([b, t]) => ({
    kind: 'time',
    bound: bound(b as string),
    seconds: Number(t),
  })),
  pattern(`at most|least $n ${TASKS} ${RUN} $name at once`, ([b, n, coro]) => ({
    kind: 'tasks-at-once',
    bound: bound(b as string),
    n: Number(n),
    coro: String(coro),
  })),
  pattern(`at most|least $n ${TASKS} ${RUN} $name`, ([b, n, coro]) => ({
    kind: 'task-count',
    bound: bound(b as string),
    n: Number(n),
    coro: String(coro),
  })),
  pattern('$name runs|run as a task', ([coro]) => ({
    kind: 'task-count',
    bound: 'at-least',
    n: 1,
    coro: String(coro),
  })),
  pattern('at most|least $n requests|request at once', ([b, n]) => ({
    kind: 'requests-at-once',
    bound: bound(b as string),
    n: Number(n),
  })),
  pattern('at most|least $n requests|request', ([b, n]) => ({
    kind: 'request-count',
    bound: bound(b as string),
    n: Number(n),
  })),
  pattern('every|all task|tasks finishes|finish|finished', () => ({ kind: 'every-task-finishes' })),
  pattern('no task fails', () => ({ kind: 'no-task-fails' })),
  pattern('no task is cancelled', () => ({ kind: 'no-task-cancelled' })),
  pattern('no blocking calls|call', () => ({ kind: 'no-blocking' })),
  pattern('no warnings', () => ({ kind: 'no-warnings' })),
  pattern('runs without error|errors', () => ({ kind: 'completes' })),
  pattern('raises $name', ([type]) => ({ kind: 'raises', type: String(type) })),
  pattern('uses $name', ([what]) => ({ kind: 'uses', what: String(what) })),
  pattern('does not use $name', ([what]) => ({ kind: 'not-uses', what: String(what) })),
];

export type CheckParse =
  | { readonly ok: true; readonly check: Check }
  | { readonly ok: false; readonly error: string };

export function parseCheck(line: string): CheckParse {
  const t = tokenize(line.trim());
  if ('error' in t) return { ok: false, error: t.error };
  for (const p of PATTERNS) {
    const values = match(p.parts, t.tokens);
    if (values !== null) {
      const check = p.build(values);
      if ('n' in check && !Number.isInteger(check.n))
        return { ok: false, error: 'N must be a whole number' };
      return { ok: true, check };
    }
  }
  return {
    ok: false,
    error: `"${line.trim()}" is not a check I know. Checks look like: ${PATTERNS.map((p) => p.example).join('; ')}`,
  };
}

function match(
  parts: readonly Part[],
  tokens: readonly { kind: 'word' | 'string'; value: string }[],
): Value[] | null {
  const values: Value[] = [];
  let i = 0;
  for (const part of parts) {
    const tok = tokens[i];
    if (tok === undefined) return null;
    if ('alts' in part) {
      if (tok.kind !== 'word' || !part.alts.includes(tok.value.toLowerCase())) return null;
      // Only the bound (most / least) carries meaning among the alternatives.
      if (part.alts.includes('most')) values.push(tok.value.toLowerCase());
      i++;
    } else if (part.kind === 'text') {
      if (tok.kind !== 'string') return null;
      values.push(tok.value);
      i++;
    } else if (part.kind === 'int') {
      if (tok.kind !== 'word' || !/^\d+$/.test(tok.value)) return null;
      values.push(Number(tok.value));
      i++;
    } else if (part.kind === 'seconds') {
      const m = tok.kind === 'word' ? /^(\d+(?:\.\d+)?)s?$/.exec(tok.value) : null;
      if (!m) return null;
      values.push(Number(m[1]));
      i++;
      const unit = tokens[i];
      if (unit?.kind === 'word' && ['s', 'second', 'seconds'].includes(unit.value.toLowerCase()))
        i++;
    } else {
      if (tok.kind === 'word' && /^(at|as|once)$/i.test(tok.value)) return null;
      values.push(tok.value);
      i++;
    }
  }
  return i === tokens.length ? values : null;
}

// ---------------------------------------------------------------------------------------------
// Descriptions
// ---------------------------------------------------------------------------------------------

const boundWords = (b: Bound) => (b === 'at-most' ? 'at most' : 'at least');
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The check as a goal, in plain words. */
export function describeCheck(check: Check): string {
  switch (check.kind) {
    case 'output-contains':
      return `The output contains ${quoteOutput(check.text)}.`;
    case 'output-lacks':
      return `The output does not contain ${quoteOutput(check.text)}.`;
    case 'output-equals':
      return `The output is exactly ${quoteOutput(check.text)}.`;
    case 'time':
      return `The whole run takes ${boundWords(check.bound)} ${seconds(check.seconds)} of virtual time.`;
    case 'tasks-at-once':
      return `${cap(boundWords(check.bound))} ${plural(check.n, 'task')} run ${check.coro} at the same time.`;
    case 'task-count':
      return check.bound === 'at-least' && check.n === 1
        ? `${check.coro} runs as a task.`
        : `${cap(boundWords(check.bound))} ${plural(check.n, 'task')} run ${check.coro}.`;
    case 'requests-at-once':
      return `${cap(boundWords(check.bound))} ${plural(check.n, 'request')} are in flight at the same time.`;
    case 'request-count':
      return `The program makes ${boundWords(check.bound)} ${plural(check.n, 'request')}.`;
    case 'every-task-finishes':
      return 'Every task the program starts finishes: none is cancelled or left waiting.';
    case 'no-task-fails':
      return 'No task ends with an exception.';
    case 'no-task-cancelled':
      return 'No task is cancelled.';
    case 'no-blocking':
      return 'No coroutine makes a blocking call (such as time.sleep or requests.get).';
    case 'no-warnings':
      return 'Python prints no warnings or error reports.';
    case 'completes':
      return 'The program runs to the end without an error.';
    case 'raises':
      return `The program ends with a ${check.type}.`;
    case 'uses':
      return `The program uses ${check.what}.`;
    case 'not-uses':
      return `The program does not use ${check.what}.`;
  }
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

// ---------------------------------------------------------------------------------------------
// Evaluation
// ---------------------------------------------------------------------------------------------

type Verdict = { pass: boolean; reason: string; step?: number | null };

export function evaluateCheck(check: Check, trace: Trace): CheckResult {
  const v = verdict(check, trace);
  return {
    check,
    pass: v.pass,
    description: describeCheck(check),
    reason: v.reason,
    step: (v.step ?? null) as Step | null,
  };
}

export interface ChecksOutcome {
  /** True when every check passed. */
  readonly pass: boolean;
  readonly results: readonly CheckResult[];
}

export function evaluateChecks(
  checks: readonly Check[] | readonly { check: Check }[],
  trace: Trace,
): ChecksOutcome {
  const results = checks.map((c) => evaluateCheck('check' in c ? c.check : c, trace));
  return { pass: results.every((r) => r.pass), results };
}

function verdict(check: Check, trace: Trace): Verdict {
  switch (check.kind) {
    case 'output-contains': {
      const step = stdoutStepContaining(trace, check.text);
      return trace.stdout.includes(check.text)
        ? { pass: true, reason: `It prints ${quoteOutput(check.text)}.`, step }
        : {
            pass: false,
            reason: `The output never contains ${quoteOutput(check.text)}.${outputSummary(trace)}`,
          };
    }
    case 'output-lacks': {
      const step = stdoutStepContaining(trace, check.text);
      return trace.stdout.includes(check.text)
        ? {
            pass: false,
            reason: `The output contains ${quoteOutput(check.text)}, and it should not.`,
            step,
          }
        : { pass: true, reason: `The output never contains ${quoteOutput(check.text)}.` };
    }
    case 'output-equals':
      return outputEquals(trace, check.text);
    case 'time': {
      const t = traceFacts(trace).endTime;
      const ok = check.bound === 'at-most' ? t <= check.seconds + 1e-9 : t >= check.seconds - 1e-9;
      const last = trace.events.length - 1;
      return {
        pass: ok,
        reason: ok
          ? `The run takes ${seconds(t)} of virtual time.`
          : `The run takes ${seconds(t)} of virtual time; the goal is ${boundWords(check.bound)} ${seconds(check.seconds)}.`,
        step: last >= 0 ? last : null,
      };
    }
    case 'tasks-at-once':
      return tasksAtOnce(trace, check.bound, check.n, check.coro);
    case 'task-count': {
      const tasks = traceFacts(trace).tasks.filter((t) => t.coro === check.coro);
      const n = tasks.length;
      const ok = check.bound === 'at-most' ? n <= check.n : n >= check.n;
      const firstStep = tasks[0]?.created ?? null;
      if (n === 0) {
        return {
          pass: ok,
          reason: ok
            ? `No task runs ${check.coro}.`
            : `No task runs ${check.coro}: it is called or awaited directly, never wrapped in a task (asyncio.create_task, gather, TaskGroup…).`,
        };
      }
      return {
        pass: ok,
        reason: `${plural(n, 'task')} ${n === 1 ? 'runs' : 'run'} ${check.coro}${ok ? '.' : `; the goal is ${boundWords(check.bound)} ${check.n}.`}`,
        step: firstStep,
      };
    }
    case 'requests-at-once':
      return requestsAtOnce(trace, check.bound, check.n);
    case 'request-count': {
      const steps = netSteps(trace);
      const n = steps.length;
      const ok = check.bound === 'at-most' ? n <= check.n : n >= check.n;
      return {
        pass: ok,
        reason: `The program makes ${plural(n, 'request')}${ok ? '.' : `; the goal is ${boundWords(check.bound)} ${check.n}.`}`,
        step: steps.at(-1) ?? null,
      };
    }
    case 'every-task-finishes':
      return everyTaskFinishes(trace);
    case 'no-task-fails': {
      const failed = programTasks(trace).find((t) => t.outcome === 'exception');
      return failed
        ? {
            pass: false,
            reason: `${describeTask(failed)} ended with ${failed.value}.`,
            step: failed.done,
          }
        : { pass: true, reason: 'No task ended with an exception.' };
    }
    case 'no-task-cancelled': {
      const cancelled = programTasks(trace).find((t) => t.outcome === 'cancelled');
      return cancelled
        ? {
            pass: false,
            reason: `${describeTask(cancelled)} was cancelled.${cancelledWhy(trace, cancelled)}`,
            step: cancelled.done,
          }
        : { pass: true, reason: 'No task was cancelled.' };
    }
    case 'no-blocking':
      return noBlocking(trace);
    case 'no-warnings': {
      const warning = warnings(trace)[0];
      return warning
        ? {
            pass: false,
            reason: `Python printed a warning: ${quoteOutput(firstLine(warning.text))}.`,
            step: warning.step,
          }
        : { pass: true, reason: 'Python printed no warnings.' };
    }
    case 'completes':
      return completes(trace);
    case 'raises': {
      const err = trace.error;
      if (err === null) {
        return {
          pass: false,
          reason: `The program ends without an exception; the goal is a ${check.type}.`,
        };
      }
      return err.type === check.type || err.type.endsWith(`.${check.type}`)
        ? {
            pass: true,
            reason: `The program ends with ${err.type}: ${err.message}`,
            step: trace.events.length - 1,
          }
        : {
            pass: false,
            reason: `The program ends with ${err.type}: ${err.message} — not a ${check.type}.`,
            step: trace.events.length - 1,
          };
    }
    case 'uses':
    case 'not-uses': {
      const step = usageStep(trace, check.what);
      const used = step !== null;
      const pass = check.kind === 'uses' ? used : !used;
      return {
        pass,
        reason: used ? `The program uses ${check.what}.` : `The program never uses ${check.what}.`,
        step: step !== null && step >= 0 ? step : null,
      };
    }
  }
}

function firstLine(text: string): string {
  return text.split('\n').find((l) => l.trim() !== '') ?? text;
}

function stdoutStepContaining(trace: Trace, text: string): number | null {
  // A text may span several prints; point at the print that completes its first occurrence.
  const at = trace.stdout.indexOf(text);
  if (at < 0) return null;
  const end = at + text.length;
  let length = 0;
  const events = trace.events;
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    if (typeof e === 'object' && e.k === 'out' && e.e !== 1) {
      length += e.s.length;
      if (length >= end) return i;
    }
  }
  return null;
}

function outputSummary(trace: Trace): string {
  const lines = trace.stdout.split('\n').filter((l) => l !== '');
  if (lines.length === 0) return ' The program printed nothing.';
  const shown = lines.slice(0, 3).map((l) => quoteOutput(l));
  return ` It printed ${shown.join(', ')}${lines.length > 3 ? ` and ${lines.length - 3} more lines` : ''}.`;
}

function outputEquals(trace: Trace, expected: string): Verdict {
  const norm = (s: string) => s.replace(/\r\n/g, '\n').replace(/\s+$/, '');
  const got = norm(trace.stdout);
  const want = norm(expected);
  if (got === want) return { pass: true, reason: 'The output is exactly as expected.' };
  const g = got.split('\n');
  const w = want.split('\n');
  for (let i = 0; i < Math.max(g.length, w.length); i++) {
    if (g[i] !== w[i]) {
      if (g[i] === undefined) {
        return {
          pass: false,
          reason: `The output stops after ${plural(g.length, 'line')}; line ${i + 1} should be ${quoteOutput(w[i] as string)}.`,
        };
      }
      if (w[i] === undefined) {
        return {
          pass: false,
          reason: `The output has more lines than expected: line ${i + 1} is ${quoteOutput(g[i] as string)}.`,
        };
      }
      return {
        pass: false,
        reason: `Line ${i + 1} of the output is ${quoteOutput(g[i] as string)}; it should be ${quoteOutput(w[i] as string)}.`,
      };
    }
  }
  return { pass: false, reason: 'The output differs from the expected output.' };
}

/** "Running" a coroutine: started (first resume) and not yet finished (task-done). */
function tasksAtOnce(trace: Trace, b: Bound, n: number, coro: string): Verdict {
  const tasks = traceFacts(trace).tasks.filter((t) => t.coro === coro && t.started !== null);
  if (tasks.length === 0) {
    return {
      pass: b === 'at-most',
      reason: `No task runs ${coro}${b === 'at-most' ? '.' : `: it is called or awaited directly, never wrapped in a task.`}`,
    };
  }
  const points: { step: number; delta: number; task: TaskFacts }[] = [];
  for (const t of tasks) {
    points.push({ step: t.started as number, delta: 1, task: t });
    if (t.done !== null) points.push({ step: t.done, delta: -1, task: t });
  }
  // At one step a task cannot both finish and start, so the order within a step does not matter.
  points.sort((a, b2) => a.step - b2.step || a.delta - b2.delta);
  const running = new Set<TaskFacts>();
  let best = 0;
  let bestStep = 0;
  let bestTasks: TaskFacts[] = [];
  for (const p of points) {
    if (p.delta > 0) running.add(p.task);
    else running.delete(p.task);
    if (running.size > best) {
      best = running.size;
      bestStep = p.step;
      bestTasks = [...running];
    }
  }
  const ok = b === 'at-most' ? best <= n : best >= n;
  const names = bestTasks.map((t) => t.name).join(', ');
  return {
    pass: ok,
    reason: ok
      ? `At most ${plural(best, 'task')} ran ${coro} at the same time (${names}).`
      : b === 'at-most'
        ? `${cap(plural(best, 'task'))} ran ${coro} at the same time (${names}); the goal is at most ${n}.`
        : `At most ${plural(best, 'task')} ran ${coro} at the same time (${names}); the goal is at least ${n}.`,
    step: bestStep,
  };
}

function netSteps(trace: Trace): number[] {
  const steps: number[] = [];
  trace.events.forEach((e, i) => {
    if (typeof e === 'object' && e.k === 'net') steps.push(i);
  });
  return steps;
}

/** A request is in flight from the moment it is sent until its latency has passed. */
function requestsAtOnce(trace: Trace, b: Bound, n: number): Verdict {
  const time = traceFacts(trace).time;
  const steps = netSteps(trace);
  if (steps.length === 0) {
    return { pass: b === 'at-most', reason: 'The program makes no requests.' };
  }
  const open: number[] = []; // end times of requests in flight
  let best = 0;
  let bestStep = steps[0] as number;
  for (const s of steps) {
    const e = trace.events[s] as { lat: number };
    // Before the first event time is 0; the net event itself does not move the clock.
    const start = s > 0 ? (time[s - 1] as number) : 0;
    for (let i = open.length - 1; i >= 0; i--)
      if ((open[i] as number) <= start + 1e-9) open.splice(i, 1);
    open.push(start + e.lat);
    if (open.length > best) {
      best = open.length;
      bestStep = s;
    }
  }
  const ok = b === 'at-most' ? best <= n : best >= n;
  return {
    pass: ok,
    reason: ok
      ? `At most ${plural(best, 'request')} ${best === 1 ? 'was' : 'were'} in flight at the same time.`
      : `${cap(plural(best, 'request'))} ${best === 1 ? 'was' : 'were'} in flight at the same time; the goal is ${boundWords(b)} ${n}.`,
    step: bestStep,
  };
}

/** The program's tasks: every task except those asyncio.run creates for its own shutdown. */
function programTasks(trace: Trace): TaskFacts[] {
  return traceFacts(trace).tasks.filter((t) => !isShutdownTask(t));
}

function cancelledWhy(trace: Trace, task: TaskFacts): string {
  const main = traceFacts(trace).tasks[0];
  if (main && main !== task && main.done !== null && task.done !== null && task.done > main.done) {
    return ` ${main.name} (${main.coro}) had already returned, and asyncio.run cancels every task still running when it does: nothing awaited ${task.name}.`;
  }
  return '';
}

function everyTaskFinishes(trace: Trace): Verdict {
  for (const t of programTasks(trace)) {
    if (t.outcome === 'cancelled') {
      return {
        pass: false,
        reason: `${describeTask(t)} was cancelled before it finished.${cancelledWhy(trace, t)}`,
        step: t.done,
      };
    }
    if (t.outcome === null) {
      return {
        pass: false,
        reason: `${describeTask(t)} never finished: the run ended while it was still ${t.started === null ? 'waiting to start' : 'waiting'}.`,
        step: trace.events.length - 1,
      };
    }
  }
  return { pass: true, reason: 'Every task finished.' };
}

function noBlocking(trace: Trace): Verdict {
  const time = traceFacts(trace).time;
  const events = trace.events;
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    if (typeof e === 'object' && e.k === 'block' && e.t !== null) {
      const task = traceFacts(trace).tasks.find((t) => t.id === e.t);
      const before = i > 0 ? (time[i - 1] as number) : 0;
      const who = task ? describeTask(task) : `task ${e.t}`;
      return {
        pass: false,
        reason: `${who} called ${e.by} inside a coroutine: the whole event loop stood still for ${seconds(e.at - before)}, and no other task could run.`,
        step: i,
      };
    }
  }
  return { pass: true, reason: 'No coroutine blocked the event loop.' };
}

/** Output on stderr other than the traceback of an exception that ended the run. */
function warnings(trace: Trace): { step: number; text: string }[] {
  const found: { step: number; text: string }[] = [];
  const tb = trace.error?.traceback ?? null;
  trace.events.forEach((e, i) => {
    if (typeof e === 'object' && e.k === 'out' && e.e === 1) {
      if (tb !== null && (e.s === tb || e.s.endsWith(tb) || tb.endsWith(e.s))) return;
      found.push({ step: i, text: e.s });
    }
  });
  return found;
}

function completes(trace: Trace): Verdict {
  const last = trace.events.length - 1;
  if (trace.status === 'error' && trace.error) {
    const where = trace.error.line !== null ? ` at line ${trace.error.line}` : '';
    return {
      pass: false,
      reason: `The program stopped with ${trace.error.type}${trace.error.message ? `: ${trace.error.message}` : ''}${where}.`,
      step: last >= 0 ? last : null,
    };
  }
  if (trace.status === 'limit' && trace.limit) {
    return {
      pass: false,
      reason: `The run did not finish: ${trace.limit.message}`,
      step: last >= 0 ? last : null,
    };
  }
  if (trace.stats.exit !== undefined && trace.stats.exit !== null && trace.stats.exit !== 0) {
    return {
      pass: false,
      reason: `The program exited with code ${trace.stats.exit}.`,
      step: last >= 0 ? last : null,
    };
  }
  return { pass: true, reason: 'The program ran to the end.' };
}

const WAIT_NAMES: Readonly<Record<string, string>> = {
  gather: 'gather',
  wait: 'wait',
  as_completed: 'as-completed',
  'as-completed': 'as-completed',
  shield: 'shield',
};

/**
 * The step where `what` is first used, or null: an asyncio object type (Queue, Semaphore,
 * TaskGroup, Future…), a simulated module (aiohttp, requests), a way of waiting (gather, wait,
 * as_completed, shield, timeout), or a blocking call by name (time.sleep). -1: used, no step.
 */
function usageStep(trace: Trace, what: string): number | null {
  const name = what.replace(/^asyncio\./, '');
  const lower = name.toLowerCase();
  const events = trace.events;
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    if (typeof e !== 'object') continue;
    if (e.k === 'object' && e.type.toLowerCase() === lower) return i;
    if (e.k === 'net' && e.lib.toLowerCase() === lower) return i;
    if (e.k === 'suspend' && WAIT_NAMES[lower] === e.w.on) return i;
    if (e.k === 'timer' && e.why === 'timeout' && (lower === 'timeout' || lower === 'wait_for'))
      return i;
    if (e.k === 'block' && e.by.startsWith(`${name}(`)) return i;
  }
  if (trace.simulated.some((m) => m.toLowerCase() === lower)) return -1;
  if (trace.objects.some((o) => o.type.toLowerCase() === lower)) return -1;
  return null;
}

// Re-exported for callers that format numbers the same way.
export { formatNumber };
