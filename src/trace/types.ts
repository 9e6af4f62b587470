// size: the whole trace format v1, raw and decoded, as one documented union beside its contract (docs/trace-format.md)
/**
 * Trace format v1 (docs/trace-format.md is the contract): the raw JSON shapes, exactly as the
 * tracer writes them, and the decoded `TraceEvent` union the rest of the app reads.
 *
 * A trace keeps its raw `events` array as parsed: a million-step trace is mostly bare integers
 * (line events), and expanding them all into objects up front would multiply its memory. Decode
 * one event on demand with `eventAt`.
 */
import type { FrameId, HandleId, ObjectId, TaskId, ThreadId } from './ids.ts';

// ---------------------------------------------------------------------------------------------
// Raw JSON (short keys, as written by the tracer)
// ---------------------------------------------------------------------------------------------

/** A bare positive integer: the party holding control is about to execute this program line. */
export type RawLineEvent = number;

export interface RawTaskCreated {
  readonly k: 'task-created';
  readonly t: TaskId;
  readonly name: string;
  readonly coro: string;
  readonly user: boolean;
  readonly by: TaskId | null;
}
export interface RawTaskName {
  readonly k: 'task-name';
  readonly t: TaskId;
  readonly name: string;
}
export interface RawResume {
  readonly k: 'resume';
  readonly t: TaskId;
  readonly h: HandleId;
  /** `Task.cancelling()` as the step starts, when above 0: higher than at the task's previous
   * resume means this step delivers a CancelledError. */
  readonly cn?: number;
}
export interface RawSuspend {
  readonly k: 'suspend';
  readonly t: TaskId;
  readonly w: RawWait;
}
/** Exactly one of `r` (result repr), `x` (exception repr) or `c: 1` (cancelled). */
export interface RawTaskDone {
  readonly k: 'task-done';
  readonly t: TaskId;
  readonly r?: string;
  readonly x?: string;
  readonly c?: 1;
  /** With `r`: `Task.cancelling()` when it returned, when above 0 (a cancellation it swallowed). */
  readonly cn?: number;
}
export interface RawLoop {
  readonly k: 'loop';
  readonly run: boolean;
}
/** A ready-queue entry runs either a task's next step (`t`) or a plain callback (`cb`). */
export interface RawReady {
  readonly k: 'ready';
  readonly h: HandleId;
  readonly t?: TaskId;
  readonly cb?: string;
}
export type RawTimer =
  | {
      readonly k: 'timer';
      readonly h: HandleId;
      /** null: never (an infinite delay; JSON has no infinity). */
      readonly at: number | null;
      readonly why: 'sleep' | 'timeout';
      /** Absent when no task held control as it was scheduled. */
      readonly t?: TaskId;
      readonly cb?: string;
    }
  | {
      readonly k: 'timer';
      readonly h: HandleId;
      readonly at: number | null;
      readonly why: 'callback';
      readonly cb: string;
      readonly t?: TaskId;
    };
export interface RawDue {
  readonly k: 'due';
  readonly h: readonly HandleId[];
}
export interface RawCancel {
  readonly k: 'cancel';
  readonly h: HandleId;
}
export interface RawCallback {
  readonly k: 'callback';
  readonly h: HandleId;
}
export interface RawClock {
  readonly k: 'clock';
  readonly at: number;
}
export interface RawBlock {
  readonly k: 'block';
  readonly t: TaskId | null;
  readonly at: number;
  readonly by: string;
}
export interface RawOut {
  readonly k: 'out';
  readonly s: string;
  /** 1: stderr; absent (or 0): stdout. */
  readonly e?: 0 | 1;
}
export interface RawObject {
  readonly k: 'object';
  readonly o: ObjectId;
  readonly type: string;
  readonly label: string | null;
}
export interface RawState {
  readonly k: 'state';
  readonly o: ObjectId;
  readonly s: ObjectState;
}
export interface RawFrame {
  readonly k: 'frame';
  readonly f: FrameId;
  readonly fn: string;
  readonly t: TaskId | null;
}
export interface RawIn {
  readonly k: 'in';
  readonly f: FrameId;
}
export interface RawLocals {
  readonly k: 'locals';
  readonly f: FrameId;
  readonly v: Readonly<Record<string, string>>;
  readonly d?: readonly string[];
}
export interface RawNet {
  readonly k: 'net';
  readonly t: TaskId | null;
  readonly lib: string;
  readonly m: string;
  readonly url: string;
  readonly lat: number;
}

