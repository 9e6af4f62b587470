import { describe, expect, it } from 'vitest';
import { goldenLesson } from '../../../../tests/fixtures/golden-lessons.ts';
import type { RuntimeStatus } from '../../../runtime/client.ts';
import { parseTrace, type Trace } from '../../../trace/index.ts';
import { createLabStore } from '../../create-lab-store.ts';
import { memoryTextStore } from '../editor.ts';
import type { Runner } from '../run.ts';
import { hidesLaterOutput, lessonHighlight, openLessonStep, progressSummary } from './index.ts';

const QUEUES = goldenLesson('06-queues');
const WAITING = goldenLesson('01-waiting-is-wasted');

/** A runner that answers each run with the trace the test hands it (by source, or a default). */
function fakeRunner(answers: Map<string, Trace>) {
  const status: RuntimeStatus = { state: 'ready', pythonVersion: '3.14.2', loadMs: 1 };
  let release: (() => void) | null = null;
  const runner: Runner & { hold: boolean; release(): void; runs: string[] } = {
    hold: false,
    runs: [],
    async run(source) {
      runner.runs.push(source);
      if (runner.hold) await new Promise<void>((r) => (release = r));
      const t = answers.get(source);
      if (!t) throw new Error('no trace for this source');
      return t;
    },
    release: () => release?.(),
    stop() {},
    getStatus: () => status,
    subscribe: () => () => {},
  };
  return runner;
}

function memoryStorage() {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
  };
}

function setup(storage = memoryStorage()) {
  const answers = new Map<string, Trace>();
  const runner = fakeRunner(answers);
  const text = memoryTextStore('print("my own program")\n');
  const store = createLabStore({
    runner,
    textStore: text,
    defaultSource: 'print("default")\n',
    lessonStorage: storage,
  });
  store.getState().setLessons([WAITING, QUEUES]);
  const s = () => store.getState();
  const traceOf = (id: string, b = QUEUES) => s().shippedTrace(b, id) as Trace;
  const sourceOf = (id: string, b = QUEUES) =>
    b.lesson.programs.find((p) => p.id === id)?.source as string;
  return { store, s, runner, answers, text, storage, traceOf, sourceOf };
}

describe('opening a lesson step', () => {
  it('shows the step program with its shipped trace at the step moment', () => {
    const { s, traceOf, sourceOf } = setup();
    s().openLesson('queues', 1);
    expect(s().lessonAt).toEqual({ slug: 'queues', step: 1 });
    expect(s().source).toBe(sourceOf('s2-program'));
    expect(s().trace).toBe(traceOf('s2-program'));
    // ::open[first suspend of worker-4]
    const w4 = s().trace?.tasks.find((t) => t.name === 'worker-4')?.id;
    const e = s().trace?.events[s().step];
    expect(typeof e === 'object' && e.k === 'suspend' && e.t === w4).toBe(true);
    expect(lessonHighlight(s())).toEqual([8, 9, 10, 11, 12, 13, 22, 23]);
  });

  it('clamps the step and remembers steps seen', () => {
    const storage = memoryStorage();
    const { s } = setup(storage);
    s().openLesson('queues', 99);
    expect(s().lessonAt?.step).toBe(QUEUES.lesson.steps.length - 1);
    s().openLesson('queues', 0);
    expect(s().progress.queues?.seen).toEqual([0, 4]);
    expect(progressSummary(QUEUES, s().progress)).toEqual({
      seen: 2,
      steps: 5,
      passed: 0,
      exercises: 1,
    });
    // Kept for the next visit.
    const again = setup(storage);
    expect(again.s().progress.queues?.seen).toEqual([0, 4]);
  });

  it('reports a lesson that does not exist, and waits for lessons not yet loaded', () => {
    const { s } = setup();
    s().openLesson('no-such-lesson', 0);
    expect(s().lessonMissing).toBe('no-such-lesson');
    expect(openLessonStep(s())).toBeNull();

    const late = createLabStore({
      runner: fakeRunner(new Map()),
      textStore: memoryTextStore(),
      defaultSource: '',
    });
    late.getState().openLesson('queues', 3);
    expect(late.getState().trace).toBeNull();
    late.getState().setLessons([QUEUES]);
    expect(late.getState().lessonAt).toEqual({ slug: 'queues', step: 3 });
    expect(late.getState().trace).toBe(late.getState().shippedTrace(QUEUES, 's4-program'));
  });

  it('shows no recorded run while a lesson link waits for the lessons; leaving brings it back', () => {
    const recorded = parseTrace(QUEUES.traces['s1-program'] as string);
    const late = createLabStore({
      runner: fakeRunner(new Map()),
      textStore: memoryTextStore(recorded.source),
      defaultSource: recorded.source,
    });
    late.getState().showRecording(recorded);
    expect(late.getState().trace).toBe(recorded);
    late.getState().openLesson('queues', 0);
    expect(late.getState().trace).toBeNull();
    late.getState().closeLesson();
    expect(late.getState().trace).toBe(recorded);
  });

  it('never writes lesson programs over the playground program, which comes back on leaving', () => {
    const { s, text, sourceOf } = setup();
    s().openLesson('queues', 0);
    s().setSource(`${sourceOf('s1-program')}# mine\n`);
    expect(text.text).toBe('print("my own program")\n');
    s().closeLesson();
    expect(s().lessonAt).toBeNull();
    expect(s().source).toBe('print("my own program")\n');
    expect(s().trace).toBeNull();
  });

  it('keeps edits of a lesson program and restores them when the step opens again', () => {
    const storage = memoryStorage();
    const { s, sourceOf } = setup(storage);
    s().openLesson('queues', 0);
    const edited = `${sourceOf('s1-program')}# mine\n`;
    s().setSource(edited);
    s().openLesson('queues', 1);
    expect(s().source).toBe(sourceOf('s2-program'));
    s().openLesson('queues', 0);
    expect(s().source).toBe(edited);
    // Reset (the editor's) puts the lesson program back and forgets the edit.
    s().resetSource();
    s().openLesson('queues', 1);
    s().openLesson('queues', 0);
    expect(s().source).toBe(sourceOf('s1-program'));
  });
});

