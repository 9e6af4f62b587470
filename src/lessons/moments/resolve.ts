/**
 * Resolving a moment against a trace: the step it names, or a sentence saying why there is
 * none. Candidate steps come from the trace index (steps by event kind, by line, outputs), so a
 * moment never scans the raw events.
 */
import {
  firstStepAtTime,
  formatCount,
  handoffSteps,
  type ObjectEventKind,
  type Step,
  stepCount,
  stepsOfKind,
  stepsOfLine,
  type TaskSummary,
  type Trace,
  taskOfEvent,
  traceIndex,
} from '../../trace/index.ts';
import { didYouMean } from '../closest.ts';
import { describeTask, quoteOutput, seconds } from '../lesson-words.ts';
import {
  LAST,
  type Moment,
  type MomentBase,
  type MomentEvent,
  ordinalText,
  parseMoment,
} from './syntax.ts';

export type MomentResolution =
  | { readonly ok: true; readonly step: Step }
  | { readonly ok: false; readonly error: string };

/** Parses and resolves in one go. */
export function resolveMoment(moment: string | Moment, trace: Trace): MomentResolution {
  if (typeof moment === 'string') {
    const parsed = parseMoment(moment);
    if (!parsed.ok) return parsed;
    return resolveParsed(parsed.moment, trace);
  }
  return resolveParsed(moment, trace);
}

/** Task ids that `ref` names: tasks that ever had that name, else tasks running that coroutine. */
export function tasksNamed(trace: Trace, ref: string): readonly TaskSummary[] | string {
  const tasks = traceIndex(trace).tasks;
  const byName = tasks.filter((t) => t.names.includes(ref));
  if (byName.length > 0) return byName;
  const byCoro = tasks.filter((t) => t.coro === ref);
  if (byCoro.length > 0) return byCoro;
  const known = tasks
    .filter((t) => t.user)
    .map(describeTask)
    .join(', ');
  const names = tasks
    .filter((t) => t.user)
    .flatMap((t) => [...t.names, ...(t.coro ? [t.coro] : [])]);
  return `no task is named "${ref}" or runs a coroutine called "${ref}"${didYouMean(ref, names)} (the run's tasks: ${known || 'none'})`;
}

function resolveParsed(moment: Moment, trace: Trace): MomentResolution {
  let from = 0;
  let to = trace.events.length - 1;
  if (moment.anchor) {
    const anchor = resolveParsed(moment.anchor.moment, trace);
    if (!anchor.ok) return anchor;
    if (moment.anchor.rel === 'after') from = anchor.step + 1;
    else to = anchor.step - 1;
  }
  const found = resolveBase(moment.base, { trace, from, to });
  if (typeof found === 'string') {
    return {
      ok: false,
      error: moment.anchor ? `${found} ${moment.anchor.rel} that moment` : found,
    };
  }
  return { ok: true, step: found as Step };
}

/** The trace and the range of steps a moment is looked for in (narrowed by after/before). */
interface Range {
  readonly trace: Trace;
  readonly from: number;
  readonly to: number;
}

/** The candidate steps in range that `matches`, and the nth (or last) of them. */
function pick(
  steps: ArrayLike<number>,
  range: Range,
  nth: number,
  matches: (step: number) => boolean = () => true,
): { found: number | null; count: number } {
  const hits: number[] = [];
  for (let i = 0; i < steps.length; i++) {
    const s = steps[i] as number;
    if (s >= range.from && s <= range.to && matches(s)) hits.push(s);
  }
  const found = nth === LAST ? hits.at(-1) : hits[nth - 1];
  return { found: found ?? null, count: hits.length };
}

function resolveBase(base: MomentBase, range: Range): number | string {
  const trace = range.trace;
  const last = trace.events.length - 1;
  switch (base.kind) {
    case 'start':
      return -1;
    case 'end':
      return last;
    case 'step':
      if (base.step > last)
        return `the run has only ${stepCount(trace.events.length)}, so there is no step ${formatCount(base.step)}`;
      return base.step;
    case 'time': {
      const found = firstStepAtTime(trace, base.at, range.from, range.to);
      if (found === null) {
        return `the run never reaches ${seconds(base.at)} of virtual time (it ends at ${seconds(traceIndex(trace).endTime)})`;
      }
      return found;
    }
    case 'handoff': {
      const { found, count } = pick(handoffSteps(trace), range, base.nth);
      if (found === null)
        return `the run has only ${count} handoffs, so there is no handoff ${base.nth}`;
      return found;
    }
    case 'output':
      return outputMoment(base, range);
    case 'line':
      return lineMoment(base, range);
    case 'event':
      return eventMoment(base, range);
  }
}

function outputMoment(
  base: Extract<MomentBase, { kind: 'output' }>,
  range: Range,
): number | string {
  const printed = traceIndex(range.trace).outputs.filter(
    (o) => base.text === null || o.text.includes(base.text),
  );
  const { found, count } = pick(
    printed.map((o) => o.step),
    range,
    base.nth,
  );
  if (found !== null) return found;
  const what = base.text === null ? 'output' : `output containing ${quoteOutput(base.text)}`;
  return count === 0
    ? `the run prints no ${what}`
    : `the run has only ${count} ${what}, so there is no ${ordinalText(base.nth)} one`;
}

function lineMoment(base: Extract<MomentBase, { kind: 'line' }>, range: Range): number | string {
  const ids = taskIds(range.trace, base.task);
  if (typeof ids === 'string') return ids;
  const holder = traceIndex(range.trace).holder;
  const { found, count } = pick(
    stepsOfLine(range.trace, base.line),
    range,
    base.nth,
    (s) => ids === null || ids.has(holder[s] as number),
  );
  if (found !== null) return found;
  const who = base.task === null ? '' : ` in ${base.task}`;
  return count === 0
    ? `line ${base.line} never runs${who}`
    : `line ${base.line} runs only ${count} times${who}, so there is no ${ordinalText(base.nth)} time`;
}

function eventMoment(base: Extract<MomentBase, { kind: 'event' }>, range: Range): number | string {
  if (base.task !== null && base.event === 'callback')
    return 'a callback belongs to no task: write "callback" without "of"';
  const ids = taskIds(range.trace, base.task);
  if (typeof ids === 'string') return ids;
  const { found, count } = pick(
    stepsOfKind(range.trace, EVENT_KIND[base.event]),
    range,
    base.nth,
    (s) => {
      if (ids === null) return true;
      const t = taskOfEvent(range.trace, s);
      return t !== null && ids.has(t);
    },
  );
  if (found !== null) return found;
  const what = `${base.event}${base.task === null ? '' : ` of ${base.task}`}`;
  return count === 0
    ? `the run has no ${what}`
    : `the run has only ${count} × ${what}, so there is no ${ordinalText(base.nth)} one`;
}

/** The ids of the tasks `ref` names (null: no "of TASK", any task), or why there are none. */
function taskIds(trace: Trace, ref: string | null): Set<number> | null | string {
  if (ref === null) return null;
  const tasks = tasksNamed(trace, ref);
  return typeof tasks === 'string' ? tasks : new Set(tasks.map((t) => t.id));
}

const EVENT_KIND: Readonly<Record<MomentEvent, ObjectEventKind>> = {
  resume: 'resume',
  suspend: 'suspend',
  await: 'suspend',
  done: 'task-done',
  create: 'task-created',
  block: 'block',
  request: 'net',
  callback: 'callback',
};