/** A simulated thread is created (a pool worker, a `threading.Thread`); `by`: the task then. */
export interface RawThread {
  readonly k: 'thread';
  readonly th: ThreadId;
  readonly name: string;
  readonly by: TaskId | null;
}
/**
 * A function starts on thread `th` at the thread's own virtual time `from`. A thread runs its
 * whole function at once: the program lines up to its `thread-end` are the thread's.
 */
export interface RawThreadRun {
  readonly k: 'thread-run';
  readonly th: ThreadId;
  readonly fn: string;
  readonly from: number;
}
/** The thread sleeps (time.sleep or a blocking call) from `from` to `until`: only it waits. */
export interface RawThreadSleep {
  readonly k: 'thread-sleep';
  readonly th: ThreadId;
  readonly from: number;
  readonly until: number;
  readonly by: string;
}
/** The function returned (or raised) at the thread's time `until`. */
export interface RawThreadEnd {
  readonly k: 'thread-end';
  readonly th: ThreadId;
  readonly until: number;
}
/** The program sees the thread's outcome now (its future completes, or it is joined). */
export interface RawThreadDone {
  readonly k: 'thread-done';
  readonly th: ThreadId;
  readonly r?: string;
  readonly x?: string;
}

export type RawObjectEvent =
  | RawTaskCreated
  | RawTaskName
  | RawResume
  | RawSuspend
  | RawTaskDone
  | RawLoop
  | RawReady
  | RawTimer
  | RawDue
  | RawCancel
  | RawCallback
  | RawClock
  | RawBlock
  | RawOut
  | RawObject
  | RawState
  | RawFrame
  | RawIn
  | RawLocals
  | RawNet
  | RawThread
  | RawThreadRun
  | RawThreadSleep
  | RawThreadEnd
  | RawThreadDone;

export type RawEvent = RawLineEvent | RawObjectEvent;
/** The `k` of an object event. */
export type RawEventKind = RawObjectEvent['k'];

/** What a task waits for, raw (`w` in `suspend`). */
export type RawWait = RawWaitWhere &
  (
    | {
        readonly on: 'sleep';
        readonly until: number | null;
        /** Waiting for a simulated aiohttp response (method, URL); `until` is its arrival. */
        readonly net?: { readonly m: string; readonly url: string };
      }
    | { readonly on: 'yield' }
    | { readonly on: 'task' | 'shield'; readonly t: TaskId }
    | {
        readonly on: ObjectWaitOn;
        readonly o: ObjectId;
        /** On a future of run_in_executor/to_thread: the thread whose job completes it. */
        readonly th?: ThreadId;
      }
    | { readonly on: 'gather'; readonly of: readonly TaskId[]; readonly n: number }
    | { readonly on: 'wait'; readonly of: readonly TaskId[]; readonly mode: WaitMode }
    | { readonly on: 'as-completed'; readonly of: readonly TaskId[] }
    | { readonly on: 'taskgroup'; readonly o: ObjectId; readonly of: readonly TaskId[] }
    | {
        readonly on: 'stream';
        readonly op: StreamOp;
        /** The other end (`127.0.0.1:50001`), or a server's own address; '' if unknown. */
        readonly peer: string;
        /** The Connection (a writer's: its reader's) or Server object, when there is one. */
        readonly o?: ObjectId;
        readonly n?: number;
        readonly sep?: string;
      }
    | { readonly on: 'other'; readonly what: string }
  );
/**
 * What a stream wait waits for: data from a StreamReader (`read`, `readline`, `readuntil`,
 * `readexactly`), a StreamWriter's `drain` or its close (`closed`), a server accepting
 * connections (`serve`: serve_forever, start_serving) or closing (`server-closed`).
 */
export type StreamOp =
  | 'read'
  | 'readline'
  | 'readuntil'
  | 'readexactly'
  | 'drain'
  | 'closed'
  | 'serve'
  | 'server-closed';
interface RawWaitWhere {
  readonly via?: readonly string[];
}