describe('questions', () => {
  it('grades a prediction against the run and seeks to the proof', () => {
    const { s } = setup();
    s().openLesson('queues', 0);
    const q = QUEUES.lesson.steps[0]?.questions[0];
    expect(q?.kind).toBe('next-output');
    expect(hidesLaterOutput(s())).toBe(true);
    const at = s().step;
    s().answer(q?.id as string, 'put 2');
    const right = s().answers[`queues/${q?.id}`];
    expect(right).toMatchObject({ correct: true, revealed: true, hint: false });
    expect(s().step).toBe(right?.proof);
    expect(s().step).toBeGreaterThan(at);
    expect(hidesLaterOutput(s())).toBe(false);
  });

  it('a first wrong answer gets a hint and another try; the second shows the answer', () => {
    const { s } = setup();
    s().openLesson('queues', 0);
    const id = QUEUES.lesson.steps[0]?.questions[0]?.id as string;
    const at = s().step;
    s().answer(id, 'got 2');
    const first = s().answers[`queues/${id}`];
    expect(first).toMatchObject({ correct: false, revealed: false, hint: true });
    // Nothing gives the answer away: not the message, the replay or the console.
    expect(first?.message).not.toMatch(/put 2/);
    expect(s().step).toBe(at);
    expect(hidesLaterOutput(s())).toBe(true);

    s().retryQuestion(id);
    expect(s().answers[`queues/${id}`]).toBeUndefined();
    s().answer(id, 'got 2');
    const second = s().answers[`queues/${id}`];
    expect(second).toMatchObject({ correct: false, revealed: true, hint: false });
    expect(second?.message).toMatch(/^Not quite: the answer is “put 2”/);
    expect(s().step).toBe(second?.proof);
    expect(hidesLaterOutput(s())).toBe(false);
  });

  it('"Show answer" after a first wrong answer shows it at once', () => {
    const { s } = setup();
    s().openLesson('queues', 0);
    const id = QUEUES.lesson.steps[0]?.questions[0]?.id as string;
    s().answer(id, 'got 2');
    s().revealAnswer(id);
    const shown = s().answers[`queues/${id}`];
    expect(shown).toMatchObject({ correct: false, revealed: true, hint: false });
    expect(shown?.message).toMatch(/^Not quite: the answer is “put 2”/);
    expect(s().step).toBe(shown?.proof);
  });

  it('grades an order question', () => {
    const { s } = setup();
    const stepIndex = WAITING.lesson.steps.findIndex((st) =>
      st.questions.some((q) => q.kind === 'order'),
    );
    if (stepIndex < 0) return; // this lesson has no order question
    s().openLesson('waiting-is-wasted', stepIndex);
    const q = WAITING.lesson.steps[stepIndex]?.questions.find((x) => x.kind === 'order');
    s().answer(q?.id as string, q?.choices?.map((c) => c.text) ?? []);
    expect(s().answers[`waiting-is-wasted/${q?.id}`]?.correct).toBe(false);
  });
});

