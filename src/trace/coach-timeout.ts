/**
 * The coach on a cancellation swallowed inside `async with asyncio.timeout(…)` (or `wait_for`,
 * which is built on it). When the timeout expires it cancels its task; at the end of the block it
 * takes that request back (`uncancel()`) and turns the CancelledError into TimeoutError, but only
 * if a CancelledError is still on its way out. A handler inside the block that catches it and does
 * not re-raise leaves nothing to turn: no TimeoutError, and the program goes on after the block as
 * if the wait had finished. CPython says nothing; the learner's `except TimeoutError` never runs.
 *
 * Facts read from the trace (docs/trace-format.md): the `timer` with `why: "timeout"` that the task
 * scheduled (the line before it is the `async with`), its `callback` (the timeout expiring), the
 * task's next `resume` whose `cn` (Task.cancelling()) rose (the CancelledError delivered), the first
 * handler line that catches a CancelledError with its body running next, in that same turn (the
 * exception travels up at once; a later handler catches something else), and a later `resume` or
 * `task-done` whose `cn` fell back (the timeout took the request back at the block's end). The
 * swallow in coach-cancel.ts cannot see this case: by the end the request is gone.
 */
import { type Advice, advice, LESSONS, sourceLine, taskLabel } from './coach-advice.ts';
import { catchesCancel, firstCancelDelivery, handlerRaises } from './coach-cancel.ts';
import { asStep } from './ids.ts';
import type { RawEvent, Trace } from './types.ts';
import { seconds } from './words.ts';

interface Expiry {
  /** The line that scheduled the timeout (the `async with asyncio.timeout(…)` or wait_for). */
  readonly line: number | null;
  /** Virtual time it expired. */
  readonly at: number;
}

interface Watch {
  readonly expiry: Expiry;
  /** Task.cancelling() when the CancelledError was delivered. */
  readonly count: number;
  /** A handler line that may catch it, waiting for the next line to show its body runs. */
  candidate: { step: number; line: number; text: string } | null;
  caught: { step: number; line: number; text: string } | null;
  /** Still in the turn that delivered it: a handler that catches it runs in that turn. */
  open: boolean;
}

/** Found swallows, per task. */
export interface TimeoutSwallow {
  readonly task: number;
  readonly expiry: Expiry;
  readonly step: number;
  readonly line: number;
  readonly text: string;
}

const indentOf = (s: string) => /^\s*/.exec(s)?.[0].length ?? 0;

/**
 * Whether line `next` runs as the body of the handler at `line`: deeper inside it, or anything
 * but a sibling clause after a one-line handler (`except CancelledError: pass`). A handler whose
 * type does not match is only evaluated; the next clause (or what follows) runs then.
 */
