/**
 * Builds the timeline's model (lanes.ts) in one pass over the trace's events: a fold that
 * follows who holds control (a task, the loop, or module-level code) and the virtual clock.
 *
 * Steps follow `stateAt`: the party holding control *after* event n holds step n. A task holds
 * [resume, suspend) — the suspend (or task-done, or callback) step already belongs to the loop.
 */
import type {
  RawBlock,
  RawClock,
  RawObjectEvent,
  RawTaskDone,
  TaskId,
  TaskInfo,
  Trace,
} from '../../../trace/index.ts';
import type { TaskEnd, TaskLane, TimelineModel } from './lanes.ts';
import { SpanBuilder } from './spans.ts';
import { type LaneStalls, NO_STALLS, stallsByTask } from './stalls.ts';

interface TaskAcc {
  task: TaskId;
  name: string;
  coro: string;
  user: boolean;
  createdBy: TaskId | null;
  createdAt: number;
  createdTime: number;
  doneAt: number | null;
  doneTime: number | null;
  end: TaskEnd | null;
  endRepr: string | null;
  held: SpanBuilder;
  suspends: number[];
  suspendTimes: number[];
}

// Who holds control: a task id (> 0), or one of these.
const LOOP = 0;
const MODULE = -1;

/** Turns a trace into lanes and the time mapping: one pass over the events. */
export function buildTimeline(trace: Trace): TimelineModel {
  const fold = new TimelineFold(trace.tasks);
  const events = trace.events;
  const n = events.length;
  for (let i = 0; i < n; i++) {
    const e = events[i];
    if (typeof e === 'number' || e === undefined) continue;
    fold.event(e, i);
  }
  return fold.finish(n, stallsByTask(trace));
}

class TimelineFold {
  private readonly info: Map<number, TaskInfo>;
  private readonly tasks = new Map<number, TaskAcc>();
  private readonly loopHeld = new SpanBuilder();
  private readonly moduleHeld = new SpanBuilder();
  private readonly idle = new SpanBuilder();
  private readonly blocked = new SpanBuilder();
  private readonly blockBy: string[] = [];
  private readonly blockTask: (TaskId | null)[] = [];
  private readonly timeSteps: number[] = [];
  private readonly times: number[] = [];
  private readonly timeIsBlock: number[] = [];
  private time = 0;
  private loopRunning = false;
  private party = MODULE;
  private partyStart = 0;
  private partyT0 = 0;

  constructor(tasks: readonly TaskInfo[]) {
    this.info = new Map(tasks.map((t) => [t.id as number, t]));
  }

  event(e: RawObjectEvent, i: number): void {
    switch (e.k) {
      case 'task-created': {
        const acc = this.taskOf(e.t, i);
        acc.name = e.name;
        acc.coro = e.coro;
        acc.user = e.user;
        acc.createdBy = e.by;
        acc.createdAt = i;
        acc.createdTime = this.time;
        break;
      }
      case 'task-name':
        this.taskOf(e.t, i).name = e.name;
        break;
      case 'resume':
        this.taskOf(e.t, i);
        this.handTo(e.t, i);
        break;
      case 'suspend': {
        const acc = this.taskOf(e.t, i);
        acc.suspends.push(i);
        acc.suspendTimes.push(this.time);
        this.handTo(this.noTask(), i);
        break;
      }
      case 'task-done':
        this.taskDone(e, i);
        break;
      case 'callback':
        this.handTo(LOOP, i);
        break;
      case 'loop':
        this.loopRunning = e.run;
        if (this.party <= 0) this.handTo(this.noTask(), i);
        break;
      case 'clock':
        this.clock(e, i);
        break;
      case 'block':
        this.block(e, i);
        break;
      default:
        break;
    }
  }

  private taskOf(id: TaskId, step: number): TaskAcc {
    let acc = this.tasks.get(id);
    if (acc === undefined) {
      // Normally declared by task-created; a trace cut short may still name it elsewhere.
      const known = this.info.get(id);
      acc = {
        task: id,
        name: known?.name ?? `Task-${id}`,
        coro: known?.coro ?? '?',
        user: known?.user ?? true,
        createdBy: null,
        createdAt: step,
        createdTime: this.time,
        doneAt: null,
        doneTime: null,
        end: null,
        endRepr: null,
        held: new SpanBuilder(),
        suspends: [],
        suspendTimes: [],
      };
      this.tasks.set(id, acc);
    }
    return acc;
  }

