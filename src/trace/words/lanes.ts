/**
 * The timeline's lanes in words: the hover tooltip over a stretch of steps and the screen-reader
 * sentence per lane. The timeline (src/ui/timeline/model/describe.ts) decides which lines a
 * tooltip shows for a probed range; the phrases themselves are here, with the same numbers and
 * names as the simulator's cards and the narration.
 */
import { describeOutcome } from './names.ts';
import { cap, clockText, formatCount, plural, seconds, secondsSpan } from './numbers.ts';
import { plain } from './parts.ts';
import { type JobTimes, threadJobText } from './threads.ts';

/** How a task's lane ends: returned, raised, or cancelled. */
export type TaskEnd = 'done' | 'failed' | 'cancelled';

/** The loop lane's title. */
export const LOOP_LANE_TITLE = 'event loop';

/** `thread asyncio_0`: a thread lane's title. */
export function threadLaneTitle(name: string): string {
  return `thread ${name}`;
}

/** `A ● worker-1 · worker()`: a task lane's title, after its chip's letter and shape. */
export function taskLaneTitle(letter: string, shape: string, name: string, coro: string): string {
  return `${letter} ${shape} ${name} · ${coro}()`;
}

/** `step 12`, or a range `steps 12–40`. */
export function stepRangeText(a: number, b: number): string {
  return a === b ? `step ${formatCount(a)}` : `steps ${formatCount(a)}–${formatCount(b)}`;
}

/** `t = 0.0 s`, or a span of virtual time `t = 0.0 → 1.0 s`. */
export function timeSpanText(t0: number, t1: number): string {
  return t0 === t1 ? clockText(t0) : `t = ${secondsSpan(t0, t1)}`;
}

/** `steps 12–40, t = 0.0 → 1.0 s`: a stretch of the run by its steps and its virtual time. */
export function stretchText(s0: number, s1: number, t0: number, t1: number): string {
  return `${stepRangeText(s0, s1)}, ${timeSpanText(t0, t1)}`;
}

/** The cursor's label on the timeline's axis: `step 12`, or `0.5 s · step 12` on a time axis. */
export function cursorText(step: number, time: number | null): string {
  return time === null
    ? stepRangeText(step, step)
    : `${seconds(time)} · ${stepRangeText(step, step)}`;
}

/** Above this many turns under the pointer a tooltip stops counting (it only needs "several"). */
export const TURNS_COUNTED = 1000;

/** `held control 3 times here`: several turns of one task under the pointer. */
export function heldTimesText(n: number): string {
  return `held control ${n >= TURNS_COUNTED ? `${formatCount(TURNS_COUNTED)}+` : formatCount(n)} times here`;
}

/** `running: holds control (steps 12–40, t = 0.0 s)`: one turn, given as `stretchText`. */
export function holdsControlText(stretch: string): string {
  return `running: holds control (${stretch})`;
}

/** Said of a turn during which virtual time passes. */
export const BLOCKING_TURN_TEXT = 'its turn takes virtual time: a blocking call, nothing else runs';

/** `not created yet (created at step 12)`. */
export function notCreatedText(createdAt: number): string {
  return `not created yet (created at step ${formatCount(createdAt)})`;
}

/** `created at step 12 by main`, or without `by` for a task made by no task. */
export function createdText(createdAt: number, by: string | null): string {
  return `created at step ${formatCount(createdAt)}${by === null ? '' : ` by ${by}`}`;
}

/** `waiting: sleep until 0.2 s`, given what the task's card says now; `waiting` alone without. */
export function waitingNowText(now: string | null): string {
  return now === null ? 'waiting' : `waiting: ${now}`;
}

/**
 * `finished at step 40: returned 'done'`, `failed at step 40: raised ValueError('x')`,
 * `cancelled at step 40`, or `still running when the trace ends`.
 */
export function taskEndText(end: TaskEnd | null, step: number, repr: string | null): string {
  const at = `at step ${formatCount(step)}`;
  switch (end) {
    case 'done':
      return `finished ${at}: ${plain(describeOutcome({ kind: 'result', repr: repr ?? 'None' }))}`;
    case 'failed':
      return `failed ${at}: ${plain(describeOutcome({ kind: 'exception', repr: repr ?? 'an exception' }))}`;
    case 'cancelled':
      return `cancelled ${at}`;
    default:
      return 'still running when the trace ends';
  }
}

/** `blocked by time.sleep(2) in main: t = 0.0 → 2.0 s`. */
export function loopBlockedText(
  by: string | null,
  who: string | null,
  t0: number,
  t1: number,
): string {
  const inWho = who === null ? '' : ` in ${who}`;
  return `blocked by ${by ?? 'a blocking call'}${inWho}: ${timeSpanText(t0, t1)}`;
}

/** What the loop lane says in its own words, by what the pointer is over. */
export const LOOP_TEXT = {
  blocked: 'the loop cannot run anything else meanwhile',
  loop: 'no task holds control: the loop picks what runs next, runs callbacks',
  module: 'module-level code: no event loop is running',
  idle: 'idle: the clock jumps to the next timer',
  task: 'a task holds control',
} as const;

/** `idle: nothing is ready, so the clock jumps 0.0 → 0.1 s`. */
export function idleJumpText(t0: number, t1: number): string {
  return `idle: nothing is ready, so the clock jumps ${secondsSpan(t0, t1)}`;
}

/** `the clock jumps to 0.1 s here` for one jump in a range of steps, `… jumps 3 times here`. */
export function clockJumpsText(count: number, to: number): string {
  return count === 1
    ? `the clock jumps to ${seconds(to)} here`
    : `the clock jumps ${plural(count, 'time')} here`;
}

/** What a thread lane says: idle, or the function it runs (and that only it is blocked). */
export const THREAD_TEXT = {
  idle: 'idle: no function to run',
  sleeps: 'blocked in this thread only: the event loop runs other tasks meanwhile',
} as const;

/** `runs blocking_io() 0.0 → 1.0 s`. */
export function threadRunsText(job: JobTimes): string {
  return `runs ${threadJobText(job)}`;
}

/** The loop lane for screen readers: how often the clock jumped, and how often it was blocked. */
export function loopLaneText(idle: number, blocked: number): string {
  const b = blocked > 0 ? `; blocked ${plural(blocked, 'time')}` : '';
  return `Runs whenever no task holds control. The clock jumped ${plural(idle, 'time')} while idle${b}.`;
}

/** What a task lane's summary needs to know. */
export interface TaskLaneFacts {
  readonly coro: string;
  readonly createdAt: number;
  readonly held: number;
  readonly end: TaskEnd | null;
  readonly doneAt: number | null;
  readonly endRepr: string | null;
  /** The coach's sentence per stall of the task, in order. */
  readonly stalls: readonly string[];
}

/**
 * A task lane for screen readers: `worker(), created at step 3; held control 4 times. Finished at
 * step 40: returned None.` and its first stall in the coach's words, with how many more.
 */
export function taskLaneText(f: TaskLaneFacts): string {
  const end =
    f.doneAt === null
      ? 'Not finished when the trace ends.'
      : `${cap(taskEndText(f.end, f.doneAt, f.endRepr))}.`;
  return `${f.coro}(), created at step ${formatCount(f.createdAt)}; held control ${plural(f.held, 'time')}. ${end}${stallsText(f.stalls)}`;
}

function stallsText(words: readonly string[]): string {
  const [first] = words;
  if (first === undefined) return '';
  const more = words.length - 1;
  return ` Stalled the loop: ${first}${more > 0 ? ` (and ${plural(more, 'more stall')})` : ''}`;
}
