import { describe, expect, it } from 'vitest';
import { fakeRunner } from '../../tests/fixtures/store.ts';
import { trace } from '../../tests/fixtures/trace.ts';
import { createLabStore } from './create-lab-store.ts';
import { isLive, statusText } from './index.ts';
import { memoryTextStore } from './slices/editor.ts';

describe('the lab store', () => {
  it('restores the saved program and saves every edit', () => {
    const text = memoryTextStore('print("saved")');
    const store = createLabStore({ runner: fakeRunner(), textStore: text, defaultSource: 'x' });
    expect(store.getState().source).toBe('print("saved")');
    store.getState().setSource('print("edited")');
    expect(text.text).toBe('print("edited")');
    const fresh = createLabStore({
      runner: fakeRunner(),
      textStore: memoryTextStore(),
      defaultSource: 'x',
    });
    expect(fresh.getState().source).toBe('x');
  });

  it('walks the status line through loading, ready, running and done', async () => {
    const runner = fakeRunner();
    const store = createLabStore({ runner, textStore: memoryTextStore(), defaultSource: 'x' });
    const status = () => statusText(store.getState());
    expect(status()).toBe('Loading Python…');
    runner.setStatus({ state: 'ready', pythonVersion: '3.14.2', loadMs: 1 });
    expect(status()).toBe('Python 3.14.2 ready');
    const done = store.getState().run();
    runner.progress(1234);
    expect(store.getState().streamed).toBe(1234);
    expect(status()).toBe('Running… 1,234 steps');
    runner.finish(trace({}));
    await done;
    expect(status()).toBe('Completed in 42 steps (0–41)');
    expect(store.getState().running).toBe(false);
  });

  it('says why a run ended early or failed', async () => {
    const runner = fakeRunner();
    const store = createLabStore({ runner, textStore: memoryTextStore(), defaultSource: 'x' });
    let done = store.getState().run();
    store.getState().stop();
    expect(runner.stopped).toBe(1);
    runner.finish(
      trace({
        status: 'limit',
        limit: { kind: 'wall', message: 'You stopped the program after 3 steps.' },
      }),
    );
    await done;
    expect(statusText(store.getState())).toBe('You stopped the program after 3 steps.');
    done = store.getState().run();
    runner.finish(
      trace({
        status: 'error',
        error: { type: 'ValueError', message: 'boom', line: 3, traceback: '' },
      }),
    );
    await done;
    expect(statusText(store.getState())).toBe('The program raised ValueError: boom on line 3.');
  });

  it('draws the picture while the run streams, and keeps the learner where they stepped', async () => {
    const runner = fakeRunner();
    const store = createLabStore({ runner, textStore: memoryTextStore(), defaultSource: 'x' });
    const s = () => store.getState();
    runner.setStatus({ state: 'ready', pythonVersion: '3.14.2', loadMs: 1 });
    const before = s().runCount;
    const done = s().run();
    const live = (steps: number) =>
      trace({
        source: 'x',
        status: 'limit',
        limit: { kind: 'running', message: 'still running' },
        stats: { steps, lines: steps, detailSteps: 50000 },
        events: Array.from({ length: steps }, () => 1),
      });
    expect(isLive(s())).toBe(false);
    runner.progress(10);
    runner.partial(live(10));
    expect(s().trace?.stats.steps).toBe(10);
    expect(isLive(s())).toBe(true);
    expect(s().runCount).toBe(before + 1);
    expect(statusText(s())).toBe('Running… 10 steps');
    // The learner steps through what has arrived; the next live trace keeps the cursor.
    s().seek(7);
    runner.partial(live(20));
    expect(s().step).toBe(7);
    expect(s().trace?.stats.steps).toBe(20);
    runner.finish(trace({ source: 'x', events: Array.from({ length: 42 }, () => 1) }));
    await done;
    expect(isLive(s())).toBe(false);
    expect(s().trace?.status).toBe('completed');
    expect(s().step).toBe(7);
    expect(s().runCount).toBe(before + 1);
  });

  it('starts a run without a live picture at the first step', async () => {
    const runner = fakeRunner();
    const store = createLabStore({ runner, textStore: memoryTextStore(), defaultSource: 'x' });
    let done = store.getState().run();
    runner.finish(trace({ events: Array.from({ length: 42 }, () => 1) }));
    await done;
    store.getState().seek(30);
    done = store.getState().run();
    runner.finish(trace({ events: Array.from({ length: 42 }, () => 1) }));
    await done;
    expect(store.getState().step).toBe(0);
  });
});
