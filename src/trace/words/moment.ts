/** The loop's caption: what the event loop is doing at this step, in one sentence. */
import { eventAt } from '../decode.ts';
import { stateAt } from '../replay.ts';
import { findTask, type LoopState } from '../state.ts';
import { stepsOfKind } from '../trace-index.ts';
import type { Trace, TraceEvent } from '../types.ts';
import { describeOutcome, taskPart } from './names.ts';
import { seconds } from './numbers.ts';
import type { Words } from './parts.ts';
import { describeReadyEntryWords } from './tasks.ts';
import { describeWaitWords } from './waits.ts';

export type LoopPhase = 'before' | 'running' | 'between' | 'after';

/** Steps of the trace's `loop` events (from the per-trace index). */
function loopEventSteps(trace: Trace): Int32Array {
  return stepsOfKind(trace, 'loop');
}

/**
 * Where the program is relative to its event loop(s): `before` the first loop starts (module-level
 * code), `running`, `between` two runs (asyncio.run shutting down, or a second run to come), or
 * `after` the last one stopped.
 */
export function loopPhase(trace: Trace, state: LoopState): LoopPhase {
  if (state.loopRunning) return 'running';
  const steps = loopEventSteps(trace);
  const first = steps[0];
  const last = steps[steps.length - 1];
  if (first === undefined || last === undefined || state.step < first) return 'before';
  if (state.step >= last) return 'after';
  return 'between';
}

/** The picture one step earlier: `previous` when it is that step, else replayed. */
function stateBefore(
  trace: Trace,
  state: LoopState,
  previous: LoopState | null | undefined,
): LoopState | null {
  if (state.step < 0) return null;
  if (previous && previous.step === state.step - 1) return previous;
  return stateAt(trace, state.step - 1);
}

export type LoopMomentTone = 'blocked' | 'deadlock' | 'clock' | 'stopped' | 'handoff' | 'calm';

/** The loop's caption at a step (not a lesson's `Moment`, which is a point in a run to show). */
export interface LoopMoment {
  readonly tone: LoopMomentTone;
  readonly words: Words;
}

/**
 * One sentence about what the loop is doing at this step, for the loop's caption. A blocked loop,
 * a deadlock, a clock jump and a stopped loop get their own tone so the view can make them
 * unmistakable.
 */
export function describeMoment(
  trace: Trace,
  state: LoopState,
  previous?: LoopState | null,
): LoopMoment {
  if (state.blocked) return blockedMoment(trace, state);
  if (trace.limit?.kind === 'deadlock' && state.step === trace.events.length - 1) {
    return {
      tone: 'deadlock',
      words: [
        'Deadlock: nothing is ready and no timer is pending, yet tasks still wait. Real Python would hang here forever.',
      ],
    };
  }
  const event =
    state.step >= 0 && state.step < trace.events.length ? eventAt(trace, state.step) : null;
  if (event?.kind === 'clock') {
    const before = stateBefore(trace, state, previous);
    const from = before && before.time < event.at ? ` from ${seconds(before.time)}` : '';
    return {
      tone: 'clock',
      words: [`Nothing is ready: the clock jumps${from} to ${seconds(event.at)}, the next timer.`],
    };
  }
  if (event?.kind === 'loop') {
    return event.running
      ? { tone: 'handoff', words: ['The event loop starts running.'] }
      : { tone: 'stopped', words: ['The event loop stops.'] };
  }
  if (!state.loopRunning) return stoppedMoment(trace, state);
  return (event && eventMoment(trace, state, event, previous)) ?? restingMoment(trace, state);
}

/** Whether the program starts an event loop at all (lesson 1's programs do not). */
export function startsLoop(trace: Trace): boolean {
  return loopEventSteps(trace).length > 0;
}

function blockedMoment(trace: Trace, state: LoopState): LoopMoment {
  const blocked = state.blocked;
  if (blocked === null) return restingMoment(trace, state);
  if (!state.loopRunning) {
    // Outside a loop nothing else was going to run: the program simply waits.
    return {
      tone: 'stopped',
      words: [
        'The program waits: ',
        { code: blocked.by },
        ` pauses it until ${seconds(blocked.until)}. Ordinary Python does one thing at a time, top to bottom.`,
      ],
    };
  }
  const who: Words =
    blocked.task === null ? [] : [' while ', taskPart(state, blocked.task, trace), ' kept control'];
  return {
    tone: 'blocked',
    words: [
      'Loop blocked by ',
      { code: blocked.by },
      ' — nothing else can run. The clock moved to ',
      seconds(blocked.until),
      ...who,
      '.',
    ],
  };
}

function stoppedMoment(trace: Trace, state: LoopState): LoopMoment {
  switch (loopPhase(trace, state)) {
    case 'before':
      return {
        tone: 'stopped',
        words: [
          startsLoop(trace)
            ? 'No event loop exists yet: ordinary Python runs top to bottom until asyncio.run starts one.'
            : 'No event loop: this program never starts one, so ordinary Python runs top to bottom.',
        ],
      };
    case 'after':
      return { tone: 'stopped', words: ['The event loop has stopped.'] };
    default:
      return { tone: 'stopped', words: ['The event loop is not running right now.'] };
  }
}

/** A handoff, a callback or timers falling due, said for the event at this step; else null. */
function eventMoment(
  trace: Trace,
  state: LoopState,
  event: TraceEvent,
  previous: LoopState | null | undefined,
): LoopMoment | null {
  switch (event.kind) {
    case 'resume':
      return {
        tone: 'handoff',
        words: ['The loop hands control to ', taskPart(state, event.task, trace), '.'],
      };
    case 'suspend':
      return {
        tone: 'handoff',
        words: [
          taskPart(state, event.task, trace),
          ' gives control back to the loop: it awaits ',
          ...describeWaitWords(state, event.wait, trace),
          '.',
        ],
      };
    case 'task-done':
      return {
        tone: 'handoff',
        words: [
          taskPart(state, event.task, trace),
          ' ',
          ...describeOutcome(event.outcome),
          '; control goes back to the loop.',
        ],
      };
    case 'callback': {
      const entry = stateBefore(trace, state, previous)?.ready.find(
        (r) => r.handle === event.handle,
      );
      const what: Words = entry ? describeReadyEntryWords(state, entry, trace) : ['a callback'];
      return { tone: 'calm', words: ['The loop runs the next ready handle: ', ...what, '.'] };
    }
    case 'due': {
      const n = event.handles.length;
      return {
        tone: 'calm',
        words: [
          n === 1
            ? 'A timer is due: it moves to the ready queue.'
            : `${n} timers are due: they move to the ready queue, in order.`,
        ],
      };
    }
    default:
      return null;
  }
}

/** Who has control, and what comes next, when the step's event says nothing about the loop. */
function restingMoment(trace: Trace, state: LoopState): LoopMoment {
  if (state.holder !== null) {
    const t = findTask(state, state.holder);
    return {
      tone: 'calm',
      words: [
        taskPart(state, state.holder, trace),
        t?.line == null ? ' has control.' : ` has control and runs line ${t.line}.`,
      ],
    };
  }
  const front = state.ready[0];
  if (front) {
    return {
      tone: 'calm',
      words: [
        'The loop has control. Next from the ready queue: ',
        ...describeReadyEntryWords(state, front, trace),
        '.',
      ],
    };
  }
  const timer = state.timers[0];
  if (timer) {
    return {
      tone: 'calm',
      words: [
        `The loop has control. Nothing is ready; the next timer is due at ${seconds(timer.at)}.`,
      ],
    };
  }
  return { tone: 'calm', words: ['The loop has control.'] };
}
