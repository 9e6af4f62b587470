/**
 * The coach: what a run's error, warning or stall means for a learner, and the fix. Pure
 * functions of the trace, so the console, the status bar, the editor, lessons and the CLI all
 * say the same thing. CPython's own message is never changed: each piece of advice carries it
 * (`cpython`) and adds an explanation beside it.
 *
 * Signals come from the trace's structure wherever it has one (the error's type and line, the
 * limit's kind, `block` events and resume→suspend spans, task outcomes); asyncio's warnings
 * exist only as the text CPython writes to stderr, so those are read in CPython's own fixed
 * formats (coach-warnings.ts).
 */

import type { Advice } from './coach-advice.ts';
import { swallowedCancelAdvice } from './coach-cancel.ts';
import { errorAdvice } from './coach-errors.ts';
import { limitAdvice } from './coach-limits.ts';
import { stallAdvice } from './coach-stalls.ts';
import { timeoutSwallowAdvice, timeoutSwallows } from './coach-timeout.ts';
import { warningAdvice } from './coach-warnings.ts';
import type { Trace } from './types.ts';

export type { Advice, CoachTopic, LessonLink } from './coach-advice.ts';
export { adviceSummary, adviceText, LESSONS } from './coach-advice.ts';

/** The console, the status bar and the editor all ask for the same trace's advice. */
const cache = new WeakMap<Trace, readonly Advice[]>();
const NONE: readonly Advice[] = Object.freeze([]);

/**
 * Everything the coach has to say about a run, most important first: the error or limit that
 * ended it, then warnings and stalls in the order they happened. Nothing yet while the run goes
 * on (a live trace, limit kind `running`): its advice comes with the final trace, rather than
 * scans of every event so far for each live picture of a long run.
 */
export function coach(trace: Trace): readonly Advice[] {
  if (trace.limit?.kind === 'running') return NONE;
  const cached = cache.get(trace);
  if (cached) return cached;
  const out: Advice[] = [];
  const ended = errorAdvice(trace) ?? limitAdvice(trace);
  if (ended) out.push(ended);
  const inTimeouts = timeoutSwallows(trace);
  out.push(
    ...warningAdvice(trace),
    ...timeoutSwallowAdvice(trace, inTimeouts),
    ...swallowedCancelAdvice(trace, new Set(inTimeouts.map((s) => s.task))),
    ...stallAdvice(trace),
  );
  cache.set(trace, out);
  return out;
}
