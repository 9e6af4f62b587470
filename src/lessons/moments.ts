/**
 * Moment selectors: a few words that pick one step of a run, so that a lesson can say "open the
 * run at the first moment worker-2 awaits" without counting steps (which change whenever the
 * program does).
 *
 *     moment  := base (("after" | "before") moment)?
 *     base    := "start" | "end" | "step" N | "time" T
 *              | ordinal? "handoff" N?
 *              | ordinal? "output" TEXT?
 *              | ordinal? "line" N ("of" TASK)?
 *              | ordinal? EVENT ("of" TASK)?
 *     EVENT   := resume | suspend | await | done | create | block | request | callback
 *     ordinal := first | second | third | … | tenth | last | 1st | 2nd | 3rd | 4th | …
 *     TASK    := a task name (worker-2, Task-3) or, if no task has that name, a coroutine
 *                name (main, worker): a word, or "quoted"
 *     TEXT    := "quoted", with JSON escapes ("a\nb")
 *
 * Examples: `first suspend of worker-2`, `2nd resume of Task-3`, `output "done"`, `handoff 3`,
 * `last done of fetch`, `first resume of main after output "start"`, `time 2`, `end`.
 *
 * A moment names the step *at which the event happens*: the replay shows the picture just
 * after it. `start` is before the first event (step −1); `end` is the last step.
 */
import type { Step, Trace } from '../trace/index.ts';
import { handoffSteps } from '../trace/index.ts';
import { describeTask, formatNumber, quoteOutput, type TaskFacts, traceFacts } from './facts.ts';

export const MOMENT_EVENTS = [
  'resume',
  'suspend',
  'await',
  'done',
  'create',
  'block',
  'request',
  'callback',
] as const;
export type MomentEvent = (typeof MOMENT_EVENTS)[number];

export type MomentBase =
  | { readonly kind: 'start' }
  | { readonly kind: 'end' }
  | { readonly kind: 'step'; readonly step: number }
  | { readonly kind: 'time'; readonly at: number }
  | { readonly kind: 'handoff'; readonly nth: number }
  | { readonly kind: 'output'; readonly nth: number; readonly text: string | null }
  | {
      readonly kind: 'line';
      readonly nth: number;
      readonly line: number;
      readonly task: string | null;
    }
  | {
      readonly kind: 'event';
      readonly nth: number;
      readonly event: MomentEvent;
      readonly task: string | null;
    };

/** `nth`: 1-based; LAST (−1) for "last". */
export const LAST = -1;

export interface Moment {
  readonly base: MomentBase;
  readonly anchor: { readonly rel: 'after' | 'before'; readonly moment: Moment } | null;
}

export type MomentParse =
  | { readonly ok: true; readonly moment: Moment }
  | { readonly ok: false; readonly error: string };
export type MomentResolution =
  | { readonly ok: true; readonly step: Step }
  | { readonly ok: false; readonly error: string };

// ---------------------------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------------------------

type Token = { readonly kind: 'word' | 'string'; readonly value: string };

/** Splits into words and "strings"; a string token keeps its decoded value. */
export function tokenize(text: string): { tokens: Token[] } | { error: string } {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '"' || c === '“') {
      const close = c === '"' ? '"' : '”';
      let j = i + 1;
      while (j < text.length && text[j] !== close) j += text[j] === '\\' ? 2 : 1;
      if (j >= text.length)
        return { error: `the text starting at ${text.slice(i)} has no closing quote` };
      const raw = text.slice(i + 1, j);
      try {
        tokens.push({ kind: 'string', value: JSON.parse(`"${raw.replace(/(?<!\\)"/g, '\\"')}"`) });
      } catch {
        return {
          error: `${text.slice(i, j + 1)} is not a valid quoted text (check its \\ escapes)`,
        };
      }
      i = j + 1;
    } else {
      let j = i;
      while (j < text.length && !/\s/.test(text[j] as string) && text[j] !== '"') j++;
      tokens.push({ kind: 'word', value: text.slice(i, j) });
      i = j;
    }
  }
  return { tokens };
}

