// size: Checker.check is one switch, a case per event kind with that kind's invariants
/**
 * `checkInvariants(trace)`: what must hold in every trace the tracer writes, beyond its shape
 * (which `parseTrace` checks). Each violation is one sentence naming the step, so that a corpus
 * test failing on a real program says what the tracer got wrong.
 *
 * It replays the trace with the same fold as `stateAt` and checks each event against the state
 * just before it, so the checks and the replay can never disagree about what the state is.
 */
import { applyObjectEvent } from './apply-event.ts';
import { tableGet } from './id-table.ts';
import type { HandleId, TaskId } from './ids.ts';
import { outputs } from './output.ts';
import { rebuildTables } from './tables.ts';
import type { RawObjectEvent, RawWait, Trace } from './types.ts';
import { initialWorking, type Working } from './working-state.ts';

/** Past this many violations the rest are counted, not listed: one bug can repeat a million times. */
export const MAX_VIOLATIONS = 100;

/** Slack for "a timer falls due before its time": generous for any clock asyncio might report. */
const CLOCK_RESOLUTION = 1e-3;

export function checkInvariants(trace: Trace): string[] {
  const found: string[] = [];
  let dropped = 0;
  const report = (message: string) => {
    if (found.length < MAX_VIOLATIONS) found.push(message);
    else dropped++;
  };

  const checker = new Checker(trace, report);
  const events = trace.events;
  const lastLine = sourceLineCount(trace.source);
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    if (typeof e === 'number') {
      if (lastLine > 0 && e > lastLine) {
        report(`step ${i}: line ${e} is past the end of ${trace.file} (${lastLine} lines)`);
      }
      checker.w.holderLine = e;
      checker.w.line = e;
    } else if (e !== undefined) {
      checker.check(e, i);
      applyObjectEvent(checker.w, e, i);
    }
    checker.w.step = i;
  }
  checker.checkEnd();
  checkHeader(trace, report);
  if (dropped > 0) found.push(`… and ${dropped} more violations`);
  return found;
}

class Checker {
  readonly w: Working = initialWorking();
  /** Every handle id scheduled so far (ready or timer). */
  private readonly scheduled = new Set<number>();
  private maxHandle = -1;
  /** The step of the resume that gave the current holder control. */
  private resumedAt = -1;

  constructor(
    private readonly trace: Trace,
    private readonly report: (message: string) => void,
  ) {}

