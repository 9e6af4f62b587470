/**
 * Network waits in words: a task waiting on a simulated aiohttp response reads as what the
 * program did — "waiting for the response to GET https://a.com (arrives at 0.4 s)" — not as the
 * simulation's internal sleep. The tracer marks such a wait (`net` on a sleep wait; see
 * eventlooplab/netwaits.py) and keeps only the program's coroutines in its `via`.
 *
 * `describeWaitWords` (waits.ts), the one place that words a wait (task card, narration, editor
 * hover, timeline), says this for a sleep that is really a response.
 */
import type { Wait } from '../types.ts';
import { seconds } from './numbers.ts';
import type { CodePart, Words } from './parts.ts';

type SleepWait = Extract<Wait, { on: 'sleep' }>;

/**
 * `the response to GET https://a.com (arrives at 0.4 s)`, for sentences that say what a task
 * awaits ("Task-2 awaits …", "worker waits: …"); null when the wait is not a network wait.
 */
export function netWaitWords(wait: Wait): Words | null {
  if (wait.on !== 'sleep' || !wait.net) return null;
  const request: CodePart = { code: `${wait.net.method} ${wait.net.url}` };
  return ['the response to ', request, ` (arrives at ${arrival(wait)})`];
}

/** `waiting for the response to GET https://a.com (arrives at 0.4 s)`, a phrase of its own. */
export function netWaitText(wait: Wait): string | null {
  if (wait.on !== 'sleep' || !wait.net) return null;
  return `waiting for the response to ${wait.net.method} ${wait.net.url} (arrives at ${arrival(wait)})`;
}

function arrival(wait: SleepWait): string {
  return seconds(wait.until);
}
