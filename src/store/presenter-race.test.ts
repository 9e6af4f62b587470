/**
 * The speaker window opened while its lessons are still loading: the lesson (its chunk) arrives
 * after the audience's run, and must not replace it. Deterministic: the test says when the
 * speaker's lessons load.
 */
import { describe, expect, it } from 'vitest';
import { channelPair } from '../../tests/fixtures/channel-pair.ts';
import { goldenLesson } from '../../tests/fixtures/golden-lessons.ts';
import type { RuntimeStatus } from '../runtime/client.ts';
import type { Trace } from '../runtime/run-trace.ts';
import { createLabStore } from './create-lab-store.ts';
import { type ChannelLike, connectPresenterSync } from './presenter-sync.ts';
import { memoryTextStore } from './slices/editor.ts';
import type { LessonPlace } from './slices/lesson/index.ts';
import type { Runner } from './slices/run.ts';

const QUEUES = goldenLesson('06-queues');

function newStore() {
  const status: RuntimeStatus = { state: 'loading' };
  const runner: Runner = {
    run: () => new Promise<Trace>(() => {}),
    stop() {},
    getStatus: () => status,
    subscribe: () => () => {},
  };
  return createLabStore({ runner, textStore: memoryTextStore(), defaultSource: 'x = 1\n' });
}

type Store = ReturnType<typeof newStore>;

/** The audience window: its router opens a lesson step a moment after the address changes. */
function audienceAt(place: LessonPlace, make: () => ChannelLike) {
  const audience = newStore();
  audience.getState().setLessons([QUEUES]);
  audience.getState().openLesson(place.slug, place.step);
  audience.getState().setPresenting(true, 1000);
  const open = (p: LessonPlace | null) =>
    setTimeout(() =>
      p ? audience.getState().openLesson(p.slug, p.step) : audience.getState().closeLesson(),
    );
  connectPresenterSync(audience, make(), { role: 'audience', openLesson: open });
  return audience;
}

const view = (store: Store) => {
  const s = store.getState();
  return { place: s.lessonAt, source: s.trace?.source, step: s.step };
};

describe('a speaker window whose lessons load after the audience’s run arrives', () => {
  it('shows the audience’s step, not the lesson’s shipped one, and sends nothing back', async () => {
    const { make, settle: flush } = channelPair();
    const audience = audienceAt({ slug: 'queues', step: 1 }, make);
    const shipped = audience.getState().step;
    audience.getState().seek(shipped + 3);
    const speaker = newStore(); // its lessons have not loaded yet
    connectPresenterSync(speaker, make(), { role: 'speaker' });
    await flush();
    // The audience moves on while the speaker's lessons are still on their way.
    audience.getState().stepForward();
    await flush();
    expect(speaker.getState().lessonsLoaded).toBe(false);

    speaker.getState().setLessons([QUEUES]); // the lesson chunk arrives last
    await flush();
    expect(view(speaker)).toEqual(view(audience));
    expect(audience.getState().step).toBe(shipped + 4);
  });

  it('a later run of the audience replaces the one waiting for the lesson', async () => {
    const { make, settle: flush } = channelPair();
    const audience = audienceAt({ slug: 'queues', step: 1 }, make);
    const speaker = newStore();
    connectPresenterSync(speaker, make(), { role: 'speaker' });
    await flush();
    audience.getState().openLesson('queues', 3);
    audience.getState().seek(audience.getState().step + 2);
    await flush();
    const shown = view(audience);
    speaker.getState().setLessons([QUEUES]);
    await flush();
    expect(view(audience)).toEqual(shown);
    expect(view(speaker)).toEqual(shown);
    expect(view(speaker).place).toEqual({ slug: 'queues', step: 3 });
  });

  it('a lesson that cannot load here does not hold the audience’s run back', async () => {
    const { make, settle: flush } = channelPair();
    const audience = audienceAt({ slug: 'queues', step: 1 }, make);
    const speaker = newStore();
    connectPresenterSync(speaker, make(), { role: 'speaker' });
    await flush();
    speaker.getState().setLessons([]); // the lessons chunk failed: no lesson to wait for
    await flush();
    expect(view(speaker)).toEqual(view(audience));
  });

  it('both ways once loaded: the speaker drives the next lesson step, the audience steps', async () => {
    const { make, settle: flush } = channelPair();
    const audience = audienceAt({ slug: 'queues', step: 1 }, make);
    const speaker = newStore();
    connectPresenterSync(speaker, make(), { role: 'speaker' });
    await flush();
    speaker.getState().setLessons([QUEUES]);
    await flush();
    speaker.getState().openLesson('queues', 2);
    await flush();
    expect(audience.getState().lessonAt).toEqual({ slug: 'queues', step: 2 });
    expect(view(speaker)).toEqual(view(audience));
    speaker.getState().stepForward();
    await flush();
    expect(audience.getState().step).toBe(speaker.getState().step);
    audience.getState().stepForward();
    audience.getState().stepForward();
    await flush();
    expect(view(speaker)).toEqual(view(audience));
  });
});