  check(e: RawObjectEvent, step: number): void {
    const w = this.w;
    const at = `step ${step}`;
    switch (e.k) {
      case 'task-created': {
        if (tableGet(w.tasks, e.t) !== undefined)
          this.report(`${at}: task ${e.t} is created a second time`);
        else if (e.t !== w.tasks.size + 1) {
          this.report(
            `${at}: task ${e.t} is created, but the next task id is ${w.tasks.size + 1} (ids are 1, 2, … in creation order)`,
          );
        }
        if (e.by !== w.holder)
          this.report(`${at}: task ${e.t} is created by ${who(e.by)}, but ${holding(w.holder)}`);
        break;
      }
      case 'task-name':
        this.knownTask(e.t, at, 'task-name');
        break;
      case 'resume': {
        if (!this.knownTask(e.t, at, 'resume')) break;
        const task = tableGet(w.tasks, e.t);
        if (task?.outcome)
          this.report(`${at}: resume of task ${e.t}, which finished at step ${task.doneAt}`);
        if (w.holder !== null)
          this.report(`${at}: resume of task ${e.t} while task ${w.holder} holds control`);
        if (!w.loopRunning)
          this.report(`${at}: resume of task ${e.t} while no event loop is running`);
        this.runsHandle(e.h, e.t, at, `resume of task ${e.t}`);
        this.resumedAt = step;
        break;
      }
      case 'suspend':
        if (w.holder !== e.t)
          this.report(`${at}: suspend of task ${e.t} while ${holding(w.holder)}`);
        this.checkWait(e.w, at);
        break;
      case 'task-done': {
        if (w.holder !== e.t)
          this.report(`${at}: task-done of task ${e.t} while ${holding(w.holder)}`);
        const task = tableGet(w.tasks, e.t);
        if (task?.outcome)
          this.report(`${at}: task ${e.t} finishes a second time (first at step ${task.doneAt})`);
        break;
      }
      case 'callback':
        if (w.holder !== null)
          this.report(`${at}: callback of handle ${e.h} while task ${w.holder} holds control`);
        if (!w.loopRunning)
          this.report(`${at}: callback of handle ${e.h} while no event loop is running`);
        this.runsHandle(e.h, null, at, 'callback');
        break;
      case 'loop':
        if (e.run && w.loopRunning)
          this.report(`${at}: an event loop starts while one is already running`);
        if (!e.run && !w.loopRunning)
          this.report(`${at}: an event loop stops while none is running`);
        break;
      case 'ready':
        this.schedules(e.h, at, 'ready');
        if (e.t !== undefined && this.knownTask(e.t, at, 'ready')) {
          const task = tableGet(w.tasks, e.t);
          if (task?.outcome)
            this.report(
              `${at}: handle ${e.h} is queued for task ${e.t}, which finished at step ${task.doneAt}`,
            );
        }
        break;
      case 'timer':
        this.schedules(e.h, at, 'timer');
        if (e.t !== undefined) this.knownTask(e.t, at, `timer ${e.h}`);
        break;
      case 'due':
        this.checkDue(e.h, at);
        break;
      case 'cancel':
        if (!this.scheduled.has(e.h))
          this.report(`${at}: cancel of handle ${e.h}, which was never scheduled`);
        break;
      case 'clock':
        if (e.at < w.time) this.report(`${at}: the clock goes back from ${w.time} to ${e.at}`);
        if (w.ready.length > 0) {
          this.report(
            `${at}: the clock jumps to ${e.at} while the ready queue holds ${handles(w.ready)}`,
          );
        }
        break;
      case 'block':
        if (e.at < w.time)
          this.report(`${at}: a blocking call takes the clock back from ${w.time} to ${e.at}`);
        if (e.t !== w.holder) this.report(`${at}: block by ${who(e.t)} while ${holding(w.holder)}`);
        break;
      case 'net':
        if (e.t !== w.holder)
          this.report(`${at}: a network request by ${who(e.t)} while ${holding(w.holder)}`);
        break;
      case 'object':
        if (tableGet(w.objects, e.o) !== undefined)
          this.report(`${at}: object ${e.o} is declared a second time`);
        break;
      case 'state':
        this.knownObject(e.o, at, 'state');
        break;
      case 'frame':
        if (tableGet(w.frames, e.f) !== undefined)
          this.report(`${at}: frame ${e.f} is declared a second time`);
        if (e.t !== null) this.knownTask(e.t, at, `frame ${e.f}`);
        break;
      case 'in':
      case 'locals':
        if (tableGet(w.frames, e.f) === undefined)
          this.report(`${at}: ${e.k} names frame ${e.f}, which no frame event declared`);
        break;
      case 'out':
        break;
    }
  }

  checkEnd(): void {
    const w = this.w;
    if (w.holder !== null && this.trace.status === 'completed') {
      this.report(
        `the trace ends while task ${w.holder} holds control (resumed at step ${this.resumedAt}, never suspended), ` +
          'but its status is "completed"',
      );
    }
  }

  private knownTask(t: TaskId, at: string, what: string): boolean {
    if (tableGet(this.w.tasks, t) !== undefined) return true;
    this.report(`${at}: ${what} names task ${t}, which no task-created event declared before`);
    return false;
  }

  private knownObject(o: number, at: string, what: string): void {
    if (tableGet(this.w.objects, o) === undefined)
      this.report(`${at}: ${what} names object ${o}, which no object event declared before`);
  }

  private schedules(h: HandleId, at: string, what: string): void {
    if (this.scheduled.has(h))
      this.report(`${at}: ${what} schedules handle ${h}, which was already scheduled`);
    else if (h < this.maxHandle) {
      this.report(
        `${at}: ${what} schedules handle ${h} after handle ${this.maxHandle} (handles are numbered in scheduling order)`,
      );
    }
    this.scheduled.add(h);
    if (h > this.maxHandle) this.maxHandle = h;
  }

  /** A resume (task) or callback (null) runs handle `h`: it must be in the ready queue. */
  private runsHandle(h: HandleId, task: TaskId | null, at: string, what: string): void {
    const w = this.w;
    if (!this.scheduled.has(h)) {
      this.report(`${at}: ${what} runs handle ${h}, which was never scheduled`);
      return;
    }
    const entry = w.ready.find((r) => r.handle === h);
    if (entry === undefined) {
      const timer = w.timers.find((t) => t.handle === h);
      const why = timer
        ? `a timer due at ${timer.at} that has not fallen due`
        : 'not in the ready queue (it already ran or was cancelled)';
      this.report(`${at}: ${what} runs handle ${h}, which is ${why}`);
      return;
    }
    if (task !== null && entry.task !== task) {
      const runs = entry.task === null ? `callback ${entry.callback ?? '?'}` : `task ${entry.task}`;
      this.report(`${at}: ${what} runs handle ${h}, which was queued for ${runs}`);
    }
    if (task === null && entry.task !== null && entry.timer === null) {
      this.report(
        `${at}: callback runs handle ${h}, which was queued to run task ${entry.task}'s next step`,
      );
    }
  }

