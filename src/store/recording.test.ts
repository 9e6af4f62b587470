import { describe, expect, it } from 'vitest';
import { fakeRunner } from '../../tests/fixtures/store.ts';
import { trace } from '../../tests/fixtures/trace.ts';
import type { Trace } from '../runtime/run-trace.ts';
import { createLabStore } from './create-lab-store.ts';
import { isRecording, playgroundRoute, runTone, statusText } from './index.ts';
import { memoryTextStore } from './slices/editor.ts';

const PROGRAM = 'import asyncio\n';

const recorded = (source = PROGRAM): Trace =>
  trace({ source, stats: { steps: 3, lines: 3, detailSteps: 50000 }, events: [1, 1, 1] });

function storeWith(saved: string | null = null) {
  const runner = fakeRunner();
  const store = createLabStore({
    runner,
    textStore: memoryTextStore(saved),
    defaultSource: PROGRAM,
  });
  return { store, runner };
}

describe('the recording of the default program', () => {
  it('is shown at its first step while Python loads, and the status speaks of Python', () => {
    const { store } = storeWith();
    const trace = recorded();
    store.getState().showRecording(trace);
    const s = store.getState();
    expect(s.trace).toBe(trace);
    expect(s.step).toBe(0);
    expect(isRecording(s)).toBe(true);
    expect(statusText(s)).toBe('Loading Python…');
    expect(runTone(s)).toBe('busy');
    // The address stays a first visit's: no program, no step.
    expect(playgroundRoute(s, PROGRAM)).toEqual({ page: 'playground', code: null, step: null });
  });

  it('never covers a returning learner’s own program', () => {
    const { store } = storeWith('print("mine")');
    store.getState().showRecording(recorded());
    expect(store.getState().trace).toBeNull();
  });

  it('is dropped by an edit, and not brought back by undoing it', () => {
    const { store } = storeWith();
    store.getState().showRecording(recorded());
    store.getState().stepForward();
    store.getState().setSource(`${PROGRAM}print(1)\n`);
    expect(store.getState().trace).toBeNull();
    expect(store.getState().step).toBe(0);
    store.getState().setSource(PROGRAM);
    expect(store.getState().trace).toBeNull();
  });

  it('ends when the learner runs the program: the run replaces it', async () => {
    const { store, runner } = storeWith();
    store.getState().showRecording(recorded());
    const running = store.getState().run();
    const ran = recorded();
    runner.finish(ran);
    await running;
    const s = store.getState();
    expect(s.trace).toBe(ran);
    expect(isRecording(s)).toBe(false);
    expect(statusText(s)).toMatch(/^Completed in 3 steps/);
    expect(playgroundRoute(s, PROGRAM).code).toBe(PROGRAM);
  });
});
