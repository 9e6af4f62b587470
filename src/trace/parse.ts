/**
 * `parseTrace`: JSON text (or an already-parsed value) → a validated `Trace`, or a
 * `TraceFormatError` whose message names the step and the field that is wrong.
 *
 * The events array is validated in one plain loop and returned as-is: line events (bare
 * integers, most of any trace) get an inline check, and only object events go through valibot.
 */
import * as v from 'valibot';
import { asStep } from './ids.ts';
import { anyState, EVENT_KINDS, eventSchemas, headerSchema, stateSchemas } from './schema.ts';
import { TraceFormatError } from './trace-format-error.ts';
import type { RawEventKind, Trace } from './types.ts';

export const TRACE_FORMAT = 'asyncio-trace';
/** The version the tracer writes. Version 1 (locals recorded at every suspend outside the detail
 * window) is still read: traces exported before show their locals as they did. */
export const TRACE_VERSION = 2;
const READ_VERSIONS: readonly unknown[] = [1, 2];
const READS = 'versions 1 and 2';

const KNOWN_KINDS: ReadonlySet<string> = new Set(EVENT_KINDS);
const PARSE_CONFIG = { abortEarly: true } as const;

/**
 * Validates a trace. `input` is JSON text or the value JSON.parse gave; an object input is
 * returned itself (typed), not copied, so that a million-event array is never duplicated.
 * `eventsChecked`: the events were validated already, as they arrived (`validateEvents` on each
 * chunk, see partial-trace.ts); only the header is checked here.
 */
export function parseTrace(input: unknown, { eventsChecked = false } = {}): Trace {
  const doc = typeof input === 'string' ? parseJson(input) : input;
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw new TraceFormatError(`This is not a trace: expected a JSON object, got ${show(doc)}.`);
  }
  const d = doc as Record<string, unknown>;
  if (d.format !== TRACE_FORMAT) {
    throw new TraceFormatError(
      `This is not an Event Loop Lab trace: "format" is ${show(d.format)}, expected "${TRACE_FORMAT}".`,
      null,
      'format',
    );
  }
  // Checked before the rest of the header: another version may be shaped differently, and
  // "field x is missing" would hide the real reason.
  if (!READ_VERSIONS.includes(d.version)) {
    const message =
      typeof d.version === 'number'
        ? `This trace is version ${d.version}; Event Loop Lab reads ${READS}. ` +
          'It was recorded by a different release of Event Loop Lab: run the program again to record it anew.'
        : `This trace has no valid "version" (got ${show(d.version)}); Event Loop Lab reads ${READS}.`;
    throw new TraceFormatError(message, null, 'version');
  }
  const header = v.safeParse(headerSchema, d, PARSE_CONFIG);
  if (!header.success) {
    const [issue] = header.issues;
    const path = pathOf(issue.path);
    throw new TraceFormatError(`Invalid trace: ${explain(issue, path)}.`, null, path || null);
  }
  if (!Array.isArray(d.events)) {
    throw new TraceFormatError(
      `Invalid trace: "events" must be a list (got ${show(d.events)}).`,
      null,
      'events',
    );
  }
  if (!eventsChecked) validateEvents(d.events);
  return d as unknown as Trace;
}

/**
 * Validates an events array (throws `TraceFormatError`). `firstStep` numbers the messages when
 * the array is a chunk of a longer trace; `objectTypes` carries declared object types across
 * chunks so that `state` events are checked against their object's type.
 */
export function validateEvents(
  events: readonly unknown[],
  firstStep = 0,
  objectTypes: Map<number, string> = new Map(),
): void {
  const n = events.length;
  for (let i = 0; i < n; i++) {
    const e = events[i];
    if (typeof e === 'number') {
      if (e > 0 && Number.isInteger(e)) continue;
      throw new TraceFormatError(
        `Invalid trace: step ${firstStep + i}: a line event must be a positive integer (a program line), got ${e}.`,
        asStep(firstStep + i),
      );
    }
    validateObjectEvent(e, firstStep + i, objectTypes);
  }
}

function validateObjectEvent(e: unknown, step: number, objectTypes: Map<number, string>): void {
  const at = `Invalid trace: step ${step}`;
  if (typeof e !== 'object' || e === null || Array.isArray(e)) {
    throw new TraceFormatError(
      `${at}: expected a line number or an event object, got ${show(e)}.`,
      asStep(step),
    );
  }
  const k = (e as { k?: unknown }).k;
  if (typeof k !== 'string' || !KNOWN_KINDS.has(k)) {
    const what = k === undefined ? 'has no "k" (its kind)' : `has an unknown kind "k": ${show(k)}`;
    throw new TraceFormatError(`${at}: the event ${what}.`, asStep(step), 'k');
  }
  const result = v.safeParse(eventSchemas[k as RawEventKind], e, PARSE_CONFIG);
  if (!result.success) {
    const [issue] = result.issues;
    const path = pathOf(issue.path);
    throw new TraceFormatError(
      `${at} (${k}): ${explain(issue, path)}.`,
      asStep(step),
      path || null,
    );
  }
  if (k === 'object') {
    const { o, type } = e as { o: number; type: string };
    objectTypes.set(o, type);
  } else if (k === 'state') {
    const { o, s } = e as { o: number; s: unknown };
    const type = objectTypes.get(o);
    const schema = (type !== undefined && stateSchemas[type]) || anyState;
    const state = v.safeParse(schema, s, PARSE_CONFIG);
    if (!state.success) {
      const [issue] = state.issues;
      const path = pathOf(issue.path, 's');
      const of = type === undefined ? `object ${o}` : `${type} ${o}`;
      throw new TraceFormatError(
        `${at} (state of ${of}): ${explain(issue, path)}.`,
        asStep(step),
        path,
      );
    }
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new TraceFormatError(`This is not a trace: it is not valid JSON (${why}).`);
  }
}

type Issue = v.BaseIssue<unknown>;

/** `tasks[0].name`, `w.until`, `s.items[2]`. */
function pathOf(path: Issue['path'], prefix = ''): string {
  let out = prefix;
  for (const item of path ?? []) {
    const key = item.key;
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

function explain(issue: Issue, path: string): string {
  const field = path ? `"${path}"` : 'the value';
  if (issue.received === 'undefined' && path) return `${field} is missing`;
  // Our own messages ("must be …", "needs …") read after the field name; valibot's generic ones
  // are sentences of their own.
  if (issue.message.startsWith('must')) return `${field} ${issue.message} (got ${issue.received})`;
  if (issue.message.startsWith('needs'))
    return path ? `${field} ${issue.message}` : `the event ${issue.message}`;
  return path ? `${field}: ${issue.message}` : issue.message;
}

/** A short description of a value for messages: `"x"`, `42`, `null`, `a list`, `an object`. */
function show(x: unknown): string {
  if (x === undefined) return 'nothing';
  if (Array.isArray(x)) return 'a list';
  if (typeof x === 'object' && x !== null) return 'an object';
  const text = JSON.stringify(x) ?? String(x);
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}