// ---------------------------------------------------------------------------------------------
// Decoded events (what `eventAt` returns)
// ---------------------------------------------------------------------------------------------

/** Waits that name one asyncio object (`o`). */
export type ObjectWaitOn =
  | 'future'
  | 'queue-get'
  | 'queue-put'
  | 'queue-join'
  | 'lock'
  | 'event'
  | 'condition'
  | 'semaphore'
  | 'barrier';
export type WaitMode = 'FIRST_COMPLETED' | 'FIRST_EXCEPTION' | 'ALL_COMPLETED';
export type WaitOn = Wait['on'];

/**
 * Where the wait happens: the coroutine chain down to the awaiting one. (The program line where
 * the task waits is the last line it ran: `TaskView.line`.)
 */
export interface WaitWhere {
  /** Coroutine qualnames from the task's coroutine down to the awaiting one; [] if unknown. */
  readonly via: readonly string[];
}

/** A simulated HTTP request a task waits on: `GET https://a.com`. */
export interface NetRequest {
  readonly method: string;
  readonly url: string;
}

/** What a suspended task waits for, keyed by `on`. */
export type Wait = WaitWhere &
  (
    | {
        readonly on: 'sleep';
        readonly until: number;
        /** Set when the sleep is a simulated aiohttp request's latency: what the program asked. */
        readonly net?: NetRequest;
      }
    | { readonly on: 'yield' }
    | { readonly on: 'task'; readonly task: TaskId }
    | { readonly on: 'shield'; readonly task: TaskId }
    | {
        readonly on: ObjectWaitOn;
        readonly object: ObjectId;
        /** Set on a future of `run_in_executor` / `to_thread`: the thread running its job. */
        readonly thread?: ThreadId;
      }
    | { readonly on: 'gather'; readonly of: readonly TaskId[]; readonly count: number }
    | { readonly on: 'wait'; readonly of: readonly TaskId[]; readonly mode: WaitMode }
    | { readonly on: 'as-completed'; readonly of: readonly TaskId[] }
    | { readonly on: 'taskgroup'; readonly object: ObjectId; readonly of: readonly TaskId[] }
    | {
        readonly on: 'stream';
        readonly op: StreamOp;
        /** `127.0.0.1:50001`: the other end of the connection, or the server's address. */
        readonly peer: string;
        /** The Connection or Server object waited on (the picture's arrow goes to it). */
        readonly object?: ObjectId;
        /** `readexactly(n)`'s n. */
        readonly count?: number;
        /** `readuntil`'s separator, as a bytes repr. */
        readonly separator?: string;
      }
    | { readonly on: 'other'; readonly what: string }
  );

export type TaskOutcome =
  | { readonly kind: 'result'; readonly repr: string }
  | { readonly kind: 'exception'; readonly repr: string }
  | { readonly kind: 'cancelled' };

export type TimerWhy = 'sleep' | 'timeout' | 'callback';

