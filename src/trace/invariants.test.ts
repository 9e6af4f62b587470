import { describe, expect, it } from 'vitest';
import { exampleTrace } from './example.ts';
import { checkInvariants, MAX_VIOLATIONS } from './invariants.ts';
import { partialTrace } from './partial-trace.ts';
import type { Trace, TraceStatus } from './types.ts';

const SOURCE = `${Array.from({ length: 20 }, (_, i) => `line ${i + 1}`).join('\n')}\n`;
const make = (events: unknown[], status: TraceStatus = 'completed'): Trace =>
  partialTrace({ source: SOURCE, status }, events);
const check = (events: unknown[], status: TraceStatus = 'completed') =>
  checkInvariants(make(events, status));

const created = (t: number, by: number | null = null) => ({
  k: 'task-created',
  t,
  name: `Task-${t}`,
  coro: 'work',
  user: true,
  by,
});
/** Loop running, tasks 1 and 2 created from module level and queued as handles 1 and 2. */
const START = [
  { k: 'loop', run: true },
  created(1),
  { k: 'ready', h: 1, t: 1 },
  created(2),
  { k: 'ready', h: 2, t: 2 },
];
const YIELD = { on: 'yield' };

describe('checkInvariants: valid traces', () => {
  it('finds nothing wrong with a well-formed run', () => {
    expect(checkInvariants(exampleTrace())).toEqual([]);
  });

  it('allows a trace that stops while a task holds control, unless it completed', () => {
    const events = [...START, { k: 'resume', t: 1, h: 1 }, 3, 4];
    expect(check(events, 'limit')).toEqual([]);
    expect(check(events, 'error')).toEqual([]);
    expect(check(events, 'completed')).toEqual([
      'the trace ends while task 1 holds control (resumed at step 5, never suspended), but its status is "completed"',
    ]);
  });
});

describe('checkInvariants: control', () => {
  it('one holder at a time: resume only when no task holds control', () => {
    expect(
      check([...START, { k: 'resume', t: 1, h: 1 }, { k: 'resume', t: 2, h: 2 }], 'limit'),
    ).toEqual(['step 6: resume of task 2 while task 1 holds control']);
  });

  it('suspend and task-done only for the task holding control', () => {
    expect(check([...START, { k: 'suspend', t: 1, w: YIELD }])).toEqual([
      'step 5: suspend of task 1 while no task holds control',
    ]);
    expect(
      check([...START, { k: 'resume', t: 1, h: 1 }, { k: 'task-done', t: 2, r: '1' }]),
    ).toEqual(['step 6: task-done of task 2 while task 1 holds control']);
  });

  it('a plain callback runs only when no task holds control', () => {
    const events = [
      ...START,
      { k: 'ready', h: 3, cb: 'f' },
      { k: 'resume', t: 1, h: 1 },
      { k: 'callback', h: 3 },
    ];
    expect(check(events)).toEqual(['step 7: callback of handle 3 while task 1 holds control']);
  });

  it('handles run only while a loop runs; loops do not nest', () => {
    expect(
      check([
        created(1),
        { k: 'ready', h: 1, t: 1 },
        { k: 'resume', t: 1, h: 1 },
        { k: 'task-done', t: 1, r: '1' },
      ]),
    ).toEqual(['step 2: resume of task 1 while no event loop is running']);
    expect(
      check([
        { k: 'loop', run: true },
        { k: 'loop', run: true },
        { k: 'loop', run: false },
        { k: 'loop', run: false },
      ]),
    ).toEqual([
      'step 1: an event loop starts while one is already running',
      'step 3: an event loop stops while none is running',
    ]);
  });

  it('tasks are resumed only before they finish, and finish once', () => {
    const events = [
      ...START,
      { k: 'resume', t: 1, h: 1 }, // 5
      { k: 'task-done', t: 1, r: '1' }, // 6
      { k: 'ready', h: 3, t: 1 }, // 7
      { k: 'resume', t: 1, h: 3 }, // 8
      { k: 'task-done', t: 1, r: '1' }, // 9
    ];
    expect(check(events)).toEqual([
      'step 7: handle 3 is queued for task 1, which finished at step 6',
      'step 8: resume of task 1, which finished at step 6',
      'step 9: task 1 finishes a second time (first at step 6)',
    ]);
  });

  it('block, net and task-created name the party holding control', () => {
    const events = [
      ...START,
      { k: 'resume', t: 1, h: 1 }, // 5
      { k: 'block', t: 2, at: 1, by: 'time.sleep(1)' }, // 6
      { k: 'net', t: null, lib: 'requests', m: 'GET', url: 'u', lat: 1 }, // 7
      created(3, null), // 8
      { k: 'suspend', t: 1, w: YIELD }, // 9
    ];
    expect(check(events)).toEqual([
      'step 6: block by task 2 while task 1 holds control',
      'step 7: a network request by no task while task 1 holds control',
      'step 8: task 3 is created by no task, but task 1 holds control',
    ]);
  });
});

