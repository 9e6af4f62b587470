/**
 * Narration: one plain sentence for what happens at a step. The sentences are composed here; every
 * name, time, wait, callback and object in them comes from words.ts, shared with the simulator,
 * the timeline and the lessons, so the same thing reads the same everywhere. The UI shows the
 * sentence under the picture and announces it to screen readers, so it must read well aloud:
 * names, not ids; seconds, not floats with 17 digits.
 */
import { eventAt } from './decode.ts';
import type { ObjectId, TaskId } from './ids.ts';
import { stateAt } from './replay.ts';
import { findObject, findTask, type LoopState } from './state.ts';
import { controlAt } from './trace-index.ts';
import type { TaskOutcome, Trace, TraceEvent } from './types.ts';
import {
  callbackNoun,
  callbackText,
  cap,
  describeOutcome,
  describeWait,
  functionText,
  holderName,
  objectName,
  plain,
  seconds,
  streamChangeSentence,
  taskName,
  threadName,
  withArticle,
} from './words.ts';

/** Why control moved, in one sentence, for the event at `step`. */
export function narrate(trace: Trace, step: number): string {
  if (step < 0) return 'The program has not started yet.';
  const ev = eventAt(trace, step);
  const state = stateAt(trace, step);
  return sentence(trace, ev, state, step);
}

function nextInReady(state: LoopState): string {
  const next = state.ready[0];
  if (!next) {
    const timer = state.timers[0];
    return timer
      ? ` The ready queue is empty; the next timer is due at ${seconds(timer.at)}.`
      : ' Nothing else is ready.';
  }
  const what = next.task !== null ? taskName(state, next.task) : callbackNoun(next.callback);
  return ` Next in the ready queue: ${what}.`;
}

/**
 * What becomes of a task just created. asyncio schedules its first step (call_soon) inside
 * create_task, and the trace records that as the next step, a `ready` event: at this step the
 * ready queue does not hold the task yet, so the sentence must not say it does. An eager task
 * (eager_task_factory) ran its first step inside create_task, and no `ready` follows: it is not
 * in the ready queue at all.
 */
function afterCreation(trace: Trace, step: number, task: TaskId): string {
  const next = step + 1 < trace.events.length ? eventAt(trace, step + 1) : null;
  if (next?.kind === 'ready' && next.task === task)
    return '. It is not in the ready queue yet: it joins it at the next step, to wait for its turn.';
  return '. It started eagerly: its first step already ran inside create_task, so it is not in the ready queue now.';
}

function sentence(trace: Trace, ev: TraceEvent, state: LoopState, step: number): string {
  switch (ev.kind) {
    case 'task-created': {
      const by = ev.by === null ? 'The program' : taskName(state, ev.by);
      return `${by} creates task ${ev.name} (${ev.coro})${afterCreation(trace, step, ev.task)}`;
    }
    case 'task-name':
      return `The task is renamed ${ev.name}.`;
    case 'resume': {
      const t = findTask(state, ev.task);
      const again = t && t.createdAt < step - 1 && t.line !== null;
      return `The event loop hands control to ${taskName(state, ev.task)}${again ? ', which carries on where it stopped' : ', which starts running'}.`;
    }
    case 'suspend': {
      const who = taskName(state, ev.task);
      if (ev.wait.on === 'yield')
        return `${who} yields with sleep(0): it goes to the back of the ready queue and gives control back to the event loop.${nextInReady(state)}`;
      return `${who} awaits ${describeWait(state, ev.wait)}, so it gives control back to the event loop.${nextInReady(state)}`;
    }
    case 'task-done': {
      const who = taskName(state, ev.task);
      return `${who} ${finishes(ev.outcome)}; control goes back to the event loop.${nextInReady(state)}`;
    }
    case 'loop':
      // The loop's caption already says that it starts or stops: say what that means instead.
      return ev.running
        ? 'From now on the event loop decides who runs: one task at a time, in turns from the ready queue.'
        : 'Control goes back to the code that started the loop: the program carries on after asyncio.run.';
    case 'ready': {
      if (ev.task === null) return `${cap(callbackNoun(ev.callback))} joins the ready queue.`;
      return `${taskName(state, ev.task)} is ready: it joins the back of the ready queue.`;
    }
    case 'timer': {
      const at = seconds(ev.at);
      if (ev.why === 'sleep' && ev.task !== null)
        return `A timer is set for ${at} to wake ${taskName(state, ev.task)} from its sleep.`;
      if (ev.why === 'timeout' && ev.task !== null)
        return `A timeout is set: at ${at}, ${taskName(state, ev.task)} will be cancelled if it is still waiting.`;
      return `Timer: at ${at} the loop will run ${callbackText(ev.callback)}.`;
    }
    case 'due':
      return `It is ${seconds(state.time)}: ${ev.handles.length === 1 ? 'a timer falls due and moves' : `${ev.handles.length} timers fall due and move`} to the ready queue.`;
    case 'cancel':
      return 'A scheduled callback is cancelled; the loop will skip it.';
    case 'callback': {
      // The event names only its handle; the index knows which callback the handle runs.
      const control = controlAt(trace, step);
      const name = control.kind === 'callback' ? control.name : null;
      return `The event loop runs ${callbackNoun(name)} (no task holds control).`;
    }
    case 'clock':
      // The simulator's caption draws this jump (from … to …); the narration says why it is free.
      return `Nothing can run until the next timer, so virtual time skips ahead: it is now ${seconds(ev.at)}.`;
    case 'block':
      if (!state.loopRunning)
        return `${ev.by} makes the program wait until ${seconds(ev.at)}: no event loop runs, so nothing else happens meanwhile.`;
      return `${ev.by} blocks the whole loop: the clock moves to ${seconds(ev.at)} while ${holderName(state, ev.task)} keeps control, and nothing else can run.`;
    case 'thread':
    case 'thread-run':
    case 'thread-sleep':
    case 'thread-end':
    case 'thread-done':
      return threadSentence(ev, state);
    default:
      return programSentence(trace, ev, state);
  }
}

