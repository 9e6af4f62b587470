// size: applyObjectEvent is the fold's one switch, a short case per object event kind
/**
 * One step of the replay fold: how each event changes the working state. The rules are the
 * ones in docs/trace-format.md. Replay is total: an inconsistent trace (a resume of an unknown
 * task, a cancel of a handle that was never scheduled) never throws here; `checkInvariants`
 * is where such traces get reported.
 */

import { decodeOutcome } from './decode.ts';
import { tableGet, tableSet } from './id-table.ts';
import type { FrameId, HandleId, Step, TaskId, ThreadId } from './ids.ts';
import type { FrameView, ReadyEntry, ThreadJob, ThreadView, TimerEntry } from './state.ts';
import { firesBefore } from './timer-order.ts';
import type { RawEvent, RawObjectEvent } from './types.ts';
import { taskToWrite, type Working, wakesTask } from './working-state.ts';

const NO_LOCALS: Readonly<Record<string, string>> = Object.freeze({});

/** Applies events `from`…`to` (inclusive) to `w`. */
export function applyRange(
  w: Working,
  events: readonly RawEvent[],
  from: number,
  to: number,
): void {
  for (let i = from; i <= to; i++) {
    const e = events[i] as RawEvent;
    // Line events are most of a trace: keep them to two writes (see TaskRecord.line).
    if (typeof e === 'number') {
      w.holderLine = e;
      w.line = e;
    } else {
      applyObjectEvent(w, e, i);
    }
  }
  if (to >= from) w.step = to;
}

export function applyObjectEvent(w: Working, e: RawObjectEvent, step: number): void {
  switch (e.k) {
    case 'task-created':
      tableSet(w.tasks, w.gen, e.t, {
        gen: w.gen,
        view: null,
        id: e.t,
        name: e.name,
        coro: e.coro,
        user: e.user,
        createdBy: e.by,
        createdAt: step as Step,
        wait: null,
        line: null,
        frame: null,
        outcome: null,
        doneAt: null,
        readyCount: 0,
      });
      break;
    case 'task-name': {
      const t = taskToWrite(w, e.t);
      if (t) t.name = e.name;
      break;
    }
    case 'resume': {
      takeReady(w, e.h);
      handOff(w, e.t);
      const t = taskToWrite(w, e.t);
      if (t) t.wait = null;
      break;
    }
    case 'suspend': {
      handOff(w, null);
      const t = taskToWrite(w, e.t);
      if (t) t.wait = e.w;
      break;
    }
    case 'task-done': {
      handOff(w, null);
      const t = taskToWrite(w, e.t);
      if (t) {
        t.outcome = decodeOutcome(e);
        t.doneAt = step as Step;
        t.wait = null;
      }
      break;
    }
    case 'callback':
      takeReady(w, e.h);
      handOff(w, null);
      break;
    case 'loop':
      w.loopRunning = e.run;
      break;
    case 'ready':
      pushReady(
        w,
        Object.freeze({ handle: e.h, task: e.t ?? null, callback: e.cb ?? null, timer: null }),
      );
      break;
    case 'timer':
      insertTimer(
        w.timers,
        Object.freeze({
          handle: e.h,
          at: e.at ?? Number.POSITIVE_INFINITY,
          why: e.why,
          task: e.t ?? null,
          callback: e.cb ?? null,
        }),
      );
      break;
    case 'due':
      for (const h of e.h) {
        const i = indexOfHandle(w.timers, h);
        if (i < 0) continue;
        const timer = w.timers[i] as TimerEntry;
        w.timers.splice(i, 1);
        pushReady(
          w,
          Object.freeze({
            handle: timer.handle,
            task: timer.task,
            callback: timer.callback,
            timer: timer.why,
          }),
        );
      }
      break;
    case 'cancel':
      if (!takeReady(w, e.h)) {
        const i = indexOfHandle(w.timers, e.h);
        if (i >= 0) w.timers.splice(i, 1);
      }
      break;
    case 'clock':
      w.time = e.at;
      break;
    case 'block':
      w.time = e.at;
      break;
    case 'out':
      w.outputCount++;
      w.lastOutputStep = step;
      break;
    case 'object':
      w.objectsView = null;
      tableSet(
        w.objects,
        w.gen,
        e.o,
        Object.freeze({ id: e.o, type: e.type, label: e.label, state: null }),
      );
      break;
    case 'state': {
      const o = tableGet(w.objects, e.o);
      // A state for an undeclared object is dropped: there is nothing to show it on.
      if (o) {
        tableSet(w.objects, w.gen, e.o, Object.freeze({ ...o, state: e.s }));
        w.objectsView = null;
      }
      break;
    }
    case 'frame':
      w.framesView = null;
      tableSet(
        w.frames,
        w.gen,
        e.f,
        Object.freeze({ id: e.f, fn: e.fn, task: e.t, locals: NO_LOCALS }),
      );
      break;
    case 'in':
      setFrame(w, e.f);
      break;
    case 'locals': {
      const f = tableGet(w.frames, e.f);
      if (f) {
        tableSet(w.frames, w.gen, e.f, withLocals(f, e.v, e.d));
        w.framesView = null;
      }
      break;
    }
    case 'net':
      // Nothing to keep: the UI shows a request by decoding its step (`eventAt`).
      break;
    case 'thread':
      w.threads.push(Object.freeze({ id: e.th, name: e.name, createdBy: e.by, jobs: [] }));
      break;
    case 'thread-run':
      // The thread's lines run now, with no task holding control; the holder gets it back.
      w.threadReturn = w.holder;
      handOff(w, null);
      changeJob(
        w,
        e.th,
        () => ({ fn: e.fn, from: e.from, until: null, sleeps: [], outcome: null }),
        true,
      );
      break;
    case 'thread-sleep':
      changeJob(w, e.th, (j) => ({
        ...j,
        sleeps: [...j.sleeps, { from: e.from, until: e.until, by: e.by }],
      }));
      break;
    case 'thread-end':
      changeJob(w, e.th, (j) => ({ ...j, until: e.until }));
      handOff(w, w.threadReturn);
      w.threadReturn = null;
      break;
    case 'thread-done': {
      // Jobs of one thread finish in order: the outcome is the first job still without one.
      const outcome = decodeOutcome(e);
      const t = w.threads.find((x) => x.id === e.th);
      const i = t ? t.jobs.findIndex((j) => j.outcome === null) : -1;
      if (t && i >= 0) {
        const jobs = t.jobs.slice();
        jobs[i] = Object.freeze({ ...(jobs[i] as ThreadJob), outcome });
        replaceThread(w, Object.freeze({ ...t, jobs: Object.freeze(jobs) }));
      }
      break;
    }
  }
}