const ORDINAL_WORDS: Readonly<Record<string, number>> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  last: LAST,
};

function ordinalOf(word: string): number | null {
  const w = word.toLowerCase();
  if (w in ORDINAL_WORDS) return ORDINAL_WORDS[w] as number;
  const m = /^(\d+)(st|nd|rd|th)$/.exec(w);
  return m && Number(m[1]) > 0 ? Number(m[1]) : null;
}

const EVENT_ALIASES: Readonly<Record<string, MomentEvent>> = {
  resume: 'resume',
  resumes: 'resume',
  suspend: 'suspend',
  suspends: 'suspend',
  await: 'suspend',
  awaits: 'suspend',
  done: 'done',
  finish: 'done',
  finishes: 'done',
  create: 'create',
  created: 'create',
  block: 'block',
  blocks: 'block',
  request: 'request',
  callback: 'callback',
};

const EXPECTED =
  'start, end, step N, time T, handoff N, output "text", line N, or an event (resume, suspend, await, done, create, block, request, callback)';

export function parseMoment(text: string): MomentParse {
  const t = tokenize(text.trim());
  if ('error' in t) return { ok: false, error: t.error };
  if (t.tokens.length === 0) return { ok: false, error: `a moment is empty; expected ${EXPECTED}` };
  const parser = new Parser(t.tokens);
  const result = parser.moment();
  if (typeof result === 'string') return { ok: false, error: result };
  if (!parser.done()) {
    return {
      ok: false,
      error: `unexpected "${parser.peek()?.value}" in "${text.trim()}"; a moment may continue only with "after …" or "before …"`,
    };
  }
  return { ok: true, moment: result };
}

class Parser {
  private i = 0;
  constructor(private readonly tokens: readonly Token[]) {}

  done(): boolean {
    return this.i >= this.tokens.length;
  }
  peek(): Token | undefined {
    return this.tokens[this.i];
  }
  private word(): string | null {
    const t = this.tokens[this.i];
    return t?.kind === 'word' ? t.value.toLowerCase() : null;
  }

  moment(): Moment | string {
    const base = this.base();
    if (typeof base === 'string') return base;
    const rel = this.word();
    if (rel === 'after' || rel === 'before') {
      this.i++;
      if (this.done()) return `"${rel}" must be followed by another moment`;
      const anchor = this.moment();
      if (typeof anchor === 'string') return anchor;
      return { base, anchor: { rel, moment: anchor } };
    }
    return { base, anchor: null };
  }

  private integer(what: string): number | string {
    const t = this.tokens[this.i];
    if (t?.kind !== 'word' || !/^\d+$/.test(t.value))
      return `${what} must be followed by a whole number`;
    this.i++;
    return Number(t.value);
  }

  private base(): MomentBase | string {
    let w = this.word();
    if (w === null) return `expected ${EXPECTED}, got "${this.peek()?.value}"`;
    if (w === 'start' || w === 'end') {
      this.i++;
      return { kind: w };
    }
    if (w === 'step') {
      this.i++;
      const step = this.integer('"step"');
      return typeof step === 'string' ? step : { kind: 'step', step };
    }
    if (w === 'time') {
      this.i++;
      const t = this.tokens[this.i];
      const at = t?.kind === 'word' ? Number(t.value.replace(/s$/, '')) : Number.NaN;
      if (!Number.isFinite(at) || at < 0) return '"time" must be followed by a number of seconds';
      this.i++;
      return { kind: 'time', at };
    }
    let nth: number | null = ordinalOf(w);
    if (nth !== null) {
      this.i++;
      w = this.word();
      if (w === null) return `expected an event after "${this.tokens[this.i - 1]?.value}"`;
    }
    if (w === 'handoff') {
      this.i++;
      const next = this.tokens[this.i];
      if (nth === null && next?.kind === 'word' && /^\d+$/.test(next.value)) {
        this.i++;
        nth = Number(next.value);
        if (nth < 1) return 'handoffs are counted from 1';
      }
      return { kind: 'handoff', nth: nth ?? 1 };
    }
    if (w === 'output') {
      this.i++;
      const next = this.tokens[this.i];
      let text: string | null = null;
      if (next?.kind === 'string') {
        text = next.value;
        this.i++;
      }
      return { kind: 'output', nth: nth ?? 1, text };
    }
    if (w === 'line') {
      this.i++;
      const line = this.integer('"line"');
      if (typeof line === 'string') return line;
      const task = this.ofTask();
      if (task instanceof Error) return task.message;
      return { kind: 'line', nth: nth ?? 1, line, task };
    }
    const event = EVENT_ALIASES[w];
    if (event === undefined) return `expected ${EXPECTED}, got "${this.peek()?.value}"`;
    this.i++;
    const task = this.ofTask();
    if (task instanceof Error) return task.message;
    return { kind: 'event', nth: nth ?? 1, event, task };
  }

