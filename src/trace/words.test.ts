import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixture, stepWhere } from '../../tests/fixtures/traces.ts';
import { exampleTrace } from './example.ts';
import {
  asHandleId,
  asObjectId,
  asStep,
  asTaskId,
  eventAt,
  type LoopState,
  type ObjectState,
  type ObjectView,
  parseTrace,
  partialTrace,
  stateAt,
  type TaskView,
  type Wait,
} from './index.ts';
import {
  callbackLabel,
  callbackNoun,
  callbackText,
  cap,
  clockText,
  controlText,
  describeMoment,
  describeOutcome,
  describeReadyEntry,
  describeTaskNow,
  describeTimer,
  describeWait,
  describeWaitWords,
  formatCount,
  formatSeconds,
  limitText,
  loopPhase,
  objectName,
  ordinal,
  plain,
  plural,
  seconds,
  stepCount,
  stepOf,
  taskCardLabel,
  taskName,
  taskStateGlyph,
  taskStateLabel,
  timerGroupWords,
  timeUntil,
  waitTargets,
} from './words.ts';

const T = asTaskId;
const O = asObjectId;
const H = asHandleId;

function task(id: number, over: Partial<TaskView> = {}): TaskView {
  return {
    id: T(id),
    name: `worker-${id}`,
    coro: 'worker',
    user: true,
    state: 'waiting',
    wait: null,
    line: 7,
    frame: null,
    result: null,
    exception: null,
    outcome: null,
    createdBy: null,
    createdAt: asStep(0),
    doneAt: null,
    ...over,
  };
}

function object(id: number, type: string, label: string | null, state: unknown): ObjectView {
  return { id: O(id), type, label, state: state as ObjectState };
}

function loopState(over: Partial<LoopState> = {}): LoopState {
  return {
    step: asStep(0),
    time: 0,
    holder: null,
    loopRunning: true,
    blocked: null,
    line: null,
    mainLine: null,
    mainFrame: null,
    tasks: [],
    ready: [],
    timers: [],
    objects: [],
    frames: [],
    threads: [],
    outputCount: 0,
    lastOutputStep: null,
    ...over,
  };
}

const via = { via: [] as string[] };

describe('numbers', () => {
  it('formats virtual time as the learner writes it', () => {
    expect(formatSeconds(4)).toBe('4.0');
    expect(formatSeconds(0)).toBe('0.0');
    expect(formatSeconds(0.30000000000000004)).toBe('0.3');
    expect(formatSeconds(0.125)).toBe('0.125');
    expect(formatSeconds(1.5)).toBe('1.5');
    expect(formatSeconds(86400)).toBe('86,400.0');
    expect(formatSeconds(0.0005)).toBe('0.0005');
    expect(formatSeconds(-0.0000001)).toBe('0.0');
    expect(seconds(4)).toBe('4.0 s');
    expect(seconds(0.25)).toBe('0.25 s');
    expect(seconds(0.9999999999999999)).toBe('1.0 s');
    expect(seconds(null)).toBe('never');
    expect(seconds(Number.POSITIVE_INFINITY)).toBe('never');
    expect(clockText(4)).toBe('t = 4.0 s');
  });

  it('writes counts and steps one way', () => {
    expect(formatCount(1_000_000)).toBe('1,000,000');
    expect(plural(1, 'step')).toBe('1 step');
    expect(plural(2041, 'step')).toBe('2,041 steps');
    expect(cap('a callback')).toBe('A callback');
    expect(stepOf(46, 115)).toBe('step 46 of 115');
    // 116 events are steps 0–115: the count and the player's last step visibly agree.
    expect(stepCount(116)).toBe('116 steps (0–115)');
    expect(stepCount(1)).toBe('1 step (0–0)');
  });

  it('counts in ordinals', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111].map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '101st',
      '111th',
    ]);
  });

  it('says how far a timer is', () => {
    const s = loopState({ time: 1 });
    expect(timeUntil(s, 4)).toBe('in 3.0 s');
    expect(timeUntil(s, 1.0000000001)).toBe('due now');
  });
});