export type TraceEvent =
  | { readonly kind: 'line'; readonly line: number }
  | {
      readonly kind: 'task-created';
      readonly task: TaskId;
      readonly name: string;
      readonly coro: string;
      readonly user: boolean;
      /** The task that held control when this one was created; null: no task. */
      readonly by: TaskId | null;
    }
  | { readonly kind: 'task-name'; readonly task: TaskId; readonly name: string }
  | {
      readonly kind: 'resume';
      readonly task: TaskId;
      readonly handle: HandleId;
      /** Pending cancel() requests as the step starts (`Task.cancelling()`); 0 when none. */
      readonly cancelling: number;
    }
  | { readonly kind: 'suspend'; readonly task: TaskId; readonly wait: Wait }
  | {
      readonly kind: 'task-done';
      readonly task: TaskId;
      readonly outcome: TaskOutcome;
      /** Pending cancel() requests when it finished (`Task.cancelling()`); 0 when none. */
      readonly cancelling: number;
    }
  | { readonly kind: 'loop'; readonly running: boolean }
  | {
      readonly kind: 'ready';
      readonly handle: HandleId;
      /** The task whose next step this handle runs, or null for a plain callback. */
      readonly task: TaskId | null;
      /** The plain callback's name, or null for a task step. */
      readonly callback: string | null;
    }
  | {
      readonly kind: 'timer';
      readonly handle: HandleId;
      readonly at: number;
      readonly why: TimerWhy;
      /** The task it wakes (`sleep`) or cancels (`timeout`); null for `callback` timers. */
      readonly task: TaskId | null;
      readonly callback: string | null;
    }
  | { readonly kind: 'due'; readonly handles: readonly HandleId[] }
  | { readonly kind: 'cancel'; readonly handle: HandleId }
  | { readonly kind: 'callback'; readonly handle: HandleId }
  | { readonly kind: 'clock'; readonly at: number }
  | {
      readonly kind: 'block';
      /** The party that kept control while blocking (null: no task). */
      readonly task: TaskId | null;
      readonly at: number;
      readonly by: string;
    }
  | { readonly kind: 'out'; readonly text: string; readonly stream: OutputStream }
  | {
      readonly kind: 'object';
      readonly object: ObjectId;
      readonly type: string;
      readonly label: string | null;
    }
  | { readonly kind: 'state'; readonly object: ObjectId; readonly state: ObjectState }
  | {
      readonly kind: 'frame';
      readonly frame: FrameId;
      readonly fn: string;
      readonly task: TaskId | null;
    }
  | { readonly kind: 'in'; readonly frame: FrameId }
  | {
      readonly kind: 'locals';
      readonly frame: FrameId;
      /** New or changed bindings: name → bounded repr. */
      readonly values: Readonly<Record<string, string>>;
      /** Names no longer bound. */
      readonly deleted: readonly string[];
    }
  | {
      readonly kind: 'net';
      readonly task: TaskId | null;
      readonly lib: string;
      readonly method: string;
      readonly url: string;
      /** Latency in virtual seconds. */
      readonly latency: number;
    }
  | {
      readonly kind: 'thread';
      readonly thread: ThreadId;
      readonly name: string;
      readonly by: TaskId | null;
    }
  | {
      readonly kind: 'thread-run';
      readonly thread: ThreadId;
      readonly fn: string;
      readonly from: number;
    }
  | {
      readonly kind: 'thread-sleep';
      readonly thread: ThreadId;
      readonly from: number;
      readonly until: number;
      readonly by: string;
    }
  | { readonly kind: 'thread-end'; readonly thread: ThreadId; readonly until: number }
  | { readonly kind: 'thread-done'; readonly thread: ThreadId; readonly outcome: TaskOutcome };

export type EventKind = TraceEvent['kind'];
export type EventOfKind<K extends EventKind> = Extract<TraceEvent, { readonly kind: K }>;
export type OutputStream = 'stdout' | 'stderr';

// ---------------------------------------------------------------------------------------------
// Object states (`s` in `state`), by the object's declared type
// ---------------------------------------------------------------------------------------------

export interface QueueState {
  /** Item reprs, front first. */
  readonly items: readonly string[];
  /** maxsize; 0 means unbounded. */
  readonly max: number;
  readonly get: readonly TaskId[];
  readonly put: readonly TaskId[];
  readonly unfinished: number;
}
export type FutureState =
  | { readonly st: 'pending' }
  | { readonly st: 'result'; readonly v: string }
  | { readonly st: 'exception'; readonly v: string }
  | { readonly st: 'cancelled' };
export interface LockState {
  readonly locked: boolean;
  /** The task that took it (absent or null when free). */
  readonly by?: TaskId | null;
  readonly wait: readonly TaskId[];
}
export interface EventState {
  readonly set: boolean;
  readonly wait: readonly TaskId[];
}
export interface ConditionState {
  readonly locked: boolean;
  readonly wait: readonly TaskId[];
}
export interface SemaphoreState {
  readonly value: number;
  readonly by: readonly TaskId[];
  readonly wait: readonly TaskId[];
}
export interface BarrierState {
  readonly parties: number;
  readonly waiting: number;
  readonly wait: readonly TaskId[];
}
export interface TaskGroupState {
  readonly of: readonly TaskId[];
}
/** The program's end of a stream connection (its StreamReader). */
export interface ConnectionState {
  /** The other end, `127.0.0.1:50001`; '' if unknown. */
  readonly peer: string;
  /** Bytes received and not yet read. */
  readonly buf: number;
  /** The other end has finished sending. */
  readonly eof: boolean;
  /** This end is closed (or closing). */
  readonly closed: boolean;
  /** The task waiting to read, if any (not `wait`: its wait is a stream wait, not on an object). */
  readonly readers?: readonly TaskId[];
}
/** A server from start_server: where it listens and how many connections it holds. */
export interface ServerState {
  readonly at: readonly string[];
  readonly serving: boolean;
  readonly conns: number;
}
export interface ObjectStateByType {
  Queue: QueueState;
  LifoQueue: QueueState;
  PriorityQueue: QueueState;
  Future: FutureState;
  Lock: LockState;
  Event: EventState;
  Condition: ConditionState;
  Semaphore: SemaphoreState;
  BoundedSemaphore: SemaphoreState;
  Barrier: BarrierState;
  TaskGroup: TaskGroupState;
  Connection: ConnectionState;
  Server: ServerState;
}
export type ObjectType = keyof ObjectStateByType;
/** Narrow with the object's `type` (see `ObjectStateByType`). */
export type ObjectState = ObjectStateByType[ObjectType];