describe('exercises', () => {
  const EXERCISE = QUEUES.lesson.steps[4]?.exercise;
  if (!EXERCISE) throw new Error('the queues lesson has no exercise in step 5');
  const key = `queues/${EXERCISE.id}`;

  it('evaluates checks on the learner run, then records a pass', async () => {
    const storage = memoryStorage();
    const { s, answers, traceOf, sourceOf } = setup(storage);
    s().openLesson('queues', 4);
    expect(s().source).toBe(sourceOf('s5-starter'));
    expect(s().exerciseRuns[key]).toBeUndefined();

    answers.set(sourceOf('s5-starter'), traceOf('s5-starter'));
    await s().run();
    const failed = s().exerciseRuns[key];
    expect(failed?.outcome.pass).toBe(false);
    expect(failed?.outcome.results.find((r) => !r.pass)?.reason).toMatch(/8.0 s/);
    expect(s().progress.queues?.passed ?? []).toEqual([]);

    s().showHint(EXERCISE.id);
    s().showHint(EXERCISE.id);
    expect(s().hintsShown[key]).toBe(2);
    s().loadSolution(EXERCISE.id);
    expect(s().solutionsShown[key]).toBe(true);
    expect(s().source).toBe(sourceOf('s5-solution'));
    answers.set(sourceOf('s5-solution'), traceOf('s5-solution'));
    await s().run();
    expect(s().exerciseRuns[key]?.outcome.pass).toBe(true);
    expect(s().progress.queues?.passed).toEqual([EXERCISE.id]);
    expect(JSON.parse(storage.data.get('event-loop-lab:lesson-progress') ?? '{}')).toMatchObject({
      queues: { passed: [EXERCISE.id] },
    });

    s().resetExercise(EXERCISE.id);
    expect(s().source).toBe(sourceOf('s5-starter'));
    expect(s().trace).toBe(traceOf('s5-starter'));
    expect(s().hintsShown[key]).toBeUndefined();
    expect(s().exerciseRuns[key]).toBeUndefined();
    // A pass, once earned, stays.
    expect(s().progress.queues?.passed).toEqual([EXERCISE.id]);
  });

  it('discards a run that started before the learner moved to another program', async () => {
    const { s, runner, answers, traceOf, sourceOf } = setup();
    s().openLesson('queues', 4);
    answers.set(sourceOf('s5-starter'), traceOf('s5-starter'));
    runner.hold = true;
    const running = s().run();
    s().openLesson('queues', 0);
    runner.release();
    await running;
    expect(s().trace).toBe(traceOf('s1-program'));
    expect(s().exerciseRuns[key]).toBeUndefined();
  });
});

describe('runs that end after the learner moved on', () => {
  it('drops a run of an edit when the learner resets the exercise while it runs', async () => {
    const { s, runner, answers, traceOf, sourceOf } = setup();
    s().openLesson('queues', 4);
    const edited = `${sourceOf('s5-starter')}# mine\n`;
    s().setSource(edited);
    answers.set(edited, { ...traceOf('s5-starter'), source: edited });
    runner.hold = true;
    const running = s().run();
    s().resetExercise(QUEUES.lesson.steps[4]?.exercise?.id as string);
    runner.release();
    await running;
    expect(s().running).toBe(false);
    expect(s().source).toBe(sourceOf('s5-starter'));
    expect(s().trace).toBe(traceOf('s5-starter'));
    expect(s().exerciseRuns).toEqual({});
  });

  it('shows a run of an older text of the same program as it is (typing is not moving on)', async () => {
    const { s, runner, answers, traceOf, sourceOf } = setup();
    s().openLesson('queues', 4);
    const run = { ...traceOf('s5-starter') };
    answers.set(sourceOf('s5-starter'), run);
    runner.hold = true;
    const running = s().run();
    s().setSource(`${sourceOf('s5-starter')}# typed while it ran\n`);
    runner.release();
    await running;
    expect(s().trace).toBe(run);
    // Not the current text: no checks are evaluated on it.
    expect(s().exerciseRuns).toEqual({});
  });
});

describe('dev updates', () => {
  it('shows the new prose at once and the new program when the learner had not edited it', () => {
    const { s } = setup();
    s().openLesson('queues', 0);
    const steps = QUEUES.lesson.steps.map((st, i) =>
      i === 0 ? { ...st, title: 'Producer and consumer (new)' } : st,
    );
    s().setLessons([WAITING, { ...QUEUES, lesson: { ...QUEUES.lesson, steps } }]);
    expect(openLessonStep(s())?.step.title).toBe('Producer and consumer (new)');
    expect(s().lessonAt).toEqual({ slug: 'queues', step: 0 });
  });

  it('parses a shipped trace once per store', () => {
    const { s } = setup();
    expect(s().shippedTrace(QUEUES, 's1-program')).toBe(s().shippedTrace(QUEUES, 's1-program'));
    expect(s().shippedTrace(QUEUES, 'nope')).toBeNull();
    // Another store parses its own: no cache is shared between stores.
    expect(setup().s().shippedTrace(QUEUES, 's1-program')).not.toBe(
      s().shippedTrace(QUEUES, 's1-program'),
    );
    expect(parseTrace(QUEUES.traces['s1-program'] as string).source).toContain('asyncio.Queue()');
  });
});