describe('task states', () => {
  it('has a word and a glyph for every state', () => {
    for (const st of ['running', 'ready', 'waiting', 'done', 'cancelled', 'failed'] as const) {
      expect(taskStateLabel(st)).toBe(st);
      expect(taskStateGlyph(st)).toMatch(/^\S$/u);
    }
  });

  it('names a card by task name and state', () => {
    expect(taskCardLabel({ name: 'worker-1', state: 'running' })).toBe('worker-1, running');
  });

  it('tells outcomes', () => {
    expect(plain(describeOutcome({ kind: 'result', repr: '42' }))).toBe('returned 42');
    expect(plain(describeOutcome({ kind: 'exception', repr: "ValueError('x')" }))).toBe(
      "raised ValueError('x')",
    );
    expect(plain(describeOutcome({ kind: 'cancelled' }))).toBe('was cancelled');
  });

  it('writes callbacks as calls', () => {
    expect(callbackText('gather.<locals>._done_callback')).toBe('gather._done_callback()');
    expect(callbackText('on_done')).toBe('on_done()');
    // The tracer could not name it: say something true, never "null".
    expect(callbackText(null)).toBe('a callback');
    expect(callbackNoun('on_done')).toBe('the callback on_done()');
    expect(callbackNoun(null)).toBe('a callback');
    // A callback holding control, as the editor names its marker.
    expect(callbackLabel('say')).toBe('callback say()');
    expect(callbackLabel(null)).toBe('a callback');
  });
});

