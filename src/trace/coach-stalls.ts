/**
 * Stalls: a task that held the loop too long, so that nothing else could run — what asyncio's
 * debug mode reports as "Executing <Task …> took 0.300 seconds" (its slow_callback_duration is
 * 100 ms). In the trace a turn is a task's resume up to its next suspend or finish: a turn whose
 * virtual time advanced more than 100 ms was blocked by a blocking call (`block` events:
 * `time.sleep`, the simulated `requests`), and a turn of thousands of lines with no await is a
 * long computation (the virtual clock does not move for CPU work, so its length in lines stands
 * in for its duration).
 */
import { type Advice, advice, LESSONS, taskLabel } from './coach-advice.ts';
import { asStep, type Step, type TaskId } from './ids.ts';
import type { RawEvent, Trace } from './types.ts';
import { seconds } from './words.ts';

/** asyncio's debug-mode threshold (`loop.slow_callback_duration`), in virtual seconds. */
export const SLOW_TURN = 0.1;
/** Lines run in one turn without an await that count as a long computation. */
export const LONG_TURN_LINES = 5000;

export interface Stall {
  readonly task: TaskId;
  /** The turn: from the resume to the suspend (or finish) that ended it. */
  readonly from: Step;
  readonly to: Step;
  /** Virtual time at its start and end. */
  readonly start: number;
  readonly end: number;
  /** What blocked, as the `block` events say (`time.sleep(2)`, `requests.get(…)`). */
  readonly by: readonly string[];
  /** The lines that blocked (or, for a computation, the lines it ran most). */
  readonly lines: readonly number[];
  /** Line events in the turn. */
  readonly lineCount: number;
}

interface Turn {
  task: TaskId;
  from: number;
  start: number;
  by: string[];
  blockLines: number[];
  counts: Map<number, number>;
  lineCount: number;
}

/**
 * The coach (console, status, editor) and the timeline both ask for a trace's stalls, and the
 * scan costs as much as building the whole timeline on a million steps: scan once per trace.
 */
const cache = new WeakMap<Trace, readonly Stall[]>();

/** Every stall of the run, in order (computed once per trace). */
export function stalls(trace: Trace): readonly Stall[] {
  let found = cache.get(trace);
  if (found === undefined) {
    const finder = new StallFinder();
    finder.add(trace.events);
    found = finder.stalls();
    cache.set(trace, found);
  }
  return found;
}

/** Makes `found` (a `StallFinder`'s, fed this trace's events) the stalls `stalls` answers with. */
export function adoptStalls(trace: Trace, found: readonly Stall[]): void {
  cache.set(trace, found);
}

/**
 * Finds stalls as events arrive (a live run's chunks: partial-trace.ts), so that each live
 * picture gets the stalls so far without another scan of every event.
 */
export class StallFinder {
  private readonly found: Stall[] = [];
  private time = 0;
  private turn: Turn | null = null;
  /** The last line event so far: the line a `block` event blocked on. */
  private lastLine: number | null = null;
  private steps = 0;

  add(events: readonly RawEvent[]): void {
    for (const e of events) {
      const i = this.steps++;
      if (typeof e === 'number') {
        this.lastLine = e;
        const turn = this.turn;
        if (turn) {
          turn.lineCount++;
          turn.counts.set(e, (turn.counts.get(e) ?? 0) + 1);
        }
        continue;
      }
      this.event(e, i);
    }
  }

  /** The stalls so far; a turn still going counts up to the last event, as at a run's end. */
  stalls(): readonly Stall[] {
    const open = this.turn && stallOf(this.turn, this.steps - 1, this.time);
    return Object.freeze(open ? [...this.found, open] : this.found.slice());
  }

