import { describe, expect, it } from 'vitest';
import { fakeRunner } from '../../tests/fixtures/store.ts';
import { trace } from '../../tests/fixtures/trace.ts';
import { createLabStore } from './create-lab-store.ts';
import { recordingNote, statusText, waitingNarration } from './index.ts';
import { memoryTextStore } from './slices/editor.ts';

const READY = { state: 'ready', pythonVersion: '3.14.2', loadMs: 1 } as const;

function lab() {
  const runner = fakeRunner();
  const store = createLabStore({ runner, textStore: memoryTextStore(), defaultSource: 'x' });
  return { store, runner };
}

describe('one message for one state before the picture', () => {
  it('a run that waits for Python says so, and says tracing only once Python runs it', async () => {
    const { store, runner } = lab();
    expect(waitingNarration(store.getState())).toBe(
      'Run the program, then step through it with the arrow keys.',
    );
    const done = store.getState().run();
    // Python is still loading: the run has not started, nothing is being traced.
    expect(statusText(store.getState())).toBe('Loading Python…');
    expect(waitingNarration(store.getState())).toMatch(/^Loading Python… \(a first visit/);
    expect(waitingNarration(store.getState())).not.toMatch(/tracing/);
    runner.setStatus(READY);
    expect(statusText(store.getState())).toBe('Running… 0 steps');
    expect(waitingNarration(store.getState())).toBe(
      'Python is tracing the program: every line, every handoff, every wait.',
    );
    runner.finish(trace({}));
    await done;
    expect(waitingNarration(store.getState())).toBe(
      'Run the program, then step through it with the arrow keys.',
    );
  });

  it('the recorded run’s note says when the learner’s own run takes its place', () => {
    const { store, runner } = lab();
    expect(recordingNote(store.getState())).toBe('Press Run to run it yourself.');
    void store.getState().run();
    expect(recordingNote(store.getState())).toBe(
      'Yours runs as soon as Python is ready, and replaces it.',
    );
    runner.setStatus(READY);
    expect(recordingNote(store.getState())).toBe('Yours replaces it as soon as it starts.');
  });
});