describe('describeWait', () => {
  const s = loopState({
    time: 1,
    tasks: [
      task(1, { name: 'main', coro: 'main' }),
      task(2, { state: 'done', outcome: { kind: 'result', repr: '1' } }),
      task(3, { state: 'running' }),
      task(4, { state: 'cancelled', outcome: { kind: 'cancelled' } }),
    ],
    objects: [
      object(1, 'Queue', 'queue', { items: [], max: 0, get: [2], put: [], unfinished: 0 }),
      object(2, 'Queue', 'jobs', {
        items: ["'a'", "'b'"],
        max: 2,
        get: [],
        put: [3],
        unfinished: 2,
      }),
      object(3, 'Future', 'fut', { st: 'pending' }),
      object(4, 'Lock', 'lock', { locked: true, by: 3, wait: [1] }),
      object(5, 'Event', 'ready', { set: false, wait: [1] }),
      object(6, 'Semaphore', 'sem', { value: 0, by: [2, 3], wait: [1] }),
      object(7, 'Barrier', 'barrier', { parties: 3, waiting: 1, wait: [1] }),
      object(8, 'TaskGroup', 'tg', { of: [2, 3, 4] }),
      object(9, 'Condition', null, { locked: false, wait: [1] }),
      object(10, 'Future', null, null),
      object(11, 'Lock', 'free_lock', { locked: false, wait: [] }),
    ],
  });
  const say = (w: Wait) => describeWait(s, w);

  it('says sleeps and yields', () => {
    expect(say({ on: 'sleep', until: 4, ...via })).toBe('sleep until 4.0 s');
    expect(say({ on: 'yield', ...via })).toBe(
      'a bare yield (asyncio.sleep(0)): lets the others run first',
    );
  });

  it('names awaited tasks', () => {
    expect(say({ on: 'task', task: T(3), ...via })).toBe('task worker-3');
    expect(say({ on: 'task', task: T(2), ...via })).toBe('task worker-2 (done)');
    expect(say({ on: 'shield', task: T(3), ...via })).toBe('shield of task worker-3');
  });

  it('counts gathers, waits, as_completed and task groups', () => {
    expect(say({ on: 'gather', of: [T(2), T(3), T(4)], count: 3, ...via })).toBe(
      'gather of 3, 2 done',
    );
    expect(say({ on: 'wait', of: [T(2), T(3)], mode: 'FIRST_COMPLETED', ...via })).toBe(
      'asyncio.wait of 2, for the first to finish: 1 done',
    );
    expect(say({ on: 'wait', of: [T(3)], mode: 'ALL_COMPLETED', ...via })).toBe(
      'asyncio.wait of 1, for all to finish: 0 done',
    );
    expect(say({ on: 'wait', of: [T(3)], mode: 'FIRST_EXCEPTION', ...via })).toBe(
      'asyncio.wait of 1, for the first exception: 0 done',
    );
    expect(say({ on: 'as-completed', of: [T(2), T(3)], ...via })).toBe(
      'as_completed of 2: next result, 1 done',
    );
    expect(say({ on: 'taskgroup', object: O(8), of: [T(2), T(3), T(4)], ...via })).toBe(
      'task group tg to finish: 1 task left',
    );
  });

  it('describes queues with their fill', () => {
    expect(say({ on: 'queue-get', object: O(1), ...via })).toBe('queue.get() on queue — empty');
    expect(say({ on: 'queue-put', object: O(2), ...via })).toBe(
      'queue.put() on jobs — full (2 of 2)',
    );
    expect(say({ on: 'queue-join', object: O(2), ...via })).toBe(
      'queue.join() on jobs — 2 unfinished',
    );
    expect(say({ on: 'queue-get', object: O(2), ...via })).toBe('queue.get() on jobs — 2 items');
  });

  it('describes futures, locks, events, semaphores, barriers, conditions', () => {
    expect(say({ on: 'future', object: O(3), ...via })).toBe('future fut — pending');
    expect(say({ on: 'lock', object: O(4), ...via })).toBe('lock lock — held by worker-3');
    expect(say({ on: 'lock', object: O(11), ...via })).toBe('lock free_lock — free');
    expect(say({ on: 'event', object: O(5), ...via })).toBe('event.wait() on ready — not set');
    expect(say({ on: 'semaphore', object: O(6), ...via })).toBe(
      'semaphore sem — 0 free, held by worker-2 and worker-3',
    );
    expect(say({ on: 'barrier', object: O(7), ...via })).toBe(
      'barrier.wait() on barrier — 1 of 3 arrived',
    );
    expect(say({ on: 'condition', object: O(9), ...via })).toBe('condition.wait() on a Condition');
  });

  it('copes with objects it knows nothing about yet', () => {
    expect(say({ on: 'future', object: O(10), ...via })).toBe('future a Future');
    expect(say({ on: 'future', object: O(99), ...via })).toBe('future object 99');
    expect(say({ on: 'other', what: '<Foo>', ...via })).toBe('<Foo>');
  });

  it('gives parts: tasks and objects stay linkable', () => {
    const parts = describeWaitWords(s, { on: 'lock', object: O(4), ...via });
    expect(parts).toContainEqual({ object: O(4), name: 'lock' });
    expect(parts).toContainEqual({ task: T(3), name: 'worker-3' });
  });

  it('falls back to the trace for names the state lacks', () => {
    const trace = exampleTrace();
    expect(describeWait(loopState(), { on: 'task', task: T(2), ...via }, trace)).toBe(
      'task Task-2',
    );
    expect(objectName(loopState(), O(1))).toBe('object 1');
    const unnamed = loopState({ objects: [object(2, 'Event', null, { set: false })] });
    expect(objectName(unnamed, O(2))).toBe('an Event');
    expect(taskName(null, T(7))).toBe('Task-7');
    expect(taskName(null, T(1), trace)).toBe('Task-1');
  });

  it('points arrows at what is awaited, leaving out finished tasks', () => {
    expect(waitTargets(s, { on: 'gather', of: [T(2), T(3)], count: 2, ...via })).toEqual({
      tasks: [T(3)],
      objects: [],
    });
    expect(waitTargets(s, { on: 'task', task: T(2), ...via })).toEqual({
      tasks: [T(2)],
      objects: [],
    });
    expect(waitTargets(s, { on: 'queue-get', object: O(1), ...via })).toEqual({
      tasks: [],
      objects: [O(1)],
    });
    expect(waitTargets(s, { on: 'taskgroup', object: O(8), of: [T(3), T(4)], ...via })).toEqual({
      tasks: [T(3)],
      objects: [O(8)],
    });
    expect(waitTargets(s, { on: 'sleep', until: 1, ...via })).toEqual({ tasks: [], objects: [] });
  });

  it('points a stream wait at its connection or server, when the tracer named one', () => {
    const read = { on: 'stream', op: 'readline', peer: '127.0.0.1:50001', ...via } as const;
    expect(waitTargets(s, { ...read, object: O(5) })).toEqual({ tasks: [], objects: [O(5)] });
    expect(waitTargets(s, read)).toEqual({ tasks: [], objects: [] });
  });
});

