/**
 * `editorMarkers` and `traceDiagnostics` on real traces. The fixtures are traces of corpus
 * programs, kept in tests/fixtures/traces (`npm run fixtures:update` records them again if the
 * trace format changes).
 */
import { describe, expect, it } from 'vitest';
import { fixture, stepOfLine, stepWhere } from '../../../tests/fixtures/traces.ts';
import { exampleTrace } from '../../trace/example.ts';
import {
  asHandleId as H,
  partialTrace,
  type RawEvent,
  stateAt,
  asTaskId as T,
  type Trace,
} from '../../trace/index.ts';
import { type EditorMarker, editorMarkers, PROGRAM_NAME, traceDiagnostics } from './markers.ts';

const queue = fixture('22-queue-producer-consumer');
const callbacks = fixture('06-call-soon-later-at');
const escapes = fixture('44-exception-escapes');
const syntax = fixture('55-syntax-error');

const at = (trace: Trace, step: number): EditorMarker[] =>
  editorMarkers(trace, stateAt(trace, step));

describe('editorMarkers', () => {
  it('marks nothing before the first line', () => {
    expect(at(queue, -1)).toEqual([]);
    expect(at(queue, 1)).toEqual([]);
  });

  it('marks module-level code with no task, running', () => {
    expect(at(queue, 4)).toEqual([
      {
        line: 12,
        task: null,
        name: PROGRAM_NAME,
        running: true,
        status: 'running',
        hover: 'The program (module level) is running line 12',
      },
    ]);
  });

  it('marks the running task strong and the suspended ones with what they wait for', () => {
    expect(at(queue, 28)).toEqual([
      {
        line: 20,
        task: T(1),
        name: 'Task-1',
        running: false,
        status: 'waiting',
        hover: 'Task-1 waits: gather of 2, 0 done',
      },
      {
        line: 5,
        task: T(2),
        name: 'Task-2',
        running: true,
        status: 'running',
        hover: 'Task-2 is running line 5',
      },
    ]);
    const waiting = at(queue, 37);
    expect(waiting.map((m) => [m.line, m.running, m.hover])).toEqual([
      [20, false, 'Task-1 waits: gather of 2, 0 done'],
      [6, false, 'Task-2 waits: sleep until 0.1 s'],
      [13, false, 'Task-3 waits: `queue.get()` on `q` — empty'],
    ]);
  });

  it('says where a ready task is in the ready queue', () => {
    const ready = at(queue, 40).find((m) => m.task === T(2));
    expect(ready).toMatchObject({
      line: 6,
      running: false,
      status: 'ready',
      hover: 'Task-2 is ready and waits for its turn (number 1 in the ready queue)',
    });
  });

  it('hides no suspended task while another runs, and never marks two parties running', () => {
    for (let step = 0; step < queue.events.length; step++) {
      const state = stateAt(queue, step);
      const markers = editorMarkers(queue, state);
      expect(markers.filter((m) => m.running).length, `step ${step}`).toBeLessThanOrEqual(1);
      const live = state.tasks.filter(
        (t) => t.line !== null && !['done', 'failed', 'cancelled'].includes(t.state),
      );
      expect(markers.filter((m) => m.task !== null).map((m) => m.task)).toEqual(
        live.map((t) => t.id),
      );
      for (const m of markers) expect(m.hover, `step ${step}`).not.toMatch(/undefined|NaN|null/);
    }
  });

  it('drops finished tasks and shows the asyncio.run line once the loop has stopped', () => {
    const last = queue.events.length - 1;
    expect(at(queue, last)).toEqual([
      {
        line: 23,
        task: null,
        name: PROGRAM_NAME,
        running: true,
        status: 'running',
        hover: 'The program (module level) is running line 23',
      },
    ]);
  });

  it('marks a plain callback that runs program code, until the loop takes control back', () => {
    // Callback say() (from loop.call_soon) runs line 5 for the first time; Task-1 sleeps at line 18.
    expect(at(callbacks, stepOfLine(callbacks, 5))).toEqual([
      {
        line: 18,
        task: T(1),
        name: 'Task-1',
        running: false,
        status: 'waiting',
        hover: 'Task-1 waits: sleep until 0.3 s',
      },
      {
        line: 5,
        task: null,
        name: 'callback say()',
        running: true,
        status: 'running',
        hover: 'Callback say() is running line 5 (the event loop runs it; no task holds control)',
      },
    ]);
    // The clock jumps, so the callback has returned.
    const jump = stepWhere(callbacks, (ev) => ev.kind === 'clock');
    expect(at(callbacks, jump).map((m) => m.task)).toEqual([T(1)]);
    // A timer's callback that only wakes a task (main's sleep, due at 0.3 s) runs no program line.
    const wakeMain = stepWhere(
      callbacks,
      (ev) => ev.kind === 'callback',
      stepWhere(callbacks, (ev) => ev.kind === 'clock' && ev.at === 0.3),
    );
    expect(at(callbacks, wakeMain).map((m) => m.task)).toEqual([T(1)]);
  });

  it('puts module-level code back at asyncio.run, not at the last callback line', () => {
    const stopped = at(
      callbacks,
      stepWhere(callbacks, (ev) => ev.kind === 'loop' && !ev.running),
    );
    expect(stopped).toEqual([expect.objectContaining({ line: 22, task: null, running: true })]);
  });

  it('says when a blocking call holds the whole loop', () => {
    const events: RawEvent[] = [
      { k: 'loop', run: true },
      { k: 'task-created', t: T(1), name: 'Task-1', coro: 'main', user: true, by: null },
      { k: 'ready', h: H(1), t: T(1) },
      { k: 'resume', t: T(1), h: H(1) },
      4,
      { k: 'block', t: T(1), at: 2, by: 'time.sleep(2)' },
    ];
    const trace = partialTrace(
      { source: 'import asyncio, time\n\nasync def main():\n    time.sleep(2)\n' },
      events,
    );
    expect(at(trace, 5)).toEqual([
      expect.objectContaining({
        line: 4,
        running: true,
        hover: 'Task-1 is running line 4 — `time.sleep(2)` blocks the whole loop until 2.0 s',
      }),
    ]);
  });

  it('follows the example trace through a task awaiting another', () => {
    const trace = exampleTrace();
    expect(at(trace, 26).map((m) => [m.line, m.running, m.hover])).toEqual([
      [11, false, 'Task-1 waits: task Task-2'],
      [4, false, 'Task-2 waits: sleep until 1.0 s'],
    ]);
    expect(at(trace, 30).map((m) => [m.line, m.running])).toEqual([
      [11, false],
      [5, true],
    ]);
  });

  it('marks nothing for a program that never ran', () => {
    expect(at(syntax, 0)).toEqual([]);
  });
});

