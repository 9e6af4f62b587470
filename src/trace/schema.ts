/**
 * valibot schemas for the trace header and for each object event, one per `k`. Line events
 * (bare integers) never go through a schema: they are most of a trace, and a plain check in
 * `parseTrace`'s loop is orders of magnitude cheaper.
 *
 * Messages are written to follow a field name: `"h" must be a non-negative integer`.
 */
import * as v from 'valibot';
import type { RawEventKind } from './types.ts';

const must = (what: string) => `must be ${what}`;

const positiveInt = (what = 'a positive integer') =>
  v.pipe(v.number(must(what)), v.integer(must(what)), v.minValue(1, must(what)));
const nonNegativeInt = (what = 'a non-negative integer') =>
  v.pipe(v.number(must(what)), v.integer(must(what)), v.minValue(0, must(what)));
const str = () => v.string(must('a string'));
const bool = () => v.boolean(must('true or false'));
/** Virtual time: seconds, never negative. */
const seconds = () =>
  v.pipe(
    v.number(must('a number of seconds')),
    v.finite(must('a finite number')),
    v.minValue(0, must('≥ 0')),
  );

/** A timer's due time: `null` is never (an infinite delay; JSON has no infinity). */
const dueTime = () => v.nullable(seconds());

const taskId = () => positiveInt('a task id (a positive integer)');
const taskIdOrNull = () => v.nullable(positiveInt('a task id (a positive integer) or null'));
const handleId = () => nonNegativeInt('a handle id (a non-negative integer)');
const objectId = () => nonNegativeInt('an object id (a non-negative integer)');
const frameId = () => nonNegativeInt('a frame id (a non-negative integer)');
const threadId = () => positiveInt('a thread id (a positive integer)');
const taskIds = () => v.array(taskId(), must('a list of task ids'));
const strings = () => v.array(str(), must('a list of strings'));

// ---------------------------------------------------------------------------------------------
// Header
// ---------------------------------------------------------------------------------------------

export const STATUSES = ['completed', 'error', 'limit'] as const;
export const LIMIT_KINDS = [
  'steps',
  'time',
  'output',
  'deadlock',
  'busy-wait',
  'wall',
  'stopped',
  'running',
] as const;

/** Everything but `format`/`version` (checked first, for a clear message) and `events`. */
export const headerSchema = v.object({
  python: str(),
  file: str(),
  source: str(),
  status: v.picklist(STATUSES, must('"completed", "error" or "limit"')),
  stdout: str(),
  stderr: str(),
  error: v.nullable(
    v.object(
      {
        type: str(),
        message: str(),
        line: v.nullable(positiveInt('a line number or null')),
        column: v.optional(positiveInt('a column number (1-based)')),
        traceback: str(),
      },
      must('null or an object { type, message, line, traceback }'),
    ),
  ),
  limit: v.nullable(
    v.object(
      {
        kind: v.picklist(
          LIMIT_KINDS,
          must('"steps", "time", "output", "deadlock", "busy-wait", "wall" or "stopped"'),
        ),
        message: str(),
      },
      must('null or an object { kind, message }'),
    ),
  ),
  tasks: v.array(
    v.object(
      { id: taskId(), name: str(), coro: str(), user: bool() },
      must('an object { id, name, coro, user }'),
    ),
    must('a list'),
  ),
  objects: v.array(
    v.object(
      { id: objectId(), type: str(), label: v.nullable(str()) },
      must('an object { id, type, label }'),
    ),
    must('a list'),
  ),
  frames: v.array(
    v.object(
      { id: frameId(), fn: str(), task: taskIdOrNull() },
      must('an object { id, fn, task }'),
    ),
    must('a list'),
  ),
  simulated: strings(),
  stats: v.object(
    {
      steps: nonNegativeInt(),
      lines: nonNegativeInt(),
      detailFrom: v.optional(nonNegativeInt()),
      detailSteps: nonNegativeInt(),
      suspendLocals: v.optional(bool()),
      focusFrom: v.optional(nonNegativeInt()),
      focusSteps: v.optional(nonNegativeInt()),
      exit: v.optional(
        v.nullable(
          v.pipe(v.number(must('an integer or null')), v.integer(must('an integer or null'))),
        ),
      ),
    },
    must('an object { steps, lines, detailFrom, detailSteps, exit }'),
  ),
});

// ---------------------------------------------------------------------------------------------
// Waits (`w` in suspend)
// ---------------------------------------------------------------------------------------------

