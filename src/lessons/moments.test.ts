import { describe, expect, it } from 'vitest';
import { type FixtureName, fixture } from '../../tests/fixtures/traces.ts';
import { eventAt, handoffSteps } from '../trace/index.ts';
import { LAST, parseMoment, resolveMoment } from './moments.ts';

/** Resolves or fails the test with the resolver's own message. */
function stepOf(text: string, name: FixtureName = 'tasks'): number {
  const r = resolveMoment(text, fixture(name));
  if (!r.ok) throw new Error(r.error);
  return r.step;
}

function errorOf(text: string, name: FixtureName = 'tasks'): string {
  const r = resolveMoment(text, fixture(name));
  if (r.ok) throw new Error(`"${text}" resolved to step ${r.step}`);
  return r.error;
}

describe('parseMoment', () => {
  it('reads ordinals, events, tasks and anchors', () => {
    const r = parseMoment('2nd resume of worker-2 after output "x y"');
    expect(r).toEqual({
      ok: true,
      moment: {
        base: { kind: 'event', nth: 2, event: 'resume', task: 'worker-2' },
        anchor: {
          rel: 'after',
          moment: { base: { kind: 'output', nth: 1, text: 'x y' }, anchor: null },
        },
      },
    });
  });

  it('treats await as suspend and understands last, handoff N, step, time, line', () => {
    expect(parseMoment('last await of main')).toMatchObject({
      moment: { base: { kind: 'event', event: 'suspend', nth: LAST, task: 'main' } },
    });
    expect(parseMoment('handoff 3')).toMatchObject({
      moment: { base: { kind: 'handoff', nth: 3 } },
    });
    expect(parseMoment('third handoff')).toMatchObject({
      moment: { base: { kind: 'handoff', nth: 3 } },
    });
    expect(parseMoment('step 12')).toMatchObject({ moment: { base: { kind: 'step', step: 12 } } });
    expect(parseMoment('time 2.5s')).toMatchObject({ moment: { base: { kind: 'time', at: 2.5 } } });
    expect(parseMoment('line 5 of "a.jpg"')).toMatchObject({
      moment: { base: { kind: 'line', line: 5, task: 'a.jpg', nth: 1 } },
    });
    expect(parseMoment('output "tab\\there"')).toMatchObject({
      moment: { base: { kind: 'output', text: 'tab\there' } },
    });
  });

  it('explains what is wrong', () => {
    expect(parseMoment('')).toMatchObject({ ok: false, error: expect.stringMatching(/empty/) });
    expect(parseMoment('first jump of main')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/expected start, end, step N/),
    });
    expect(parseMoment('output "unclosed')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/no closing quote/),
    });
    expect(parseMoment('step x')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/whole number/),
    });
    expect(parseMoment('end of the world')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/only with "after …" or "before …"/),
    });
    expect(parseMoment('resume of')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/"of" must be followed/),
    });
  });
});

describe('resolveMoment', () => {
  const trace = fixture('tasks');

  it('finds task events by task name or by coroutine', () => {
    const s = stepOf('first suspend of main');
    expect(eventAt(trace, s)).toMatchObject({ kind: 'suspend', task: 1 });
    const a = stepOf('first resume of a.jpg');
    expect(eventAt(trace, a)).toMatchObject({ kind: 'resume', task: 2 });
    // "download" is no task's name, so it means every task running download().
    expect(stepOf('first resume of download')).toBe(a);
    const second = stepOf('2nd resume of download');
    expect(eventAt(trace, second)).toMatchObject({ kind: 'resume', task: 3 });
    const lastDone = stepOf('last done of download');
    expect(eventAt(trace, lastDone)).toMatchObject({ kind: 'task-done', task: 2 });
    expect(eventAt(trace, stepOf('create of b.jpg'))).toMatchObject({
      kind: 'task-created',
      task: 3,
    });
  });

  it('finds outputs by text, start, end, steps and handoffs', () => {
    expect(eventAt(trace, stepOf('output "done b"'))).toMatchObject({
      kind: 'out',
      text: 'done b.jpg\n',
    });
    expect(eventAt(trace, stepOf('3rd output'))).toMatchObject({
      kind: 'out',
      text: 'start b.jpg\n',
    });
    expect(stepOf('start')).toBe(-1);
    expect(stepOf('end')).toBe(trace.events.length - 1);
    expect(stepOf('step 5')).toBe(5);
    expect(stepOf('handoff 3')).toBe(handoffSteps(trace)[2]);
  });

  it('finds the first step at a virtual time, and lines run by a task', () => {
    const s = stepOf('time 1');
    expect(eventAt(trace, s)).toMatchObject({ kind: 'clock', at: 1 });
    const line = stepOf('line 6 of a.jpg');
    expect(eventAt(trace, line)).toEqual({ kind: 'line', line: 6 });
    expect(line).toBeGreaterThan(stepOf('line 6 of b.jpg'));
  });

  it('counts after and before an anchor', () => {
    const anchor = stepOf('output "done b.jpg"');
    const next = stepOf('first resume after output "done b.jpg"');
    expect(next).toBeGreaterThan(anchor);
    expect(eventAt(trace, next)).toMatchObject({ kind: 'resume', task: 2 });
    const before = stepOf('last resume before output "done b.jpg"');
    expect(eventAt(trace, before)).toMatchObject({ kind: 'resume', task: 3 });
  });

  it('says plainly why a moment does not exist', () => {
    expect(errorOf('first suspend of worker-9')).toMatch(
      /no task is named "worker-9" or runs a coroutine called "worker-9" \(the run's tasks: Task-1 \(main\), a\.jpg \(download\), b\.jpg \(download\)\)/,
    );
    expect(errorOf('first suspend of downlaod')).toMatch(
      /no task is named "downlaod" or runs a coroutine called "downlaod" \(did you mean "download"\?\)/,
    );
    expect(errorOf('fifth resume of a.jpg')).toMatch(
      /only 2 × resume of a\.jpg, so there is no fifth one/,
    );
    expect(errorOf('output "nope"')).toMatch(/prints no output containing “nope”/);
    // A step past the end names the run's length as the status bar does (`116 steps (0–115)`).
    const steps = fixture('tasks').events.length;
    expect(errorOf('step 5000')).toMatch(
      new RegExp(
        `^the run has only ${steps} steps \\(0–${steps - 1}\\), so there is no step 5,000$`,
      ),
    );
    expect(errorOf('step 100000')).toMatch(/has only \d+ steps/);
    expect(errorOf('time 99')).toMatch(/never reaches 99.0 s of virtual time \(it ends at 2.0 s\)/);
    expect(errorOf('first block')).toMatch(/has no block/);
    expect(errorOf('first resume after end')).toMatch(/after that moment/);
    expect(errorOf('callback of main')).toMatch(/belongs to no task/);
  });

  it('finds blocking calls and requests', () => {
    const t = fixture('blocking');
    expect(eventAt(t, stepOf('first block', 'blocking'))).toMatchObject({ kind: 'block', task: 2 });
    expect(eventAt(t, stepOf('2nd request', 'blocking'))).toMatchObject({ kind: 'net', task: 3 });
  });
});