// ---------------------------------------------------------------------------------------------
// The trace document
// ---------------------------------------------------------------------------------------------

export type TraceStatus = 'completed' | 'error' | 'limit';
/** `stopped`: the learner pressed Stop (added by the worker client, never by the tracer).
 * `busy-wait`: the program polled the clock while virtual time stood still.
 * `running`: a live trace of a run still going (added by the worker client, never by the tracer). */
export type LimitKind =
  | 'steps'
  | 'time'
  | 'output'
  | 'deadlock'
  | 'busy-wait'
  | 'wall'
  | 'stopped'
  | 'running';

export interface TraceError {
  readonly type: string;
  readonly message: string;
  /** Program line where it was raised (innermost program frame), or null if none. */
  readonly line: number | null;
  /** 1-based; given for syntax errors. */
  readonly column?: number;
  /** As CPython prints it, without Event Loop Lab's own frames. */
  readonly traceback: string;
}
export interface TraceLimit {
  readonly kind: LimitKind;
  readonly message: string;
}
export interface TaskInfo {
  readonly id: TaskId;
  /** As `Task.get_name()` gives it at the end of the run. */
  readonly name: string;
  readonly coro: string;
  readonly user: boolean;
}
export interface ObjectInfo {
  readonly id: ObjectId;
  readonly type: string;
  readonly label: string | null;
}
export interface FrameInfo {
  readonly id: FrameId;
  readonly fn: string;
  readonly task: TaskId | null;
}
export interface TraceStats {
  /** = events.length */
  readonly steps: number;
  /** Number of line events. */
  readonly lines: number;
  /** First step of the detail window (0 when absent): see docs/trace-format.md, *Locals*. */
  readonly detailFrom?: number;
  /** Locals were recorded at every line for this many steps from `detailFrom`, elsewhere only
   * at suspensions. */
  readonly detailSteps: number;
  /** Whether each suspend outside the detail window recorded the task's locals: given when it is
   * not the version's way (version 1: yes, version 2: no). See `hasSuspendLocals`. */
  readonly suspendLocals?: boolean;
  /** A focus re-run's second detail window (src/trace/focus.ts): the step at which it began
   * recording locals (the first line at or past the start asked for) and its length from there. */
  readonly focusFrom?: number;
  readonly focusSteps?: number;
  /** The code given to `sys.exit`, or null; absent in traces rebuilt from events alone. */
  readonly exit?: number | null;
}

export interface TraceHeader {
  readonly format: 'asyncio-trace';
  /** 2: no locals at suspends outside the detail window (1: locals there too). */
  readonly version: 1 | 2;
  readonly python: string;
  readonly file: string;
  readonly source: string;
  readonly status: TraceStatus;
  readonly stdout: string;
  readonly stderr: string;
  readonly error: TraceError | null;
  readonly limit: TraceLimit | null;
  readonly tasks: readonly TaskInfo[];
  readonly objects: readonly ObjectInfo[];
  readonly frames: readonly FrameInfo[];
  readonly simulated: readonly string[];
  readonly stats: TraceStats;
}

/** A validated trace: the header plus the raw events, kept as parsed (see `eventAt`). */
export interface Trace extends TraceHeader {
  readonly events: readonly RawEvent[];
}