const where = { via: v.optional(strings()) };
const objectWait = <const K extends string>(on: K) =>
  v.object({ ...where, on: v.literal(on), o: objectId() });

export const WAIT_ONS = [
  'sleep',
  'yield',
  'task',
  'future',
  'queue-get',
  'queue-put',
  'queue-join',
  'lock',
  'event',
  'condition',
  'semaphore',
  'barrier',
  'gather',
  'wait',
  'as-completed',
  'taskgroup',
  'shield',
  'stream',
  'other',
] as const;

const STREAM_OPS = [
  'read',
  'readline',
  'readuntil',
  'readexactly',
  'drain',
  'closed',
  'serve',
  'server-closed',
] as const;

const waitSchema = v.variant(
  'on',
  [
    v.object({
      ...where,
      on: v.literal('sleep'),
      until: dueTime(),
      // A simulated aiohttp request's response (the sleep is the simulation's latency).
      net: v.optional(v.object({ m: str(), url: str() }, must('an object { m, url }'))),
    }),
    v.object({ ...where, on: v.literal('yield') }),
    v.object({ ...where, on: v.literal('task'), t: taskId() }),
    v.object({ ...where, on: v.literal('shield'), t: taskId() }),
    // A future of run_in_executor / to_thread names the thread whose job completes it.
    v.object({ ...where, on: v.literal('future'), o: objectId(), th: v.optional(threadId()) }),
    objectWait('queue-get'),
    objectWait('queue-put'),
    objectWait('queue-join'),
    objectWait('lock'),
    objectWait('event'),
    objectWait('condition'),
    objectWait('semaphore'),
    objectWait('barrier'),
    v.object({ ...where, on: v.literal('gather'), of: taskIds(), n: nonNegativeInt() }),
    v.object({
      ...where,
      on: v.literal('wait'),
      of: taskIds(),
      mode: v.picklist(
        ['FIRST_COMPLETED', 'FIRST_EXCEPTION', 'ALL_COMPLETED'],
        must('FIRST_COMPLETED, FIRST_EXCEPTION or ALL_COMPLETED'),
      ),
    }),
    v.object({ ...where, on: v.literal('as-completed'), of: taskIds() }),
    v.object({ ...where, on: v.literal('taskgroup'), o: objectId(), of: taskIds() }),
    v.object({
      ...where,
      on: v.literal('stream'),
      op: v.picklist(STREAM_OPS, must(STREAM_OPS.join(', '))),
      peer: v.string(must('a string')),
      o: v.optional(objectId()),
      n: v.optional(nonNegativeInt()),
      sep: v.optional(str()),
    }),
    v.object({ ...where, on: v.literal('other'), what: str() }),
  ],
  must(`one of ${WAIT_ONS.map((on) => `"${on}"`).join(', ')}`),
);

// ---------------------------------------------------------------------------------------------
// Object states (`s` in state), by declared type; unknown types only need an object
// ---------------------------------------------------------------------------------------------

const queueState = v.looseObject({
  items: strings(),
  max: nonNegativeInt(),
  get: taskIds(),
  put: taskIds(),
  unfinished: nonNegativeInt(),
});
const waiters = { wait: taskIds() };
export const stateSchemas: Readonly<Record<string, v.GenericSchema>> = {
  Queue: queueState,
  LifoQueue: queueState,
  PriorityQueue: queueState,
  Future: v.variant(
    'st',
    [
      v.looseObject({ st: v.literal('pending') }),
      v.looseObject({ st: v.literal('result'), v: str() }),
      v.looseObject({ st: v.literal('exception'), v: str() }),
      v.looseObject({ st: v.literal('cancelled') }),
    ],
    must('"pending", "result", "exception" or "cancelled"'),
  ),
  Lock: v.looseObject({ locked: bool(), by: v.optional(taskIdOrNull()), ...waiters }),
  Event: v.looseObject({ set: bool(), ...waiters }),
  Condition: v.looseObject({ locked: bool(), ...waiters }),
  Semaphore: v.looseObject({
    value: v.pipe(v.number(), v.integer(must('an integer'))),
    by: taskIds(),
    ...waiters,
  }),
  BoundedSemaphore: v.looseObject({
    value: v.pipe(v.number(), v.integer(must('an integer'))),
    by: taskIds(),
    ...waiters,
  }),
  Barrier: v.looseObject({ parties: nonNegativeInt(), waiting: nonNegativeInt(), ...waiters }),
  TaskGroup: v.looseObject({ of: taskIds() }),
  Connection: v.looseObject({
    peer: v.string(must('a string')),
    buf: nonNegativeInt(),
    eof: bool(),
    closed: bool(),
    readers: v.optional(taskIds()),
  }),
  Server: v.looseObject({ at: strings(), serving: bool(), conns: nonNegativeInt() }),
};
/** Any JSON object (not an array): the state of an object whose type this version does not know. */
export const anyState = v.custom<Record<string, unknown>>(
  (x) => typeof x === 'object' && x !== null && !Array.isArray(x),
  must('an object'),
);