  /** Ends the current party's span at step `at`, at virtual time `t1`. */
  private close(at: number, t1: number): void {
    const { party, partyStart, partyT0 } = this;
    if (at <= partyStart) return;
    if (party > 0) (this.tasks.get(party) as TaskAcc).held.add(partyStart, at, partyT0, t1);
    else if (party === LOOP) this.loopHeld.add(partyStart, at, partyT0, t1);
    else this.moduleHeld.add(partyStart, at, partyT0, t1);
  }

  /** Control passes to `next` at step i (handoffs never move the clock). */
  private handTo(next: number, i: number): void {
    if (next === this.party) return;
    this.close(i, this.time);
    this.party = next;
    this.partyStart = i;
    this.partyT0 = this.time;
  }

  private noTask(): number {
    return this.loopRunning ? LOOP : MODULE;
  }

  private taskDone(e: RawTaskDone, i: number): void {
    const acc = this.taskOf(e.t, i);
    acc.doneAt = i;
    acc.doneTime = this.time;
    if (e.c === 1) acc.end = 'cancelled';
    else if (e.x !== undefined) {
      acc.end = 'failed';
      acc.endRepr = e.x;
    } else {
      acc.end = 'done';
      acc.endRepr = e.r ?? 'None';
    }
    this.handTo(this.noTask(), i);
  }

  private clock(e: RawClock, i: number): void {
    if (e.at <= this.time) return;
    const before = this.time;
    this.time = e.at;
    this.idle.add(i, i + 1, before, this.time);
    this.timeSteps.push(i);
    this.times.push(this.time);
    this.timeIsBlock.push(0);
    // Split the loop's span at the jump, so that in time its bars leave the idle gap empty.
    if (this.party <= 0) {
      this.close(i, before);
      this.partyStart = i;
      this.partyT0 = this.time;
    }
  }

  private block(e: RawBlock, i: number): void {
    const before = this.time;
    if (e.at > this.time) {
      this.time = e.at;
      this.timeSteps.push(i);
      this.times.push(this.time);
      this.timeIsBlock.push(1);
    }
    this.blocked.add(i, i + 1, before, this.time);
    this.blockBy.push(e.by);
    this.blockTask.push(e.t);
  }

  /** The model, once every event of the `n` has been folded in. */
  finish(n: number, stalls: ReadonlyMap<number, LaneStalls>): TimelineModel {
    this.close(n, this.time);
    // Blocked spans never merge (each is one call), so keep one label per span.
    const blockedSpans = this.blocked.build();
    return {
      steps: n,
      endTime: this.time,
      loop: {
        kind: 'loop',
        held: this.loopHeld.build(),
        module: this.moduleHeld.build(),
        idle: this.idle.build(),
        blocked: blockedSpans,
        blockBy: this.blockBy.slice(0, blockedSpans.count),
        blockTask: this.blockTask.slice(0, blockedSpans.count),
      },
      tasks: [...this.tasks.values()]
        .sort((a, b) => a.task - b.task)
        .map((a) => taskLane(a, stalls.get(a.task) ?? NO_STALLS)),
      timeSteps: Int32Array.from(this.timeSteps),
      times: Float64Array.from(this.times),
      timeIsBlock: Uint8Array.from(this.timeIsBlock),
    };
  }
}

function taskLane(a: TaskAcc, stalls: LaneStalls): TaskLane {
  return {
    kind: 'task',
    task: a.task,
    name: a.name,
    coro: a.coro,
    user: a.user,
    createdBy: a.createdBy,
    createdAt: a.createdAt,
    createdTime: a.createdTime,
    doneAt: a.doneAt,
    doneTime: a.doneTime,
    end: a.end,
    endRepr: a.endRepr,
    held: a.held.build(),
    suspends: Int32Array.from(a.suspends),
    suspendTimes: Float64Array.from(a.suspendTimes),
    stalls,
  };
}