  private ofTask(): string | null | Error {
    if (this.word() !== 'of') return null;
    this.i++;
    const t = this.tokens[this.i];
    if (t === undefined) return new Error('"of" must be followed by a task or coroutine name');
    this.i++;
    return t.value;
  }
}

// ---------------------------------------------------------------------------------------------
// Resolving against a trace
// ---------------------------------------------------------------------------------------------

/** Parses and resolves in one go. */
export function resolveMoment(moment: string | Moment, trace: Trace): MomentResolution {
  if (typeof moment === 'string') {
    const parsed = parseMoment(moment);
    if (!parsed.ok) return parsed;
    return resolveParsed(parsed.moment, trace);
  }
  return resolveParsed(moment, trace);
}

function resolveParsed(moment: Moment, trace: Trace): MomentResolution {
  const last = trace.events.length - 1;
  let from = 0;
  let to = last;
  if (moment.anchor) {
    const anchor = resolveParsed(moment.anchor.moment, trace);
    if (!anchor.ok) return anchor;
    if (moment.anchor.rel === 'after') from = anchor.step + 1;
    else to = anchor.step - 1;
  }
  const found = resolveBase(moment.base, trace, from, to);
  if (typeof found === 'string') {
    return {
      ok: false,
      error: moment.anchor ? `${found} ${moment.anchor.rel} that moment` : found,
    };
  }
  return { ok: true, step: found as Step };
}

/** Picks the nth (or last) step in [from, to] that `matches`. */
function pick(
  from: number,
  to: number,
  nth: number,
  matches: (i: number) => boolean,
): number | null {
  if (nth === LAST) {
    for (let i = to; i >= from; i--) if (matches(i)) return i;
    return null;
  }
  let seen = 0;
  for (let i = from; i <= to; i++) {
    if (matches(i) && ++seen === nth) return i;
  }
  return null;
}

function countIn(from: number, to: number, matches: (i: number) => boolean): number {
  let n = 0;
  for (let i = from; i <= to; i++) if (matches(i)) n++;
  return n;
}

export function ordinalText(nth: number): string {
  if (nth === LAST) return 'last';
  const words = [
    '',
    'first',
    'second',
    'third',
    'fourth',
    'fifth',
    'sixth',
    'seventh',
    'eighth',
    'ninth',
    'tenth',
  ];
  return words[nth] ?? `${nth}th`;
}

/** Task ids that `ref` names: tasks that ever had that name, else tasks running that coroutine. */
export function tasksNamed(trace: Trace, ref: string): readonly TaskFacts[] | string {
  const tasks = traceFacts(trace).tasks;
  const byName = tasks.filter((t) => t.names.includes(ref));
  if (byName.length > 0) return byName;
  const byCoro = tasks.filter((t) => t.coro === ref);
  if (byCoro.length > 0) return byCoro;
  const known = tasks
    .filter((t) => t.user)
    .map(describeTask)
    .join(', ');
  return `no task is named "${ref}" or runs a coroutine called "${ref}" (the run's tasks: ${known || 'none'})`;
}