describe('checkInvariants: declarations', () => {
  it('tasks are declared before use, once, numbered 1, 2, … in order', () => {
    const events = [
      { k: 'loop', run: true },
      created(1),
      created(1),
      created(3),
      { k: 'ready', h: 1, t: 7 },
      { k: 'task-name', t: 8, name: 'x' },
    ];
    expect(check(events)).toEqual([
      'step 2: task 1 is created a second time',
      'step 3: task 3 is created, but the next task id is 2 (ids are 1, 2, … in creation order)',
      'step 4: ready names task 7, which no task-created event declared before',
      'step 5: task-name names task 8, which no task-created event declared before',
      // The header lists task 1 once (as rebuilt); the duplicate declaration is the problem.
    ]);
  });

  it('a resume of an undeclared task is reported once, as such', () => {
    expect(
      check(
        [
          { k: 'loop', run: true },
          { k: 'resume', t: 4, h: 1 },
        ],
        'limit',
      ),
    ).toEqual(['step 1: resume names task 4, which no task-created event declared before']);
  });

  it('waits name declared tasks and objects', () => {
    const events = [
      ...START,
      { k: 'resume', t: 1, h: 1 },
      { k: 'suspend', t: 1, w: { on: 'gather', of: [2, 9], n: 2 } },
      { k: 'resume', t: 2, h: 2 },
      { k: 'suspend', t: 2, w: { on: 'queue-get', o: 4 } },
    ];
    expect(check(events)).toEqual([
      'step 6: suspend on gather names task 9, which no task-created event declared before',
      'step 8: suspend on queue-get names object 4, which no object event declared before',
    ]);
  });

  it('objects and frames are declared once, before their state, locals or use', () => {
    const events = [
      { k: 'object', o: 1, type: 'Event', label: 'e' },
      { k: 'object', o: 1, type: 'Event', label: 'e' },
      { k: 'state', o: 2, s: { set: true, wait: [] } },
      { k: 'frame', f: 1, fn: '<module>', t: null },
      { k: 'frame', f: 1, fn: '<module>', t: null },
      { k: 'in', f: 2 },
      { k: 'locals', f: 3, v: {} },
      { k: 'frame', f: 4, fn: 'work', t: 5 },
    ];
    expect(check(events)).toEqual([
      'step 1: object 1 is declared a second time',
      'step 2: state names object 2, which no object event declared before',
      'step 4: frame 1 is declared a second time',
      'step 5: in names frame 2, which no frame event declared',
      'step 6: locals names frame 3, which no frame event declared',
      'step 7: frame 4 names task 5, which no task-created event declared before',
    ]);
  });
});