function bodyRuns(lines: readonly string[], line: number, next: number): boolean {
  const head = lines[line - 1] ?? '';
  const nextText = lines[next - 1] ?? '';
  if (next > line && indentOf(nextText) > indentOf(head)) {
    for (let j = line; j < next - 1; j++) {
      const t = lines[j] as string;
      if (t.trim() !== '' && indentOf(t) <= indentOf(head)) return false;
    }
    return true;
  }
  const oneLine = /:\s*[^\s#]/.test(head.slice(head.indexOf(':')));
  const sibling = /^\s*(except\b|finally\s*:|else\s*:)/.test(nextText);
  return oneLine && !(sibling && indentOf(nextText) === indentOf(head));
}

export function timeoutSwallows(trace: Trace): TimeoutSwallow[] {
  // No CancelledError delivered, no swallow: nothing to scan (see firstCancelDelivery).
  if (firstCancelDelivery(trace) < 0) return [];
  const lines = trace.source.split('\n');
  const timers = new Map<number, { task: number; line: number | null }>();
  const expired = new Map<number, Expiry>();
  const watching = new Map<number, Watch>();
  const lastCount = new Map<number, number>();
  const found = new Map<number, TimeoutSwallow>();
  let holder: number | null = null;
  let lastLine: number | null = null;
  let now = 0;
  const settle = (t: number, count: number) => {
    const w = watching.get(t);
    if (w?.caught && count < w.count && !handlerRaises(lines, w.caught.line) && !found.has(t))
      found.set(t, { task: t, expiry: w.expiry, ...w.caught });
    if (w?.caught && count < w.count) watching.delete(t);
  };
  const { events } = trace;
  for (let i = 0; i < events.length; i++) {
    const e = events[i] as RawEvent;
    if (typeof e === 'number') {
      lastLine = e;
      // Lines matter only while a delivered CancelledError is watched (a plain loop that
      // skips them cheaply: a long run is mostly lines).
      if (watching.size === 0) continue;
      const w = holder === null ? undefined : watching.get(holder);
      if (!w || w.caught || !w.open) continue;
      if (w.candidate && bodyRuns(lines, w.candidate.line, e)) w.caught = w.candidate;
      else if (catchesCancel(lines[e - 1] ?? '')) w.candidate = { step: i, line: e, text: '' };
      else w.candidate = null;
      if (w.caught) w.caught.text = (lines[w.caught.line - 1] ?? '').trim();
      continue;
    }
    switch (e.k) {
      case 'clock':
        now = e.at;
        break;
      case 'timer':
        if (e.why === 'timeout' && e.t !== undefined)
          timers.set(e.h, { task: e.t, line: lastLine });
        break;
      case 'callback': {
        const timer = timers.get(e.h);
        if (timer) expired.set(timer.task, { line: timer.line, at: now });
        holder = null;
        break;
      }
      case 'resume': {
        holder = e.t;
        lastLine = null;
        const count = e.cn ?? 0;
        const expiry = expired.get(e.t);
        settle(e.t, count);
        if (expiry && count > (lastCount.get(e.t) ?? 0)) {
          watching.set(e.t, { expiry, count, candidate: null, caught: null, open: true });
          expired.delete(e.t);
        }
        lastCount.set(e.t, count);
        break;
      }
      case 'task-done':
        // Ended cancelled or with an exception: the CancelledError (or TimeoutError) went on.
        if (e.r !== undefined) settle(e.t, e.cn ?? 0);
        watching.delete(e.t);
        holder = null;
        break;
      case 'suspend': {
        // The delivering turn is over: caught by now, or it went on (as a TimeoutError).
        const w = watching.get(e.t);
        if (w && !w.caught) watching.delete(e.t);
        else if (w) w.open = false;
        holder = null;
        break;
      }
    }
  }
  return [...found.values()];
}

export function timeoutSwallowAdvice(
  trace: Trace,
  found: readonly TimeoutSwallow[] = timeoutSwallows(trace),
): Advice[] {
  return found.map((s) => {
    const where = s.expiry.line === null ? '' : ` at line ${s.expiry.line}`;
    // wait_for is asyncio.timeout() around one await: the same story, told in its own words.
    const waitFor = /\bwait_for\s*\(/.test(sourceLine(trace, s.expiry.line));
    const end = waitFor
      ? 'when `wait_for` finished, the timeout took its cancellation back and raised no `TimeoutError`: `wait_for` returned what the coroutine returned, as if it had finished in time'
      : 'at the end of the `async with` block the timeout took its cancellation back and raised no `TimeoutError`: the program went on after the block as if the wait had finished';
    return advice('cancel-swallowed', {
      explanation: `The timeout${where} expired at ${seconds(s.expiry.at)} and cancelled ${taskLabel(trace, s.task)}, but \`${s.text}\` at line ${s.line} caught that CancelledError and did not re-raise it. So ${end}, and an \`except TimeoutError\` never runs.`,
      fix: `Inside a timeout, let the CancelledError go on: remove that handler, or end it with \`raise\` after any clean-up (a \`finally:\` is the place for clean-up). Then catch \`TimeoutError\` outside ${waitFor ? '`wait_for`' : 'the `async with asyncio.timeout(…)` block'}.`,
      lines: [s.line, s.expiry.line],
      step: asStep(s.step),
      lesson: LESSONS.cancellation,
    });
  });
}
