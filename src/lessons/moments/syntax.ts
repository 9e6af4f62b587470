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
import { type Token, tokenize } from '../tokens.ts';

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

/** "first", "second", … "tenth", "11th", "last": an ordinal as the messages say it. */
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

/** A recursive-descent parser over the tokens; every method returns a value or an error text. */
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
    if (w === 'time') return this.time();
    const nth: number | null = ordinalOf(w);
    if (nth !== null) {
      this.i++;
      w = this.word();
      if (w === null) return `expected an event after "${this.tokens[this.i - 1]?.value}"`;
    }
    if (w === 'handoff') return this.handoff(nth);
    if (w === 'output') return this.output(nth ?? 1);
    if (w === 'line') return this.line(nth ?? 1);
    const event = EVENT_ALIASES[w];
    if (event === undefined) return `expected ${EXPECTED}, got "${this.peek()?.value}"`;
    this.i++;
    const task = this.ofTask();
    if (task instanceof Error) return task.message;
    return { kind: 'event', nth: nth ?? 1, event, task };
  }

  /** After "time": a number of seconds, with or without an "s". */
  private time(): MomentBase | string {
    this.i++;
    const t = this.tokens[this.i];
    const at = t?.kind === 'word' ? Number(t.value.replace(/s$/, '')) : Number.NaN;
    if (!Number.isFinite(at) || at < 0) return '"time" must be followed by a number of seconds';
    this.i++;
    return { kind: 'time', at };
  }

  /** After "handoff": its number, unless an ordinal came before it. */
  private handoff(ordinal: number | null): MomentBase | string {
    this.i++;
    let nth = ordinal;
    const next = this.tokens[this.i];
    if (nth === null && next?.kind === 'word' && /^\d+$/.test(next.value)) {
      this.i++;
      nth = Number(next.value);
      if (nth < 1) return 'handoffs are counted from 1';
    }
    return { kind: 'handoff', nth: nth ?? 1 };
  }

  /** After "output": the text it contains, if quoted. */
  private output(nth: number): MomentBase {
    this.i++;
    const next = this.tokens[this.i];
    let text: string | null = null;
    if (next?.kind === 'string') {
      text = next.value;
      this.i++;
    }
    return { kind: 'output', nth, text };
  }

  /** After "line": its number, then "of TASK" if given. */
  private line(nth: number): MomentBase | string {
    this.i++;
    const line = this.integer('"line"');
    if (typeof line === 'string') return line;
    const task = this.ofTask();
    if (task instanceof Error) return task.message;
    return { kind: 'line', nth, line, task };
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