describe('checkInvariants: handles', () => {
  it('handles are scheduled before they run, are cancelled or fall due', () => {
    const events = [
      ...START,
      { k: 'resume', t: 1, h: 9 }, // 5
      { k: 'suspend', t: 1, w: YIELD }, // 6
      { k: 'callback', h: 10 }, // 7
      { k: 'cancel', h: 11 }, // 8
      { k: 'due', h: [12] }, // 9
    ];
    expect(check(events)).toEqual([
      'step 5: resume of task 1 runs handle 9, which was never scheduled',
      'step 7: callback runs handle 10, which was never scheduled',
      'step 8: cancel of handle 11, which was never scheduled',
      'step 9: due names handle 12, which was never scheduled',
    ]);
  });

  it('handles are numbered in scheduling order, each once', () => {
    const events = [
      ...START,
      { k: 'ready', h: 2, cb: 'f' },
      { k: 'ready', h: 5, cb: 'f' },
      { k: 'timer', h: 4, at: 1, why: 'callback', cb: 'g' },
    ];
    expect(check(events)).toEqual([
      'step 5: ready schedules handle 2, which was already scheduled',
      'step 7: timer schedules handle 4 after handle 5 (handles are numbered in scheduling order)',
    ]);
  });

  it('a handle runs only from the ready queue, for the task it was queued for', () => {
    const events = [
      ...START,
      { k: 'timer', h: 3, at: 5, why: 'sleep', t: 1 }, // 5
      { k: 'resume', t: 1, h: 3 }, // 6: not due yet
      { k: 'suspend', t: 1, w: YIELD }, // 7
      { k: 'resume', t: 1, h: 2 }, // 8: queued for task 2
      { k: 'suspend', t: 1, w: YIELD }, // 9
      { k: 'cancel', h: 1 }, // 10
      { k: 'resume', t: 1, h: 1 }, // 11: cancelled
      { k: 'suspend', t: 1, w: YIELD }, // 12
      { k: 'ready', h: 4, t: 2 }, // 13
      { k: 'callback', h: 4 }, // 14: a task step run as a callback
    ];
    expect(check(events)).toEqual([
      'step 6: resume of task 1 runs handle 3, which is a timer due at 5 that has not fallen due',
      'step 8: resume of task 1 runs handle 2, which was queued for task 2',
      'step 11: resume of task 1 runs handle 1, which is not in the ready queue (it already ran or was cancelled)',
      "step 14: callback runs handle 4, which was queued to run task 2's next step",
    ]);
  });

  it('timers fall due in (time, scheduling) order, and not before their time', () => {
    const events = [
      ...START,
      { k: 'timer', h: 3, at: 2, why: 'callback', cb: 'a' }, // 5
      { k: 'timer', h: 4, at: 1, why: 'callback', cb: 'b' }, // 6
      { k: 'timer', h: 5, at: 1, why: 'callback', cb: 'c' }, // 7
      { k: 'due', h: [4] }, // 8: time is still 0
      { k: 'clock', at: 2 }, // 9: the ready queue still holds 1, 2 and 4
      { k: 'due', h: [3, 5] }, // 10
      { k: 'due', h: [4] }, // 11: already moved
    ];
    expect(check(events)).toEqual([
      'step 8: timer 4 falls due at time 0, before its time 1',
      'step 9: the clock jumps to 2 while the ready queue holds handles 1, 2, 4',
      'step 10: timer 3 (at 2) falls due before timer 5 (at 1)',
      'step 11: due names handle 4, which is not a pending timer',
    ]);
  });
});

describe('checkInvariants: time, lines and header', () => {
  it('virtual time never goes back', () => {
    const events = [
      { k: 'clock', at: 3 },
      { k: 'clock', at: 2 },
      { k: 'block', t: null, at: 1, by: 'time.sleep(1)' },
    ];
    expect(check(events)).toEqual([
      'step 1: the clock goes back from 3 to 2',
      'step 2: a blocking call takes the clock back from 2 to 1',
    ]);
  });

  it('line events are lines of the program', () => {
    expect(check([1, 20, 21])).toEqual(['step 2: line 21 is past the end of main.py (20 lines)']);
  });

  it('the header agrees with the events', () => {
    const trace = make([...START, { k: 'out', s: 'hi\n' }, { k: 'out', s: 'warn\n', e: 1 }, 3]);
    const bad: Trace = {
      ...trace,
      stdout: 'hello\n',
      stderr: 'other\n',
      stats: { steps: 3, lines: 0, detailSteps: 1 },
      tasks: [
        { ...(trace.tasks[0] as Trace['tasks'][number]), name: 'main' },
        trace.tasks[1] as Trace['tasks'][number],
      ],
      objects: [{ id: 1 as never, type: 'Queue', label: null }],
    };
    expect(checkInvariants(bad)).toEqual([
      'stats.steps is 3, but there are 8 events',
      'stats.lines is 0, but there are 1 line events',
      '"tasks[0]" is {"id":1,"name":"main","coro":"work","user":true}, but the events say {"id":1,"name":"Task-1","coro":"work","user":true}',
      '"objects" has 1 entries, but the events declare 0',
      `the out events' stdout is not the trace's "stdout" (they differ at character 1: "i\\n" in the events, "ello\\n" in the header)`,
      `the out events' stderr is not the start of the trace's "stderr" (they differ at character 0: "warn\\n" in the events, "other\\n" in the header)`,
    ]);
    // stderr may go on after the last out event (a traceback written at exit).
    expect(checkInvariants({ ...trace, stderr: `${trace.stderr}Traceback …\n` })).toEqual([]);
  });

  it('lists at most MAX_VIOLATIONS messages, then counts the rest', () => {
    const events = Array.from({ length: MAX_VIOLATIONS + 5 }, () => ({
      k: 'suspend',
      t: 1,
      w: YIELD,
    }));
    const found = check([created(1), ...events]);
    expect(found).toHaveLength(MAX_VIOLATIONS + 1);
    expect(found.at(-1)).toBe('… and 5 more violations');
  });
});