  private event(e: Exclude<RawEvent, number>, i: number): void {
    switch (e.k) {
      case 'resume':
        this.close(i);
        this.turn = {
          task: e.t,
          from: i,
          start: this.time,
          by: [],
          blockLines: [],
          counts: new Map(),
          lineCount: 0,
        };
        break;
      case 'suspend':
      case 'task-done':
      case 'callback':
        this.close(i);
        break;
      case 'clock':
        this.time = e.at;
        break;
      case 'block':
        this.time = e.at;
        if (this.turn) {
          this.turn.by.push(e.by);
          if (this.lastLine !== null) this.turn.blockLines.push(this.lastLine);
        }
        break;
    }
  }

  private close(to: number): void {
    const stall = this.turn && stallOf(this.turn, to, this.time);
    if (stall) this.found.push(stall);
    this.turn = null;
  }
}

/** The turn as a stall, if it held the loop too long (by time or by lines); else null. */
function stallOf(turn: Turn, to: number, time: number): Stall | null {
  if (!(time - turn.start > SLOW_TURN + 1e-9 || turn.lineCount >= LONG_TURN_LINES)) return null;
  // The loop's own lines: the most run, and any run nearly as often.
  const most = Math.max(0, ...turn.counts.values());
  const hot = [...turn.counts].filter(([, n]) => n * 2 >= most).slice(0, 3);
  return {
    task: turn.task,
    from: asStep(turn.from),
    to: asStep(to),
    start: turn.start,
    end: time,
    // Copies: a turn still going (a live trace's last) goes on growing these.
    by: turn.by.slice(),
    lines:
      turn.by.length > 0
        ? turn.blockLines.slice()
        : hot.map(([line]) => line).sort((a, b) => a - b),
    lineCount: turn.lineCount,
  };
}

export function stallAdvice(trace: Trace): Advice[] {
  return stalls(trace).map((s) => stallWords(trace, s));
}

function stallWords(trace: Trace, s: Stall): Advice {
  const name = taskLabel(trace, s.task);
  const at = linesText(s.lines);
  if (s.by.length === 0) {
    return advice('blocking', {
      explanation: `${name} ran ${s.lineCount.toLocaleString('en-US')} lines without an await ${at}, holding the loop all that time; nothing else could run.`,
      fix: 'Give the other tasks a turn now and then: put `await asyncio.sleep(0)` inside the long loop (every few hundred rounds is enough).',
      lines: s.lines,
      step: s.from,
      lesson: LESSONS.noAwaitNoTurns,
    });
  }
  const held = `${name} held the loop for ${seconds(s.end - s.start)} ${at}; nothing else could run.`;
  const calls = [...new Set(s.by)].map((b) => `\`${b}\``).join(', ');
  if (s.by.some((b) => b.startsWith('requests'))) {
    return advice('blocking', {
      explanation: `${held} ${calls} waits for the response without giving control back.`,
      fix: 'Use aiohttp, whose requests you await: `async with aiohttp.ClientSession() as session:` then `async with session.get(url) as r:`; other tasks run while the response is on its way.',
      lines: s.lines,
      step: s.from,
      lesson: LESSONS.requestsBlocks,
    });
  }
  const sleep = /^time\.sleep\((.*)\)$/.exec(s.by[0] as string);
  return advice('blocking', {
    explanation: `${held} ${calls} blocks the whole event loop, not just this task.`,
    fix: sleep
      ? `Write \`await asyncio.sleep(${sleep[1]})\` instead: the task waits just as long, and the others run meanwhile.`
      : 'Use the awaitable version of the call, so that the task gives control back while it waits.',
    lines: s.lines,
    step: s.from,
    lesson: LESSONS.blockingCall,
  });
}

/** `at line 7`, `at lines 7 and 9`, `at lines 3, 7 and 9`. */
export function linesText(lines: readonly number[]): string {
  const u = [...new Set(lines)].sort((a, b) => a - b);
  if (u.length === 0) return '';
  if (u.length === 1) return `at line ${u[0]}`;
  return `at lines ${u.slice(0, -1).join(', ')} and ${u[u.length - 1]}`;
}