describe('timers and the ready queue', () => {
  const s = loopState({
    tasks: [task(1, { line: null }), task(2)],
  });

  it('says what a timer does', () => {
    const timer = { handle: H(1), at: 4, why: 'sleep' as const, task: T(2), callback: null };
    expect(describeTimer(s, timer)).toBe('4.0 s → wakes worker-2 (sleep)');
    expect(describeTimer(s, { ...timer, why: 'timeout' })).toBe(
      '4.0 s → cancels worker-2 (timeout)',
    );
    expect(
      describeTimer(s, { ...timer, why: 'callback', task: null, callback: 'Future.set_result' }),
    ).toBe('4.0 s → calls Future.set_result()');
  });

  it('says what timers due together do, in one entry', () => {
    // The entry's two parts (what happens when; to whom) read as one sentence.
    const sentence = (timers: Parameters<typeof timerGroupWords>[1]) => {
      const { head, tasks } = timerGroupWords(s, timers);
      return plain(tasks.length === 0 ? head : [...head, ': ', ...tasks]);
    };
    const timer = { handle: H(1), at: 1, why: 'sleep' as const, task: T(1), callback: null };
    const two = [timer, { ...timer, handle: H(2), task: T(2) }];
    expect(sentence(two)).toBe('1.0 s → wakes 2 (sleep): worker-1, worker-2');
    const cancels = two.map((t) => ({ ...t, why: 'timeout' as const }));
    expect(sentence(cancels)).toBe('1.0 s → cancels 2 (timeout): worker-1, worker-2');
    expect(sentence([timer])).toBe(describeTimer(s, timer));
  });

  it('says what a ready entry runs', () => {
    const entry = { handle: H(1), task: T(2), callback: null, timer: null };
    expect(describeReadyEntry(s, entry)).toBe('worker-2 resumes');
    expect(describeReadyEntry(s, { ...entry, task: T(1) })).toBe('worker-1 starts');
    expect(describeReadyEntry(s, { ...entry, timer: 'sleep' })).toBe('wake worker-2 (sleep over)');
    expect(describeReadyEntry(s, { ...entry, timer: 'timeout' })).toBe('time out worker-2');
    expect(describeReadyEntry(s, { ...entry, task: null, callback: 'on_done' })).toBe(
      'call on_done()',
    );
  });
});