function resolveBase(base: MomentBase, trace: Trace, from: number, to: number): number | string {
  const events = trace.events;
  const last = events.length - 1;
  switch (base.kind) {
    case 'start':
      return -1;
    case 'end':
      return last;
    case 'step':
      if (base.step > last)
        return `the run has only ${events.length} steps (0…${last}), so there is no step ${base.step}`;
      return base.step;
    case 'time': {
      const time = traceFacts(trace).time;
      const found = pick(Math.max(from, 0), to, 1, (i) => (time[i] as number) >= base.at - 1e-9);
      if (found === null) {
        return `the run never reaches ${formatNumber(base.at)} s of virtual time (it ends at ${formatNumber(traceFacts(trace).endTime)} s)`;
      }
      return found;
    }
    case 'handoff': {
      const handoffs = handoffSteps(trace);
      const inRange = Array.from(handoffs).filter((s) => s >= from && s <= to);
      const found = base.nth === LAST ? inRange.at(-1) : inRange[base.nth - 1];
      if (found === undefined)
        return `the run has only ${inRange.length} handoffs, so there is no handoff ${base.nth}`;
      return found;
    }
    case 'output': {
      const matches = (i: number) => {
        const e = events[i];
        return (
          typeof e === 'object' && e.k === 'out' && (base.text === null || e.s.includes(base.text))
        );
      };
      const found = pick(from, to, base.nth, matches);
      if (found !== null) return found;
      const what = base.text === null ? 'output' : `output containing ${quoteOutput(base.text)}`;
      const count = countIn(from, to, matches);
      return count === 0
        ? `the run prints no ${what}`
        : `the run has only ${count} ${what}, so there is no ${ordinalText(base.nth)} one`;
    }
    case 'line': {
      let ids: Set<number> | null = null;
      if (base.task !== null) {
        const tasks = tasksNamed(trace, base.task);
        if (typeof tasks === 'string') return tasks;
        ids = new Set(tasks.map((t) => t.id));
      }
      const holder = traceFacts(trace).holder;
      const matches = (i: number) =>
        events[i] === base.line && (ids === null || ids.has(holder[i] as number));
      const found = pick(from, to, base.nth, matches);
      if (found !== null) return found;
      const who = base.task === null ? '' : ` in ${base.task}`;
      const count = countIn(from, to, matches);
      return count === 0
        ? `line ${base.line} never runs${who}`
        : `line ${base.line} runs only ${count} times${who}, so there is no ${ordinalText(base.nth)} time`;
    }
    case 'event': {
      const kind = RAW_KIND[base.event];
      let ids: Set<number> | null = null;
      if (base.task !== null) {
        if (base.event === 'callback')
          return 'a callback belongs to no task: write "callback" without "of"';
        const tasks = tasksNamed(trace, base.task);
        if (typeof tasks === 'string') return tasks;
        ids = new Set(tasks.map((t) => t.id));
      }
      const matches = (i: number) => {
        const e = events[i];
        if (typeof e !== 'object' || e.k !== kind) return false;
        if (ids === null) return true;
        const t = (e as { t?: number | null }).t;
        return t !== undefined && t !== null && ids.has(t);
      };
      const found = pick(from, to, base.nth, matches);
      if (found !== null) return found;
      const what = `${base.event}${base.task === null ? '' : ` of ${base.task}`}`;
      const count = countIn(from, to, matches);
      return count === 0
        ? `the run has no ${what}`
        : `the run has only ${count} × ${what}, so there is no ${ordinalText(base.nth)} one`;
    }
  }
}

const RAW_KIND: Readonly<Record<MomentEvent, string>> = {
  resume: 'resume',
  suspend: 'suspend',
  await: 'suspend',
  done: 'task-done',
  create: 'task-created',
  block: 'block',
  request: 'net',
  callback: 'callback',
};
