/**
 * The coach on a run the lab stopped (`limit.kind`, structured in the trace): the limit's own
 * sentence already says which limit and how to raise it; the coach says what the program was
 * doing, in its own terms, and how to go on. A deadlock points at every waiting line.
 */
import { type Advice, advice, LESSONS, taskLabel } from './coach-advice.ts';
import { linesText } from './coach-stalls.ts';
import { asStep, asTaskId, type TaskId } from './ids.ts';
import { stateAt } from './replay.ts';
import { traceIndex } from './trace-index.ts';
import type { Trace } from './types.ts';
import { describeWait, limitText } from './words.ts';

/** Lines of the last stretch of the run (where a runaway loop is), most run first. */
function hotLines(trace: Trace, window = 2000): number[] {
  const counts = new Map<number, number>();
  const { events } = trace;
  for (let i = Math.max(0, events.length - window); i < events.length; i++) {
    const e = events[i];
    if (typeof e === 'number') counts.set(e, (counts.get(e) ?? 0) + 1);
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([line]) => line);
}

/**
 * The task holding control at the end, from the per-trace index: a run stopped after a million
 * steps (the step limit, Stop) is told without replaying it to its end in one go (tens of ms
 * before the warm-up has built its checkpoints). Only a deadlock and the time limit need the
 * state at the end, and replay to it.
 */
function holderAtEnd(trace: Trace): { id: TaskId } | null {
  const held = traceIndex(trace).holder[trace.events.length - 1] ?? 0;
  return held === 0 ? null : { id: asTaskId(held) };
}

export function limitAdvice(trace: Trace): Advice | null {
  const limit = trace.limit;
  const n = trace.events.length;
  if (!limit || n === 0) return null;
  // A deadlock's sentence in the page's words (seconds as 0.0 s, waits as the cards say them).
  const cpython = limitText(trace) ?? limit.message;
  const holder = holderAtEnd(trace);
  switch (limit.kind) {
    case 'deadlock': {
      const last = stateAt(trace, n - 1);
      const waiting = last.tasks.filter((t) => t.wait !== null && t.state === 'waiting');
      const who = waiting
        .map(
          (t) =>
            `${t.name} at line ${t.line ?? '?'} (${t.wait ? describeWait(last, t.wait, trace) : 'something'})`,
        )
        .join('; ');
      return advice('deadlock', {
        cpython,
        by: 'lab',
        explanation: `${waiting.length === 1 ? 'The only task left is waiting' : 'Every task is waiting'}, and nothing left to run could ever give it what it waits for: ${who}. No timer is set, so nothing will wake ${waiting.length === 1 ? 'it' : 'them'}.`,
        fix: 'Make sure something puts the item, sets the event, releases the lock or resolves the future each of them waits for; or put a time limit on the wait with `async with asyncio.timeout(5):`.',
        lines: waiting.map((t) => t.line),
        lesson: LESSONS.timeouts,
      });
    }
    case 'steps': {
      const lines = hotLines(trace);
      const who = holder ? taskLabel(trace, holder.id) : 'the program';
      return advice('step-limit', {
        cpython,
        by: 'lab',
        explanation: `${who} was still going after ${n.toLocaleString('en-US')} steps, running ${linesText(lines)} over and over: most likely a loop that never ends${holder ? ', and since it never awaits, no other task gets a turn' : ''}.`,
        fix: "Check the loop's condition (what makes it stop?). A `while True:` in a task needs a `break`, a `return`, or an `await` inside so that other tasks can run.",
        lines,
        step: asStep(n - 1),
        lesson: holder ? LESSONS.noAwaitNoTurns : null,
      });
    }
    case 'time': {
      const last = stateAt(trace, n - 1);
      const never = last.timers.some((t) => !Number.isFinite(t.at));
      return advice('time-limit', {
        cpython,
        by: 'lab',
        explanation: never
          ? 'The program waits on a timer that never fires (an infinite sleep or delay, such as `asyncio.sleep(math.inf)`), and nothing cancels it: real Python would wait forever.'
          : 'The program kept waiting on timers for more than a day of virtual time: most likely a loop that sleeps and never ends.',
        fix: never
          ? 'Cancel the waiting task (`task.cancel()`) or bound the wait with `async with asyncio.timeout(…)`.'
          : 'Give the loop an end (a counter, a condition, or `async with asyncio.timeout(…)` around it).',
        lines: last.tasks.filter((t) => t.state === 'waiting').map((t) => t.line),
        lesson: LESSONS.timeouts,
      });
    }
    case 'output': {
      const lines = hotLines(trace);
      return advice('output-limit', {
        cpython,
        by: 'lab',
        explanation: `The program printed more than the console keeps, mostly from ${linesText(lines).replace(/^at /, '')}: probably a print inside a loop that never ends.`,
        fix: 'Print less (every hundredth round, or only a summary at the end), or give the loop an end.',
        lines,
      });
    }
    case 'wall':
      return advice('wall-limit', {
        cpython,
        by: 'lab',
        explanation: `The program ran too long in real time and was stopped${holder ? ` while ${taskLabel(trace, holder.id)} held control` : ''}: some computation takes far more steps than the page can trace.`,
        fix: 'Make the work smaller (fewer rounds, smaller numbers) so that it finishes in a few seconds.',
        lines: hotLines(trace),
      });
    default:
      return null;
  }
}