describe('describeTaskNow', () => {
  it('says where each task is', () => {
    const s = loopState({
      holder: T(1),
      tasks: [
        task(1, { state: 'running', line: 12 }),
        task(2, { state: 'ready', line: null }),
        task(3, { state: 'ready', wait: { on: 'yield', via: [] } }),
        task(4, { state: 'waiting', wait: { on: 'sleep', until: 2, via: [] } }),
        task(5, { state: 'failed', outcome: { kind: 'exception', repr: 'KeyError(1)' } }),
        task(6, { state: 'waiting', line: null }),
      ],
      ready: [
        { handle: H(1), task: T(2), callback: null, timer: null },
        { handle: H(2), task: T(3), callback: null, timer: null },
      ],
    });
    const now = (i: number) => plain(describeTaskNow(s, s.tasks[i] as TaskView));
    expect(now(0)).toBe('runs line 12');
    expect(now(1)).toBe('ready to start: next in the ready queue');
    expect(now(2)).toBe('yielded: 2nd in the ready queue');
    expect(now(3)).toBe('sleep until 2.0 s');
    expect(now(4)).toBe('raised KeyError(1)');
    expect(now(5)).toBe('not started yet');
    // A short card (many tasks) says a ready task's turn in few words; the rest as above.
    const short = (i: number) => plain(describeTaskNow(s, s.tasks[i] as TaskView, undefined, true));
    expect([1, 2, 3].map(short)).toEqual(['starts next', 'resumes 2nd', 'sleep until 2.0 s']);
  });

  it('says when the running task blocks the loop', () => {
    const s = loopState({
      holder: T(1),
      blocked: { task: T(1), until: 2, by: 'time.sleep(2)' },
      tasks: [task(1, { state: 'running' })],
    });
    expect(plain(describeTaskNow(s, s.tasks[0] as TaskView))).toBe(
      'blocks the loop: time.sleep(2)',
    );
  });
});

describe('controlText', () => {
  it('names the holder, or the loop', () => {
    expect(controlText(loopState({ tasks: [task(1)], holder: T(1) }))).toBe('Control: worker-1');
    expect(controlText(loopState())).toBe('Control: event loop');
  });
});

