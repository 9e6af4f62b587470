import { describe, expect, it } from 'vitest';
import { goldenLesson } from '../../tests/fixtures/golden-lessons.ts';
import type { LessonBundle } from '../lessons/types.ts';
import type { RuntimeStatus } from '../runtime/client.ts';
import { createLabStore } from '../store/create-lab-store.ts';
import { memoryTextStore } from '../store/slices/editor.ts';
import type { Runner } from '../store/slices/run.ts';
import { feedLessons, type LessonsSource } from './lessons-data.ts';

/** A lesson as `virtual:lessons` ships it (no traces), and the traces its chunk holds. */
function shipped(name: string): { bundle: LessonBundle; traces: Record<string, string> } {
  const { lesson, traces } = goldenLesson(name);
  return { bundle: { lesson, traces: {} }, traces };
}

const QUEUES = shipped('06-queues');
const WAITING = shipped('01-waiting-is-wasted');

/** The lessons module: each lesson's traces come when the test lets them (`release`). */
function source(all = [WAITING, QUEUES]) {
  const asked: string[] = [];
  const waiting = new Map<string, () => void>();
  const src: LessonsSource & { asked: string[]; release(slug: string): Promise<void> } = {
    lessons: all.map((l) => l.bundle),
    problems: [],
    asked,
    loadTraces(slug) {
      asked.push(slug);
      const found = all.find((l) => l.bundle.lesson.slug === slug);
      return new Promise((resolve) => waiting.set(slug, () => resolve(found?.traces ?? {})));
    },
    async release(slug) {
      waiting.get(slug)?.();
      await new Promise((r) => setTimeout(r, 0));
    },
  };
  return src;
}

function store() {
  const status: RuntimeStatus = { state: 'loading' };
  const runner: Runner = {
    run: () => new Promise(() => {}),
    stop() {},
    getStatus: () => status,
    subscribe: () => () => {},
  };
  return createLabStore({ runner, textStore: memoryTextStore(), defaultSource: 'x' });
}

describe('lessons load lean', () => {
  it('a lesson link waits for that lesson’s traces only, then shows its picture', async () => {
    const lab = store();
    const s = () => lab.getState();
    s().openLesson('queues', 0);
    const src = source();
    feedLessons(lab, src);
    expect(src.asked).toEqual(['queues']);
    expect(s().lessonsLoaded).toBe(false);
    await src.release('queues');
    expect(s().lessonsLoaded).toBe(true);
    expect(s().trace).not.toBeNull();
    expect(s().trace?.source).toBe(s().source);
  });

  it('the playground shows the lessons at once and loads a lesson’s traces when it opens', async () => {
    const lab = store();
    const s = () => lab.getState();
    const src = source();
    feedLessons(lab, src);
    expect(s().lessonsLoaded).toBe(true);
    expect(src.asked).toEqual([]);
    s().openLesson('waiting-is-wasted', 1);
    expect(src.asked).toEqual(['waiting-is-wasted']);
    expect(s().trace).toBeNull(); // its traces are on their way
    await src.release('waiting-is-wasted');
    expect(s().trace?.source).toBe(s().source);
    // Back to a lesson already loaded: nothing is asked for again.
    s().openLesson('queues', 0);
    await src.release('queues');
    s().openLesson('waiting-is-wasted', 0);
    expect(src.asked).toEqual(['waiting-is-wasted', 'queues']);
    expect(s().trace?.source).toBe(s().source);
  });

  it('a dev update brings the open lesson’s traces again, from the new module', async () => {
    const lab = store();
    const s = () => lab.getState();
    s().openLesson('queues', 0);
    // The first module's traces never come: the update supersedes them.
    const feed = feedLessons(lab, source());
    const next = source();
    const updated = feed.update(next);
    expect(next.asked).toEqual(['queues']);
    await next.release('queues');
    await updated;
    expect(s().lessonsLoaded).toBe(true);
    expect(s().trace?.source).toBe(s().source);
  });
});