/** Changes the thread's last job (or appends a new one with `append`). */
function changeJob(
  w: Working,
  th: ThreadId,
  change: (job: ThreadJob) => ThreadJob,
  append = false,
): void {
  const t = w.threads.find((x) => x.id === th);
  if (!t) return;
  const last = t.jobs[t.jobs.length - 1];
  if (!append && !last) return;
  const job = Object.freeze(change(last as ThreadJob));
  const jobs = append ? [...t.jobs, job] : [...t.jobs.slice(0, -1), job];
  replaceThread(w, Object.freeze({ ...t, jobs: Object.freeze(jobs) }));
}

function replaceThread(w: Working, t: ThreadView): void {
  const i = w.threads.findIndex((x) => x.id === t.id);
  if (i >= 0) w.threads[i] = t;
}

/**
 * Control passes to `to` (a task, or null). The party losing it keeps its live line in its
 * record; the party gaining it continues from its own last line.
 */
function handOff(w: Working, to: TaskId | null): void {
  const from = w.holder;
  if (from === null) w.mainLine = w.holderLine;
  else {
    const t = taskToWrite(w, from);
    if (t) t.line = w.holderLine;
  }
  w.holder = to;
  w.holderLine = to === null ? w.mainLine : (tableGet(w.tasks, to)?.line ?? null);
}

function setFrame(w: Working, f: FrameId): void {
  if (w.holder === null) w.mainFrame = f;
  else {
    const t = taskToWrite(w, w.holder);
    if (t) t.frame = f;
  }
}

function pushReady(w: Working, entry: ReadyEntry): void {
  w.ready.push(entry);
  if (wakesTask(entry)) {
    const t = taskToWrite(w, entry.task as TaskId);
    if (t) t.readyCount++;
  }
}

/** Removes handle `h` from the ready queue (it ran or was cancelled); false if it was not there. */
function takeReady(w: Working, h: HandleId): boolean {
  const ready = w.ready;
  // FIFO: the handle that runs is nearly always the front one.
  const i = ready[0]?.handle === h ? 0 : indexOfHandle(ready, h);
  if (i < 0) return false;
  const entry = ready[i] as ReadyEntry;
  if (i === 0) ready.shift();
  else ready.splice(i, 1);
  if (wakesTask(entry)) {
    const t = taskToWrite(w, entry.task as TaskId);
    if (t) t.readyCount--;
  }
  return true;
}

function indexOfHandle(list: readonly { readonly handle: HandleId }[], h: HandleId): number {
  for (let i = 0; i < list.length; i++)
    if ((list[i] as { handle: HandleId }).handle === h) return i;
  return -1;
}

/** Keeps timers sorted in the order the loop fires them in (see timer-order.ts). */
function insertTimer(timers: TimerEntry[], timer: TimerEntry): void {
  let lo = 0;
  let hi = timers.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const m = timers[mid] as TimerEntry;
    if (firesBefore(m, timer)) lo = mid + 1;
    else hi = mid;
  }
  if (lo === timers.length) timers.push(timer);
  else timers.splice(lo, 0, timer);
}

function withLocals(
  f: FrameView,
  values: Readonly<Record<string, string>>,
  deleted: readonly string[] | undefined,
): FrameView {
  // Copy-on-write: earlier snapshots keep the old locals object.
  const locals: Record<string, string> = { ...f.locals, ...values };
  if (deleted) for (const name of deleted) delete locals[name];
  return Object.freeze({ ...f, locals: Object.freeze(locals) });
}