  private checkDue(due: readonly HandleId[], at: string): void {
    const timers = this.w.timers;
    let inOrder = true;
    due.forEach((h, i) => {
      const timer = timers.find((t) => t.handle === h);
      if (timer === undefined) {
        const never = !this.scheduled.has(h);
        this.report(
          `${at}: due names handle ${h}, which ${never ? 'was never scheduled' : 'is not a pending timer'}`,
        );
        return;
      }
      // asyncio moves timers due within its clock resolution of now (BaseEventLoop._run_once),
      // so a timer may fall due a hair before its time; more than that is a tracer bug.
      if (timer.at > this.w.time + CLOCK_RESOLUTION) {
        this.report(
          `${at}: timer ${h} falls due at time ${this.w.time}, before its time ${timer.at}`,
        );
      }
      // Timers fire by (due time, scheduling order): the i-th due must be the i-th pending
      // timer. One misplaced timer shifts all the others, so only the first is reported.
      const expected = timers[i];
      if (inOrder && expected !== undefined && expected.handle !== h) {
        inOrder = false;
        this.report(
          `${at}: timer ${h} (at ${timer.at}) falls due before timer ${expected.handle} (at ${expected.at})`,
        );
      }
    });
  }

  private checkWait(w: RawWait, at: string): void {
    const what = `suspend on ${w.on}`;
    if ('t' in w) this.knownTask(w.t, at, what);
    if ('of' in w) for (const t of w.of) this.knownTask(t, at, what);
    if ('o' in w && w.o !== undefined) this.knownObject(w.o, at, what);
  }
}

function checkHeader(trace: Trace, report: (message: string) => void): void {
  const { stats, events } = trace;
  if (stats.steps !== events.length)
    report(`stats.steps is ${stats.steps}, but there are ${events.length} events`);
  let lines = 0;
  for (const e of events) if (typeof e === 'number') lines++;
  if (stats.lines !== lines)
    report(`stats.lines is ${stats.lines}, but there are ${lines} line events`);

  const tables = rebuildTables(events);
  compareTable('tasks', trace.tasks, tables.tasks, report);
  compareTable('objects', trace.objects, tables.objects, report);
  compareTable('frames', trace.frames, tables.frames, report);

  let stdout = '';
  let stderr = '';
  for (const o of outputs(trace)) {
    if (o.stream === 'stdout') stdout += o.text;
    else stderr += o.text;
  }
  if (stdout !== trace.stdout) {
    report(`the out events' stdout is not the trace's "stdout" (${differs(stdout, trace.stdout)})`);
  }
  // stderr may end with text written after the last event (the traceback of an escaping exception).
  if (!trace.stderr.startsWith(stderr)) {
    report(
      `the out events' stderr is not the start of the trace's "stderr" (${differs(stderr, trace.stderr)})`,
    );
  }
}

function compareTable<T extends { readonly id: number }>(
  name: string,
  header: readonly T[],
  fromEvents: readonly T[],
  report: (message: string) => void,
): void {
  if (header.length !== fromEvents.length) {
    report(`"${name}" has ${header.length} entries, but the events declare ${fromEvents.length}`);
    return;
  }
  for (let i = 0; i < header.length; i++) {
    const a = JSON.stringify(header[i]);
    const b = JSON.stringify(fromEvents[i]);
    // Key order differs between writers; compare field by field.
    if (a !== b && !sameFields(header[i] as T, fromEvents[i] as T)) {
      report(`"${name}[${i}]" is ${a}, but the events say ${b}`);
      return;
    }
  }
}

function sameFields(a: object, b: object): boolean {
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) if (ra[k] !== rb[k]) return false;
  return true;
}

function differs(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const at = (s: string) => JSON.stringify(s.slice(i, i + 20));
  return `they differ at character ${i}: ${at(a)} in the events, ${at(b)} in the header`;
}

function who(t: TaskId | null): string {
  return t === null ? 'no task' : `task ${t}`;
}

function holding(holder: TaskId | null): string {
  return holder === null ? 'no task holds control' : `task ${holder} holds control`;
}

function handles(list: readonly { readonly handle: HandleId }[]): string {
  const shown = list
    .slice(0, 5)
    .map((e) => e.handle)
    .join(', ');
  return `${list.length === 1 ? 'handle' : 'handles'} ${shown}${list.length > 5 ? ', …' : ''}`;
}

/** Lines in the program: a final newline does not start another line. */
function sourceLineCount(source: string): number {
  if (source === '') return 0;
  let n = 1;
  for (let i = 0; i < source.length; i++) if (source.charCodeAt(i) === 10) n++;
  return source.endsWith('\n') ? n - 1 : n;
}
