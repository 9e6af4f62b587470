/**
 * Checks on the run as a whole: its virtual time, its requests, blocking calls, how it ends,
 * and what it uses.
 */
import {
  eventsOfKind,
  findEvent,
  type Trace,
  taskSummary,
  traceIndex,
  virtualTimeAt,
} from '../../trace/index.ts';
import { cap, plural, stuckTasks, stuckTaskText, unfinishedWhy } from '../../trace/words.ts';
import { describeTask, seconds } from '../lesson-words.ts';
import type { Bound } from './syntax.ts';
import type { Verdict } from './verdict.ts';
import { boundWords, within } from './words.ts';

export function runTime(trace: Trace, b: Bound, goal: number): Verdict {
  const t = traceIndex(trace).endTime;
  const ok = b === 'at-most' ? t <= goal + 1e-9 : t >= goal - 1e-9;
  const last = trace.events.length - 1;
  return {
    pass: ok,
    reason: ok
      ? `The run takes ${seconds(t)} of virtual time.`
      : `The run takes ${seconds(t)} of virtual time; the goal is ${boundWords(b)} ${seconds(goal)}.`,
    step: last >= 0 ? last : null,
  };
}

export function requestCount(trace: Trace, b: Bound, goal: number): Verdict {
  const requests = eventsOfKind(trace, 'net');
  const n = requests.length;
  const ok = within(b, n, goal);
  return {
    pass: ok,
    reason: `The program makes ${plural(n, 'request')}${ok ? '.' : `; the goal is ${boundWords(b)} ${goal}.`}`,
    step: requests.at(-1)?.step ?? null,
  };
}

/** A request is in flight from the moment it is sent until its latency has passed. */
export function requestsAtOnce(trace: Trace, b: Bound, n: number): Verdict {
  const requests = eventsOfKind(trace, 'net');
  if (requests.length === 0) {
    return { pass: b === 'at-most', reason: 'The program makes no requests.' };
  }
  const open: number[] = []; // end times of requests in flight
  let best = 0;
  let bestStep = requests[0]?.step as number;
  for (const { step, event } of requests) {
    // The net event itself does not move the clock: the request starts at the time before it.
    const start = virtualTimeAt(trace, step - 1);
    for (let i = open.length - 1; i >= 0; i--)
      if ((open[i] as number) <= start + 1e-9) open.splice(i, 1);
    open.push(start + event.latency);
    if (open.length > best) {
      best = open.length;
      bestStep = step;
    }
  }
  const ok = within(b, best, n);
  const flight = `${plural(best, 'request')} ${best === 1 ? 'was' : 'were'} in flight at the same time`;
  return {
    pass: ok,
    // "At most" only beside a cap, "no more than" beside an unmet "at least".
    reason: cap(
      `${b === 'at-most' && ok ? 'at most ' : b === 'at-least' && !ok ? 'no more than ' : ''}${flight}${ok ? '.' : `; the goal is ${boundWords(b)} ${n}.`}`,
    ),
    step: bestStep,
  };
}

export function noBlocking(trace: Trace): Verdict {
  const block = findEvent(trace, 'block', (e) => e.task !== null);
  if (block === null) return { pass: true, reason: 'No coroutine blocked the event loop.' };
  const { step, event } = block;
  const task = event.task === null ? undefined : taskSummary(trace, event.task);
  const who = task ? describeTask(task) : `task ${event.task}`;
  const stood = event.at - virtualTimeAt(trace, step - 1);
  return {
    pass: false,
    reason: `${who} called ${event.by} inside a coroutine: the whole event loop stood still for ${seconds(stood)}, and no other task could run.`,
    step,
  };
}

export function completes(trace: Trace): Verdict {
  const last = trace.events.length - 1;
  const step = last >= 0 ? last : null;
  if (trace.status === 'error' && trace.error) {
    const where = trace.error.line !== null ? ` at line ${trace.error.line}` : '';
    return {
      pass: false,
      reason: `The program stopped with ${trace.error.type}${trace.error.message ? `: ${trace.error.message}` : ''}${where}.`,
      step,
    };
  }
  const why = unfinishedWhy(trace);
  if (why !== null) {
    const stuck = stuckTasks(trace).filter((t) => t.waits !== null);
    const who = trace.limit?.kind === 'deadlock' && stuck.length > 0;
    return {
      pass: false,
      reason: `The run did not finish: it ${why}${who ? ` (${stuck.map(stuckTaskText).join('; ')})` : ''}.`,
      step,
    };
  }
  if (trace.stats.exit !== undefined && trace.stats.exit !== null && trace.stats.exit !== 0) {
    return { pass: false, reason: `The program exited with code ${trace.stats.exit}.`, step };
  }
  return { pass: true, reason: 'The program ran to the end.' };
}

export function raises(trace: Trace, type: string): Verdict {
  const err = trace.error;
  if (err === null) {
    return {
      pass: false,
      reason: `The program ends without an exception; the goal is a ${type}.`,
    };
  }
  const step = trace.events.length - 1;
  return err.type === type || err.type.endsWith(`.${type}`)
    ? { pass: true, reason: `The program ends with ${err.type}: ${err.message}`, step }
    : {
        pass: false,
        reason: `The program ends with ${err.type}: ${err.message} — not a ${type}.`,
        step,
      };
}

export function uses(trace: Trace, what: string, wanted: boolean): Verdict {
  const step = usageStep(trace, what);
  const used = step !== null;
  return {
    pass: wanted ? used : !used,
    reason: used ? `The program uses ${what}.` : `The program never uses ${what}.`,
    step: step !== null && step >= 0 ? step : null,
  };
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
  const timeout = lower === 'timeout' || lower === 'wait_for';
  const wait = WAIT_NAMES[lower];
  const found = [
    findEvent(trace, 'object', (e) => e.type.toLowerCase() === lower),
    findEvent(trace, 'net', (e) => e.lib.toLowerCase() === lower),
    wait ? findEvent(trace, 'suspend', (e) => e.wait.on === wait) : null,
    timeout ? findEvent(trace, 'timer', (e) => e.why === 'timeout') : null,
    findEvent(trace, 'block', (e) => e.by.startsWith(`${name}(`)),
  ].flatMap((f) => (f === null ? [] : [f.step as number]));
  if (found.length > 0) return Math.min(...found);
  if (trace.simulated.some((m) => m.toLowerCase() === lower)) return -1;
  if (trace.objects.some((o) => o.type.toLowerCase() === lower)) return -1;
  return null;
}
