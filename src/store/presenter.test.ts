import { describe, expect, it } from 'vitest';
import { channelPair } from '../../tests/fixtures/channel-pair.ts';
import type { RuntimeStatus } from '../runtime/client.ts';
import type { Trace } from '../runtime/run-trace.ts';
import { exampleTrace } from '../trace/example.ts';
import { handoffSteps } from '../trace/index.ts';
import { createLabStore } from './create-lab-store.ts';
import { connectPresenterSync } from './presenter-sync.ts';
import { memoryTextStore } from './slices/editor.ts';
import { nearestZoom } from './slices/presenter.ts';
import type { Runner } from './slices/run.ts';

function instantRunner(trace: Trace): Runner {
  const status: RuntimeStatus = { state: 'ready', pythonVersion: '3.14.2', loadMs: 1 };
  return { run: async () => trace, stop() {}, getStatus: () => status, subscribe: () => () => {} };
}

function newStore(trace = exampleTrace()) {
  return createLabStore({
    runner: instantRunner(trace),
    textStore: memoryTextStore(),
    defaultSource: trace.source,
  });
}

describe('presenter mode', () => {
  it('a clicker press moves one handoff, or one line step when asked', async () => {
    const store = newStore();
    await store.getState().run();
    const handoffs = [...handoffSteps(store.getState().trace as Trace)];
    store.getState().presenterForward();
    expect(store.getState().step).toBe(handoffs[0]);
    store.getState().presenterForward();
    expect(store.getState().step).toBe(handoffs[1]);
    store.getState().presenterBack();
    expect(store.getState().step).toBe(handoffs[0]);
    store.getState().setGranularity('step');
    store.getState().presenterForward();
    expect(store.getState().step).toBe((handoffs[0] as number) + 1);
  });

  it('zooms in fixed steps between 100 % and 200 %', () => {
    const store = newStore();
    const s = () => store.getState();
    s().setZoom(100);
    s().zoomOut();
    expect(s().zoom).toBe(100);
    for (let i = 0; i < 10; i++) s().zoomIn();
    expect(s().zoom).toBe(200);
    expect(nearestZoom(160)).toBe(150);
    expect(nearestZoom(Number.NaN)).toBe(150);
  });

  it('starts the clock when presenting starts and leaves the screen unblanked', () => {
    const store = newStore();
    store.getState().setBlanked(true);
    store.getState().setPresenting(true, 1000);
    expect(store.getState()).toMatchObject({
      presenting: true,
      blanked: false,
      presentingSince: 1000,
    });
    store.getState().setPresenting(false);
    expect(store.getState().presentingSince).toBeNull();
  });
});

describe('the speaker window in sync', () => {
  async function pair() {
    const { make, flush } = channelPair();
    const audience = newStore();
    await audience.getState().run();
    audience.getState().setPresenting(true, 5000);
    const speaker = newStore();
    const offAudience = connectPresenterSync(audience, make(), { role: 'audience' });
    const offSpeaker = connectPresenterSync(speaker, make(), { role: 'speaker' });
    flush();
    return { audience, speaker, flush, offAudience, offSpeaker };
  }

  it('a new speaker window gets the run, the step and the clock', async () => {
    const { audience, speaker } = await pair();
    expect(speaker.getState().trace?.source).toBe(audience.getState().trace?.source);
    expect(speaker.getState().step).toBe(audience.getState().step);
    expect(speaker.getState().presentingSince).toBe(5000);
    expect(speaker.getState().peerConnected).toBe(true);
    expect(audience.getState().peerConnected).toBe(true);
  });

  it('stepping or blanking in either window moves the other, without echoes', async () => {
    const { audience, speaker, flush } = await pair();
    audience.getState().presenterForward();
    audience.getState().presenterForward();
    flush();
    expect(speaker.getState().step).toBe(audience.getState().step);
    // Three quick presses in the speaker window: the audience ends where the speaker did.
    speaker.getState().stepForward();
    speaker.getState().stepForward();
    speaker.getState().stepForward();
    const target = speaker.getState().step;
    flush();
    expect(audience.getState().step).toBe(target);
    expect(speaker.getState().step).toBe(target);
    speaker.getState().setBlanked(true);
    flush();
    expect(audience.getState().blanked).toBe(true);
    audience.getState().setBlanked(false);
    flush();
    expect(speaker.getState().blanked).toBe(false);
  });

  it('closing one window leaves the other working, and it catches up when it comes back', async () => {
    const { audience, speaker, flush, offSpeaker } = await pair();
    offSpeaker();
    flush();
    expect(audience.getState().peerConnected).toBe(false);
    audience.getState().presenterForward();
    expect(audience.getState().step).toBeGreaterThan(0);
    expect(speaker.getState().step).toBe(0); // not connected any more: nothing arrived
  });

  it('the audience opens the lesson step the speaker asks for through its own navigation', async () => {
    const { make, flush } = channelPair();
    const audience = newStore();
    const asked: unknown[] = [];
    connectPresenterSync(audience, make(), { role: 'audience', openLesson: (p) => asked.push(p) });
    const channel = make();
    channel.postMessage({ kind: 'lesson', place: { slug: 'tasks', step: 2 } });
    flush();
    expect(asked).toEqual([{ slug: 'tasks', step: 2 }]);
  });
});