type ThreadEvent = Extract<
  TraceEvent,
  { kind: 'thread' | 'thread-run' | 'thread-sleep' | 'thread-end' | 'thread-done' }
>;

/** What a simulated thread does (threads run beside the loop, on their own clocks). */
function threadSentence(ev: ThreadEvent, state: LoopState): string {
  switch (ev.kind) {
    case 'thread':
      return `A thread is created: ${ev.name}.`;
    case 'thread-run':
      return `Thread ${threadName(state, ev.thread)} runs ${ev.fn}, from ${seconds(ev.from)} on its own clock; the event loop is not blocked.`;
    case 'thread-sleep':
      return `${ev.by} in thread ${threadName(state, ev.thread)}: only that thread waits, until ${seconds(ev.until)}.`;
    case 'thread-end':
      return `${threadName(state, ev.thread)} finishes its function at ${seconds(ev.until)}; the program hears of it then.`;
    case 'thread-done': {
      const how = plain(describeOutcome(ev.outcome));
      return `The function in thread ${threadName(state, ev.thread)} ${how}: the program sees it now.`;
    }
  }
}

/** `finishes and returns 2`, `fails with ValueError('x')`, `is cancelled`. */
function finishes(outcome: TaskOutcome): string {
  switch (outcome.kind) {
    case 'result':
      return `finishes and returns ${outcome.repr}`;
    case 'exception':
      return `fails with ${outcome.repr}`;
    case 'cancelled':
      return 'is cancelled';
  }
}

type ProgramEvent = Extract<
  TraceEvent,
  { kind: 'line' | 'out' | 'object' | 'state' | 'frame' | 'in' | 'locals' | 'net' }
>;

/** What the program itself does at this step: runs a line, prints, uses an object, calls out. */
function programSentence(trace: Trace, ev: ProgramEvent, state: LoopState): string {
  switch (ev.kind) {
    case 'line': {
      const who = state.holder === null ? 'The program' : taskName(state, state.holder);
      const text = trace.source.split('\n')[ev.line - 1]?.trim();
      return `${who} runs line ${ev.line}${text ? `: ${text}` : ''}.`;
    }
    case 'out': {
      const who = state.holder === null ? 'The program' : taskName(state, state.holder);
      const text = ev.text.replace(/\n$/, '');
      const shown = text.length > 60 ? `${text.slice(0, 57)}…` : text;
      return ev.stream === 'stderr'
        ? `${who} writes to stderr: ${shown}`
        : `${who} prints "${shown}".`;
    }
    case 'object':
      return `The program uses ${withArticle(ev.type)}${ev.label ? ` called ${ev.label}` : ''}.`;
    case 'state':
      return streamChange(state, ev.object) ?? `${objectName(state, ev.object)} changes.`;
    case 'frame':
      return `${cap(functionText(ev.fn))} starts running.`;
    case 'in':
      if (state.frames.find((f) => f.id === ev.frame)?.fn === '<module>')
        return 'The top-level code runs.';
      return `${cap(holderName(state, state.holder))} is now in ${state.frames.find((f) => f.id === ev.frame)?.fn ?? 'another function'}.`;
    case 'locals':
      return `Variables change: ${Object.keys(ev.values).join(', ') || ev.deleted.join(', ')}.`;
    case 'net':
      return `${cap(holderName(state, ev.task))} sends ${ev.method} ${ev.url} (simulated ${ev.lib}); the answer takes ${seconds(ev.latency)}.`;
  }
}

/** A connection or a server says what changed (streams.ts); other objects just change. */
function streamChange(state: LoopState, id: ObjectId): string | null {
  const o = findObject(state, id);
  return o ? streamChangeSentence(o) : null;
}
