/**
 * The check language: one line of a `checks` block each, read into a `Check`.
 *
 * The grammar (keywords in any case; TEXT is "quoted" with JSON escapes; N a whole number;
 * T seconds, e.g. `3`, `2.5`, `3s`; C a coroutine name; X a name):
 *
 *     output contains TEXT             output does not contain TEXT       output equals TEXT
 *     time at most T                   time at least T
 *     at most N tasks run C at once    at least N tasks run C at once
 *     at most N tasks run C            at least N tasks run C             C runs as a task
 *     at most N requests at once       at least N requests at once
 *     at most N requests               at least N requests
 *     every task finishes              no task fails                      no task is cancelled
 *     no blocking calls                no warnings
 *     runs without error               raises X
 *     uses X                           does not use X
 */
import { closest } from '../closest.ts';
import { tokenize } from '../tokens.ts';

export type Bound = 'at-most' | 'at-least';

export type Check =
  | { readonly kind: 'output-contains'; readonly text: string }
  | { readonly kind: 'output-lacks'; readonly text: string }
  | { readonly kind: 'output-equals'; readonly text: string }
  | { readonly kind: 'time'; readonly bound: Bound; readonly seconds: number }
  | {
      readonly kind: 'tasks-at-once';
      readonly bound: Bound;
      readonly n: number;
      readonly coro: string;
    }
  | {
      readonly kind: 'task-count';
      readonly bound: Bound;
      readonly n: number;
      readonly coro: string;
    }
  | { readonly kind: 'requests-at-once'; readonly bound: Bound; readonly n: number }
  | { readonly kind: 'request-count'; readonly bound: Bound; readonly n: number }
  | { readonly kind: 'every-task-finishes' }
  | { readonly kind: 'no-task-fails' }
  | { readonly kind: 'no-task-cancelled' }
  | { readonly kind: 'no-blocking' }
  | { readonly kind: 'no-warnings' }
  | { readonly kind: 'completes' }
  | { readonly kind: 'raises'; readonly type: string }
  | { readonly kind: 'uses'; readonly what: string }
  | { readonly kind: 'not-uses'; readonly what: string };

export type CheckKind = Check['kind'];

type Slot = { kind: 'text' } | { kind: 'int' } | { kind: 'seconds' } | { kind: 'name' };
type Part = { alts: readonly string[] } | Slot;
type Value = string | number;

interface Pattern {
  readonly parts: readonly Part[];
  readonly build: (values: readonly Value[]) => Check;
  /** Shown in the "expected one of" message. */
  readonly example: string;
}

function pattern(spec: string, build: (values: readonly Value[]) => Check): Pattern {
  const parts = spec.split(' ').map((w): Part => {
    if (w === '$text') return { kind: 'text' };
    if (w === '$n') return { kind: 'int' };
    if (w === '$t') return { kind: 'seconds' };
    if (w === '$name') return { kind: 'name' };
    return { alts: w.split('|') };
  });
  const example = parts
    .map((p) =>
      'alts' in p
        ? p.alts[0]
        : p.kind === 'text'
          ? '"…"'
          : p.kind === 'int'
            ? 'N'
            : p.kind === 'seconds'
              ? 'T'
              : 'NAME',
    )
    .join(' ');
  return { parts, build, example };
}

const bound = (w: Value): Bound => (String(w) === 'most' ? 'at-most' : 'at-least');
const TASKS = 'tasks|task';
const RUN = 'run|runs|running';