// ---------------------------------------------------------------------------------------------
// Object events, one schema per `k`
// ---------------------------------------------------------------------------------------------

const ev = <const K extends string, E extends v.ObjectEntries>(k: K, entries: E) =>
  v.object({ k: v.literal(k), ...entries });

export const eventSchemas: Readonly<Record<RawEventKind, v.GenericSchema>> = {
  'task-created': ev('task-created', {
    t: taskId(),
    name: str(),
    coro: str(),
    user: bool(),
    by: taskIdOrNull(),
  }),
  'task-name': ev('task-name', { t: taskId(), name: str() }),
  resume: ev('resume', { t: taskId(), h: handleId(), cn: v.optional(positiveInt()) }),
  suspend: ev('suspend', { t: taskId(), w: waitSchema }),
  'task-done': v.pipe(
    ev('task-done', {
      t: taskId(),
      r: v.optional(str()),
      x: v.optional(str()),
      c: v.optional(v.literal(1, must('1'))),
      cn: v.optional(positiveInt()),
    }),
    v.check(
      (e) => e.r !== undefined || e.x !== undefined || e.c !== undefined,
      'needs "r" (result), "x" (exception) or "c": 1 (cancelled)',
    ),
  ),
  loop: ev('loop', { run: bool() }),
  ready: v.pipe(
    ev('ready', { h: handleId(), t: v.optional(taskId()), cb: v.optional(str()) }),
    v.check(
      (e) => e.t !== undefined || e.cb !== undefined,
      'needs "t" (the task it runs) or "cb" (a callback name)',
    ),
  ),
  timer: v.variant(
    'why',
    [
      ev('timer', {
        h: handleId(),
        at: dueTime(),
        why: v.picklist(['sleep', 'timeout']),
        // Absent when no task held control as it was scheduled.
        t: v.optional(taskId()),
        cb: v.optional(str()),
      }),
      ev('timer', {
        h: handleId(),
        at: dueTime(),
        why: v.literal('callback'),
        cb: str(),
        t: v.optional(taskId()),
      }),
    ],
    must('"sleep", "timeout" or "callback"'),
  ),
  due: ev('due', { h: v.array(handleId(), must('a list of handle ids')) }),
  cancel: ev('cancel', { h: handleId() }),
  callback: ev('callback', { h: handleId() }),
  clock: ev('clock', { at: seconds() }),
  block: ev('block', { t: taskIdOrNull(), at: seconds(), by: str() }),
  out: ev('out', { s: str(), e: v.optional(v.picklist([0, 1], must('1 (stderr) or absent'))) }),
  object: ev('object', {
    o: objectId(),
    type: str(),
    label: v.nullable(str(), must('a string or null')),
  }),
  state: ev('state', { o: objectId(), s: anyState }),
  frame: ev('frame', { f: frameId(), fn: str(), t: taskIdOrNull() }),
  in: ev('in', { f: frameId() }),
  locals: ev('locals', {
    f: frameId(),
    v: v.record(v.string(), str(), must('an object of name → repr strings')),
    d: v.optional(strings()),
  }),
  net: ev('net', { t: taskIdOrNull(), lib: str(), m: str(), url: str(), lat: seconds() }),
  thread: ev('thread', { th: threadId(), name: str(), by: taskIdOrNull() }),
  'thread-run': ev('thread-run', { th: threadId(), fn: str(), from: seconds() }),
  'thread-sleep': ev('thread-sleep', {
    th: threadId(),
    from: seconds(),
    until: seconds(),
    by: str(),
  }),
  'thread-end': ev('thread-end', { th: threadId(), until: seconds() }),
  'thread-done': v.pipe(
    ev('thread-done', { th: threadId(), r: v.optional(str()), x: v.optional(str()) }),
    v.check((e) => e.r !== undefined || e.x !== undefined, 'needs "r" (result) or "x" (exception)'),
  ),
};

export const EVENT_KINDS = Object.keys(eventSchemas) as readonly RawEventKind[];
