/**
 * Narration: one plain sentence for what happens at a step (the words for waits, timers and
 * outcomes come from words.ts, shared with the simulator). The UI shows the sentence under the picture and announces it to screen readers, so it
 * must read well aloud: names, not ids; seconds, not floats with 17 digits.
 */
import { eventAt } from './decode.ts';
import type { TaskId } from './ids.ts';
import { stateAt } from './replay.ts';
import { findTask, type LoopState } from './state.ts';
import type { Trace, TraceEvent } from './types.ts';
import { describeWait, formatTime, objectName } from './words.ts';

export { describeWait };

/** "4.0 s", "0.25 s": virtual seconds as people say them ("never" for a timer at infinity). */
export function seconds(t: number | null): string {
  return t === null || !Number.isFinite(t) ? 'never' : formatTime(t);
}

/** A task's name, or "the event loop" when no task holds control. */
export function taskName(state: LoopState, id: TaskId | null): string {
  if (id === null) return 'the event loop';
  return findTask(state, id)?.name ?? `task ${id}`;
}

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
  const what = next.task !== null ? taskName(state, next.task) : `callback ${next.callback}`;
  return ` Next in the ready queue: ${what}.`;
}

function sentence(trace: Trace, ev: TraceEvent, state: LoopState, step: number): string {
  switch (ev.kind) {
    case 'line': {
      const who = state.holder === null ? 'The program' : taskName(state, state.holder);
      const text = trace.source.split('\n')[ev.line - 1]?.trim();
      return `${who} runs line ${ev.line}${text ? `: ${text}` : ''}.`;
    }
    case 'task-created': {
      const by = ev.by === null ? 'The program' : taskName(state, ev.by);
      return `${by} creates task ${ev.name} (${ev.coro}); it joins the ready queue and waits for its turn.`;
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
      const o = ev.outcome;
      const how =
        o.kind === 'result'
          ? `finishes and returns ${o.repr}`
          : o.kind === 'exception'
            ? `fails with ${o.repr}`
            : 'is cancelled';
      return `${who} ${how}; control goes back to the event loop.${nextInReady(state)}`;
    }
    case 'loop':
      return ev.running
        ? 'The event loop starts running: from now on it decides who runs.'
        : 'The event loop stops: the program carries on after asyncio.run.';
    case 'ready': {
      if (ev.task === null) return `Callback ${ev.callback} joins the ready queue.`;
      return `${taskName(state, ev.task)} is ready: it joins the back of the ready queue.`;
    }
    case 'timer': {
      const at = seconds(ev.at);
      if (ev.why === 'sleep')
        return `A timer is set for ${at} to wake ${taskName(state, ev.task)} from its sleep.`;
      if (ev.why === 'timeout')
        return `A timeout is set: at ${at}, ${taskName(state, ev.task)} will be cancelled if it is still waiting.`;
      return `Timer: at ${at} the loop will run ${ev.callback}.`;
    }
    case 'due':
      return `It is ${seconds(state.time)}: ${ev.handles.length === 1 ? 'a timer falls due and moves' : `${ev.handles.length} timers fall due and move`} to the ready queue.`;
    case 'cancel':
      return 'A scheduled callback is cancelled; the loop will skip it.';
    case 'callback':
      return 'The event loop runs a callback (no task holds control).';
    case 'clock':
      return `Nothing is ready: the clock jumps to ${seconds(ev.at)}, the next timer.`;
    case 'block':
      if (!state.loopRunning)
        return `${ev.by} makes the program wait until ${seconds(ev.at)}: no event loop runs, so nothing else happens meanwhile.`;
      return `${ev.by} blocks the whole loop: the clock moves to ${seconds(ev.at)} while ${taskName(state, ev.task)} keeps control, and nothing else can run.`;
    case 'out': {
      const who = state.holder === null ? 'The program' : taskName(state, state.holder);
      const text = ev.text.replace(/\n$/, '');
      const shown = text.length > 60 ? `${text.slice(0, 57)}…` : text;
      return ev.stream === 'stderr'
        ? `${who} writes to stderr: ${shown}`
        : `${who} prints "${shown}".`;
    }
    case 'object':
      return `The program uses a ${ev.type}${ev.label ? ` called ${ev.label}` : ''}.`;
    case 'state':
      return `${objectName(state, ev.object)} changes.`;
    case 'frame':
      return ev.fn === '<module>'
        ? 'The top-level code starts running.'
        : `${ev.fn} starts running.`;
    case 'in':
      if (state.frames.find((f) => f.id === ev.frame)?.fn === '<module>')
        return 'The top-level code runs.';
      return `${taskName(state, state.holder)} is now in ${state.frames.find((f) => f.id === ev.frame)?.fn ?? 'another function'}.`;
    case 'locals':
      return `Variables change: ${Object.keys(ev.values).join(', ') || ev.deleted.join(', ')}.`;
    case 'net':
      return `${taskName(state, ev.task)} sends ${ev.method} ${ev.url} (simulated ${ev.lib}); the answer takes ${seconds(ev.latency)}.`;
  }
}
