/**
 * The editor's hovers in words: where each party is in the program at a step ("Task-2 is running
 * line 5", "worker is ready and waits for its turn (number 1 in the ready queue)"). The editor
 * (src/ui/editor/markers.ts) finds who is where; the sentences are here. Markdown: program text
 * is in backticks.
 */
import { cap, seconds } from './numbers.ts';

/** What blocks the loop while the party runs, as a clause to append: ` — \`time.sleep(2)\` …`. */
export function blocksLoopClause(by: string, until: number): string {
  return ` — \`${by}\` blocks the whole loop until ${seconds(until)}`;
}

/** `Task-2 is running line 5`, with what blocks the loop (`blocked`: a clause or ''). */
export function runningLineText(name: string, line: number | null, blocked = ''): string {
  return `${name} is running line ${line}${blocked}`;
}

/** Module-level code at `line` (no event loop runs). */
export function moduleLineText(line: number, blocked = ''): string {
  return runningLineText('The program (module level)', line, blocked);
}

/** A plain callback (`callback say()`) at `line`, run by the loop with no task in control. */
export function callbackLineText(callback: string, line: number, blocked = ''): string {
  return `${cap(callback)} is running line ${line} (the event loop runs it; no task holds control)${blocked}`;
}

/** `Task-2 is ready and waits for its turn (number 1 in the ready queue)`; `place` is 0-based. */
export function readyTurnText(name: string, place: number | null): string {
  const where = place === null ? 'in the ready queue' : `number ${place + 1} in the ready queue`;
  return `${name} is ready and waits for its turn (${where})`;
}

/** `Task-2 waits: sleep until 1.0 s`, given the wait in Markdown. */
export function waitsText(name: string, wait: string): string {
  return `${name} waits: ${wait}`;
}

/** A task suspended with nothing to say about what it awaits. */
export function suspendedLineText(name: string, line: number | null): string {
  return `${name} is suspended at line ${line}`;
}
