/**
 * A learner reads the same moment in several places at once: the status bar, the narration, the
 * simulator's clock and caption, the timeline's tooltip and slider, a lesson's check. Each must
 * spell the same time, and count the same steps, the same way (words.ts owns both spellings).
 */
import { describe, expect, it } from 'vitest';
import { fixture } from '../../../tests/fixtures/traces.ts';
import { evaluateCheck, parseCheck } from '../../lessons/checks.ts';
import type { LabState } from '../../store/lab-state.ts';
import { statusText } from '../../store/selectors.ts';
import { narrationAt, stepText, timeText } from '../../store/views.ts';
import {
  clockText,
  describeMoment,
  narrate,
  plain,
  seconds,
  stateAt,
  type Trace,
} from '../../trace/index.ts';
import { buildTimeline } from '../timeline/model/build-timeline.ts';
import { describeLane, type Probe } from '../timeline/model/describe.ts';
import { positionText } from '../timeline/model/format.ts';

/** tests/corpus-like: three awaited sleeps of 1 s, then three gathered: it ends at 4 s. */
const trace = fixture('idle');
const last = trace.events.length - 1;
const end = stateAt(trace, last).time;
const said = seconds(end);

/** The step of the last clock jump (the clock reaches the end time there). */
function lastClockStep(t: Trace): number {
  for (let i = t.events.length - 1; i >= 0; i--) {
    const e = t.events[i];
    if (typeof e === 'object' && e.k === 'clock') return i;
  }
  throw new Error('no clock jump');
}

const at = (step: number): Probe => ({
  axis: 'steps',
  v0: step,
  v1: step + 1,
  instant: 0,
  steps: [step, step],
});

describe('the same time reads the same everywhere', () => {
  it('in the status bar, the narration, the simulator and the timeline', () => {
    expect(said).toBe('4.0 s');
    const jump = lastClockStep(trace);
    expect(timeText(trace, last)).toBe(said);
    expect(narrate(trace, jump)).toBe(
      `Nothing can run until the next timer, so virtual time skips ahead: it is now ${said}.`,
    );
    expect(narrationAt(trace, jump)).toContain(` ${said}.`);
    expect(clockText(end)).toBe(`t = ${said}`);
    expect(plain(describeMoment(trace, stateAt(trace, jump)).words)).toContain(`to ${said},`);
    const model = buildTimeline(trace);
    expect(describeLane(trace, model, model.loop, at(last)).lines[0]).toBe(
      `step ${last}, t = ${said}`,
    );
    expect(positionText(last, last, end)).toBe(`step ${last} of ${last}, t = ${said}`);
  });

  it('with the float noise of a sum of sleeps rounded away, in every formatter', () => {
    const noisy = 0.1 + 0.2;
    expect(seconds(noisy)).toBe('0.3 s');
    expect(clockText(noisy)).toBe('t = 0.3 s');
    expect(positionText(0, 0, noisy)).toBe('step 0 of 0, t = 0.3 s');
  });

  it('in a lesson check message', () => {
    const parsed = parseCheck('time at most 3');
    if (!parsed.ok) throw new Error(parsed.error);
    const reason = evaluateCheck(parsed.check, trace).reason;
    expect(reason).toBe(
      `The run takes ${said} of virtual time; the goal is at most ${seconds(3)}.`,
    );
  });
});

describe('the same run counts the same steps everywhere', () => {
  it('in the player and in the run status', () => {
    const state = {
      runtime: { state: 'ready', pythonVersion: '3.14.2' },
      running: false,
      trace,
      failure: null,
      streamed: 0,
    } as unknown as LabState;
    const n = trace.events.length;
    // The player's last step is the last event index; the status names the same range.
    expect(stepText(trace, last)).toBe(`Step ${last} of ${last}`);
    expect(statusText(state)).toBe(`Completed in ${n} steps (0–${last})`);
  });
});