const PATTERNS: readonly Pattern[] = [
  pattern('output contains $text', ([text]) => ({ kind: 'output-contains', text: String(text) })),
  pattern('output does not contain $text', ([text]) => ({
    kind: 'output-lacks',
    text: String(text),
  })),
  pattern('output equals $text', ([text]) => ({ kind: 'output-equals', text: String(text) })),
  pattern('time at most|least $t', ([b, t]) => ({
    kind: 'time',
    bound: bound(b as string),
    seconds: Number(t),
  })),
  pattern(`at most|least $n ${TASKS} ${RUN} $name at once`, ([b, n, coro]) => ({
    kind: 'tasks-at-once',
    bound: bound(b as string),
    n: Number(n),
    coro: String(coro),
  })),
  pattern(`at most|least $n ${TASKS} ${RUN} $name`, ([b, n, coro]) => ({
    kind: 'task-count',
    bound: bound(b as string),
    n: Number(n),
    coro: String(coro),
  })),
  pattern('$name runs|run as a task', ([coro]) => ({
    kind: 'task-count',
    bound: 'at-least',
    n: 1,
    coro: String(coro),
  })),
  pattern('at most|least $n requests|request at once', ([b, n]) => ({
    kind: 'requests-at-once',
    bound: bound(b as string),
    n: Number(n),
  })),
  pattern('at most|least $n requests|request', ([b, n]) => ({
    kind: 'request-count',
    bound: bound(b as string),
    n: Number(n),
  })),
  pattern('every|all task|tasks finishes|finish|finished', () => ({ kind: 'every-task-finishes' })),
  pattern('no task fails', () => ({ kind: 'no-task-fails' })),
  pattern('no task is cancelled', () => ({ kind: 'no-task-cancelled' })),
  pattern('no blocking calls|call', () => ({ kind: 'no-blocking' })),
  pattern('no warnings', () => ({ kind: 'no-warnings' })),
  pattern('runs without error|errors', () => ({ kind: 'completes' })),
  pattern('raises $name', ([type]) => ({ kind: 'raises', type: String(type) })),
  pattern('uses $name', ([what]) => ({ kind: 'uses', what: String(what) })),
  pattern('does not use $name', ([what]) => ({ kind: 'not-uses', what: String(what) })),
];

export type CheckParse =
  | { readonly ok: true; readonly check: Check }
  | { readonly ok: false; readonly error: string };

export function parseCheck(line: string): CheckParse {
  const t = tokenize(line.trim());
  if ('error' in t) return { ok: false, error: t.error };
  for (const p of PATTERNS) {
    const values = match(p.parts, t.tokens);
    if (values !== null) {
      const check = p.build(values);
      if ('n' in check && !Number.isInteger(check.n))
        return { ok: false, error: 'N must be a whole number' };
      return { ok: true, check };
    }
  }
  return {
    ok: false,
    error: `"${line.trim()}" is not a check I know${nearestCheck(line)}. Checks look like: ${PATTERNS.map((p) => p.example).join('; ')}`,
  };
}

/** ` (did you mean "time at most T"?)` for a check a typo or two away from one of the examples. */
function nearestCheck(line: string): string {
  const shape = line
    .trim()
    .replace(/"(?:[^"\\]|\\.)*"/g, '"…"')
    .replace(/\b\d+(?:\.\d+)?s?\b/g, '#')
    .replace(/\s+/g, ' ');
  // Numbers (N, T) compare as one placeholder, so only the words count as typos.
  const shapes = new Map(PATTERNS.map((p) => [p.example.replace(/\b[NT]\b/g, '#'), p.example]));
  const guess = closest(shape, shapes.keys(), Math.max(2, Math.floor(shape.length / 6)));
  return guess === null ? '' : ` (did you mean "${shapes.get(guess)}"?)`;
}

function match(
  parts: readonly Part[],
  tokens: readonly { kind: 'word' | 'string'; value: string }[],
): Value[] | null {
  const values: Value[] = [];
  let i = 0;
  for (const part of parts) {
    const tok = tokens[i];
    if (tok === undefined) return null;
    if ('alts' in part) {
      if (tok.kind !== 'word' || !part.alts.includes(tok.value.toLowerCase())) return null;
      // Only the bound (most / least) carries meaning among the alternatives.
      if (part.alts.includes('most')) values.push(tok.value.toLowerCase());
      i++;
    } else if (part.kind === 'text') {
      if (tok.kind !== 'string') return null;
      values.push(tok.value);
      i++;
    } else if (part.kind === 'int') {
      if (tok.kind !== 'word' || !/^\d+$/.test(tok.value)) return null;
      values.push(Number(tok.value));
      i++;
    } else if (part.kind === 'seconds') {
      const m = tok.kind === 'word' ? /^(\d+(?:\.\d+)?)s?$/.exec(tok.value) : null;
      if (!m) return null;
      values.push(Number(m[1]));
      i++;
      const unit = tokens[i];
      if (unit?.kind === 'word' && ['s', 'second', 'seconds'].includes(unit.value.toLowerCase()))
        i++;
    } else {
      if (tok.kind === 'word' && /^(at|as|once)$/i.test(tok.value)) return null;
      values.push(tok.value);
      i++;
    }
  }
  return i === tokens.length ? values : null;
}