describe('the moment (real traces)', () => {
  it('follows the example trace through its loop', () => {
    const trace = exampleTrace();
    const at = (n: number) => plain(describeMoment(trace, stateAt(trace, n)).words);
    expect(loopPhase(trace, stateAt(trace, 3))).toBe('before');
    expect(at(3)).toBe(
      'No event loop exists yet: ordinary Python runs top to bottom until asyncio.run starts one.',
    );
    expect(controlText(stateAt(trace, 3))).toBe('Control: the top-level code');
    expect(at(6)).toBe('The event loop starts running.');
    expect(at(9)).toBe('The loop hands control to Task-1.');
    expect(at(12)).toBe('Task-1 has control and runs line 9.');
    expect(at(19)).toBe('Task-1 gives control back to the loop: it awaits task Task-2.');
    expect(describeMoment(trace, stateAt(trace, 27)).tone).toBe('clock');
    expect(at(27)).toBe('Nothing is ready: the clock jumps from 0.0 s to 1.0 s, the next timer.');
    expect(at(28)).toBe('A timer is due: it moves to the ready queue.');
    expect(at(33)).toBe('Task-2 returned 2; control goes back to the loop.');
    expect(at(40)).toBe('The event loop stops.');
    expect(loopPhase(trace, stateAt(trace, 40))).toBe('after');
  });

  it('says what the loop does next when it holds control', () => {
    const trace = exampleTrace();
    expect(plain(describeMoment(trace, stateAt(trace, 8)).words)).toBe(
      'The loop has control. Next from the ready queue: Task-1 starts.',
    );
    // Step 2 is a line event; a loop holding control with only a timer pending.
    const waiting = loopState({
      step: asStep(2),
      timers: [{ handle: H(1), at: 2.5, why: 'sleep', task: T(1), callback: null }],
    });
    expect(plain(describeMoment(trace, waiting).words)).toBe(
      'The loop has control. Nothing is ready; the next timer is due at 2.5 s.',
    );
    expect(plain(describeMoment(trace, loopState({ step: asStep(2) })).words)).toBe(
      'The loop has control.',
    );
  });

  it('says a blocked loop is blocked', () => {
    const trace = fixture('40-time-sleep-blocks');
    const moment = describeMoment(trace, stateAt(trace, 50));
    expect(moment.tone).toBe('blocked');
    expect(plain(moment.words)).toBe(
      'Loop blocked by time.sleep(0.3) — nothing else can run. The clock moved to 0.4 s while Task-3 kept control.',
    );
  });

  it('names the callback the loop runs', () => {
    const trace = fixture('23-queue-worker-pool');
    // The first timer callback after the clock first jumps: it wakes Task-3.
    const jump = stepWhere(trace, (ev) => ev.kind === 'clock');
    const wake = stepWhere(trace, (ev) => ev.kind === 'callback', jump);
    expect(plain(describeMoment(trace, stateAt(trace, wake)).words)).toBe(
      'The loop runs the next ready handle: wake Task-3 (sleep over).',
    );
    // The same words when the previous picture is given.
    expect(plain(describeMoment(trace, stateAt(trace, wake), stateAt(trace, wake - 1)).words)).toBe(
      'The loop runs the next ready handle: wake Task-3 (sleep over).',
    );
  });

  it('tells the phases apart when asyncio.run runs its shutdown loops', () => {
    const trace = fixture('23-queue-worker-pool');
    const stops = (ev: { kind: string; running?: boolean }) => ev.kind === 'loop' && !ev.running;
    // While main runs; once the loop has stopped after main (asyncio.run creates its first
    // shutdown task); and after the last shutdown loop stops.
    const running = stepWhere(trace, (ev) => ev.kind === 'clock');
    const between = stepWhere(trace, stops) + 1;
    const after = trace.events.length - 1;
    expect(eventAt(trace, after)).toMatchObject({ kind: 'loop', running: false });
    expect(loopPhase(trace, stateAt(trace, running))).toBe('running');
    expect(loopPhase(trace, stateAt(trace, between))).toBe('between');
    expect(loopPhase(trace, stateAt(trace, after))).toBe('after');
    expect(plain(describeMoment(trace, stateAt(trace, between)).words)).toBe(
      'The event loop is not running right now.',
    );
  });

  it('says a deadlock is a deadlock, at the end of a run stopped by one', () => {
    const trace = partialTrace(
      {
        source: 'x\n',
        status: 'limit',
        limit: { kind: 'deadlock', message: 'Deadlock.' },
      },
      [1, { k: 'loop', run: true }, 1],
    );
    expect(describeMoment(trace, stateAt(trace, 2)).tone).toBe('deadlock');
    expect(describeMoment(trace, stateAt(trace, 1)).tone).not.toBe('deadlock');
  });

  it("says why a deadlocked run stopped in these words, not the tracer's", () => {
    // The golden trace's own sentence: "Deadlock at 0 s: … Task-1 waits for future `fut`, which
    // nothing will complete. …" — another spelling of the time and of the wait.
    const url = new URL(
      '../../tests/golden/lessons/05-futures/s4-starter.trace.json',
      import.meta.url,
    );
    const trace = parseTrace(JSON.parse(readFileSync(url, 'utf8')));
    expect(limitText(trace)).toBe(
      'Deadlock at 0.0 s: nothing is ready and no timer is due, but Task-1 waits for future fut — pending. Real Python would wait here forever.',
    );
    const stopped = partialTrace(
      {
        source: 'x\n',
        status: 'limit',
        limit: { kind: 'steps', message: 'Stopped after 5 steps.' },
      },
      [1],
    );
    expect(limitText(stopped)).toBe('Stopped after 5 steps.');
    expect(limitText(exampleTrace())).toBeNull();
  });

  it('handles the picture before the first event', () => {
    const trace = exampleTrace();
    expect(describeMoment(trace, stateAt(trace, -1)).tone).toBe('stopped');
  });

  it('handles a trace without any loop', () => {
    const trace = partialTrace({ source: 'print(1)\n', status: 'completed' }, [1]);
    expect(loopPhase(trace, stateAt(trace, 0))).toBe('before');
  });
});
