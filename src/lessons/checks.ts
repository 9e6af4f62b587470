/**
 * Exercise checks: one line of a `checks` block each, evaluated on the learner's own trace, so a
 * check judges what the program *did*, not only what it printed. Every result says pass or fail
 * and why, in plain words, and points at the step that shows it when there is one.
 *
 * The language is in checks/syntax.ts, the goals in words in checks/words.ts, and the verdicts
 * by what they look at: output (checks/output.ts), tasks (checks/tasks.ts), the run as a whole
 * (checks/run.ts).
 */
import type { Step, Trace } from '../trace/index.ts';
import { unfinishedWhy } from '../trace/words.ts';
import { noWarnings, outputContains, outputEquals, outputLacks } from './checks/output.ts';
import {
  completes,
  noBlocking,
  raises,
  requestCount,
  requestsAtOnce,
  runTime,
  uses,
} from './checks/run.ts';
import type { Check } from './checks/syntax.ts';
import {
  everyTaskFinishes,
  noTaskCancelled,
  noTaskFails,
  taskCount,
  tasksAtOnce,
} from './checks/tasks.ts';
import type { Verdict } from './checks/verdict.ts';
import { describeCheck } from './checks/words.ts';

export type { Check, CheckKind, CheckParse } from './checks/syntax.ts';
export { parseCheck } from './checks/syntax.ts';
export { describeCheck };

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

export interface ChecksOutcome {
  /** True when every check passed. */
  readonly pass: boolean;
  readonly results: readonly CheckResult[];
}

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

export function evaluateChecks(
  checks: readonly Check[] | readonly { check: Check }[],
  trace: Trace,
): ChecksOutcome {
  const results = checks.map((c) => evaluateCheck('check' in c ? c.check : c, trace));
  return { pass: results.every((r) => r.pass), results };
}

/**
 * Checks about time and concurrency judge a run by its end; a run that never got there (a
 * deadlock, the step limit) has none, and "takes at most 2 s" would pass only because it stopped.
 */
const NEED_AN_END: ReadonlySet<Check['kind']> = new Set([
  'time',
  'tasks-at-once',
  'requests-at-once',
]);

function verdict(check: Check, trace: Trace): Verdict {
  const why = NEED_AN_END.has(check.kind) ? unfinishedWhy(trace) : null;
  if (why !== null) {
    return {
      pass: false,
      reason: `The run did not finish (it ${why}), so this cannot be judged yet: make it run to the end first.`,
      step: trace.events.length - 1,
    };
  }
  switch (check.kind) {
    case 'output-contains':
      return outputContains(trace, check.text);
    case 'output-lacks':
      return outputLacks(trace, check.text);
    case 'output-equals':
      return outputEquals(trace, check.text);
    case 'time':
      return runTime(trace, check.bound, check.seconds);
    case 'tasks-at-once':
      return tasksAtOnce(trace, check.bound, check.n, check.coro);
    case 'task-count':
      return taskCount(trace, check.bound, check.n, check.coro);
    case 'requests-at-once':
      return requestsAtOnce(trace, check.bound, check.n);
    case 'request-count':
      return requestCount(trace, check.bound, check.n);
    case 'every-task-finishes':
      return everyTaskFinishes(trace);
    case 'no-task-fails':
      return noTaskFails(trace);
    case 'no-task-cancelled':
      return noTaskCancelled(trace);
    case 'no-blocking':
      return noBlocking(trace);
    case 'no-warnings':
      return noWarnings(trace);
    case 'completes':
      return completes(trace);
    case 'raises':
      return raises(trace, check.type);
    case 'uses':
      return uses(trace, check.what, true);
    case 'not-uses':
      return uses(trace, check.what, false);
  }
}
