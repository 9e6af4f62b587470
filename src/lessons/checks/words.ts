/** How checks say their goals: each check as a sentence, and the words for bounds. */
import { cap, plural } from '../../trace/words.ts';
import { quoteOutput, seconds } from '../lesson-words.ts';
import type { Bound, Check } from './syntax.ts';

export const boundWords = (b: Bound) => (b === 'at-most' ? 'at most' : 'at least');

/** Whether `value` keeps within `bound` of `n`. */
export function within(bound: Bound, value: number, n: number): boolean {
  return bound === 'at-most' ? value <= n : value >= n;
}

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