describe('traceDiagnostics', () => {
  it('places a syntax error at its line and column', () => {
    expect(traceDiagnostics(syntax)).toEqual([
      { line: 6, column: 24, message: "SyntaxError: '(' was never closed", severity: 'error' },
    ]);
  });

  it('places an exception that escaped at the line that raised it', () => {
    expect(traceDiagnostics(escapes)).toEqual([
      { line: 15, message: 'ValueError: something went wrong', severity: 'error' },
    ]);
  });

  it('has nothing to say about a run that went well', () => {
    expect(traceDiagnostics(queue)).toEqual([]);
    expect(traceDiagnostics(callbacks)).toEqual([]);
  });

  it('has no line to mark for an exception raised outside the program', () => {
    const trace = partialTrace(
      {
        source: 'import asyncio\n',
        status: 'error',
        error: {
          type: 'RuntimeError',
          message: 'boom',
          line: null,
          traceback: 'RuntimeError: boom\n',
        },
      },
      [],
    );
    expect(traceDiagnostics(trace)).toEqual([]);
  });

  it('turns what asyncio reported on stderr into warnings at the program line', () => {
    // The stderr of tests/corpus/45-task-exception-never-retrieved.py and 47-exception-in-callback.py.
    const stderr = [
      'Task exception was never retrieved',
      "future: <Task finished name='Task-2' coro=<fails() done, defined at main.py:4> exception=RuntimeError(\"nobody looks at this task's result\")>",
      'Traceback (most recent call last):',
      '  File "main.py", line 6, in fails',
      '    raise RuntimeError("nobody looks at this task\'s result")',
      "RuntimeError: nobody looks at this task's result",
      '',
      'Exception in callback bad_callback() at main.py:4',
      'handle: <Handle bad_callback() at main.py:4>',
      'Traceback (most recent call last):',
      '  File "/lib/python314.zip/asyncio/events.py", line 94, in _run',
      '    self._context.run(self._callback, *self._args)',
      '    ~~~~~~~~~~~~~~~~~^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
      '  File "main.py", line 9, in bad_callback',
      '    return 1 / 0',
      '           ~~^~~',
      'ZeroDivisionError: division by zero',
      '',
    ].join('\n');
    const trace = partialTrace({ source: 'import asyncio\n', status: 'completed', stderr }, []);
    expect(traceDiagnostics(trace)).toEqual([
      {
        line: 6,
        message:
          "RuntimeError: nobody looks at this task's result (task exception never retrieved)",
        severity: 'warning',
      },
      {
        line: 9,
        message: 'ZeroDivisionError: division by zero (exception in callback bad_callback())',
        severity: 'warning',
      },
    ]);
  });
});
