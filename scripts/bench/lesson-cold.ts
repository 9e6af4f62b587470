/**
 * The browser bench's cold lesson load: a fresh browser context (empty cache, no service worker
 * yet) opens a lesson's address, and the time is taken from navigation until the lesson's picture
 * is painted: the "Event loop" region with the step counter at the step the lesson's first step
 * opens at (worked out here from the golden trace, the run the build ships). Lesson traces are
 * build-time chunks, so nothing here waits for Python.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Browser } from '@playwright/test';
import { openingStep } from '../../src/store/slices/lesson/selectors.ts';
import { parseTrace } from '../../src/trace/index.ts';
import { loadLessons } from '../lessons-load.ts';
import { quantile } from './replay.ts';
import type { BenchRow } from './table.ts';

/** A lesson whose first step shows a picture after a few handoffs (its traces: ~90 kB). */
const SLUG = 'queues';
const LOADS = 3;

/** "Step 53 of 157": the counter the lesson's first step shows. */
function expectedCounter(root: string, slug: string): string {
  const lesson = loadLessons(root).lessons.find((l) => l.slug === slug);
  const step = lesson?.steps[0];
  if (!lesson || !step) throw new Error(`No lesson ${slug}`);
  const golden = join(root, 'tests', 'golden', 'lessons', basename(lesson.file, '.md'));
  const trace = parseTrace(readFileSync(join(golden, `${step.program}.trace.json`), 'utf8'));
  const n = openingStep(step, trace) ?? 0;
  return `Step ${n.toLocaleString('en')} of ${(trace.events.length - 1).toLocaleString('en')}`;
}

/**
 * Watches the page from its first script: once the picture is there, the next frame's time
 * (ms since navigation) goes in `window.benchLessonPicture`. (A string: tsx's helpers must not
 * reach into the page.)
 */
const watch = (counter: string) => `
  const counter = ${JSON.stringify(counter)};
  const shown = () =>
    document.querySelector('[aria-label="Event loop"]') !== null &&
    document.evaluate('//*[text()="' + counter + '"]', document, null, 9, null).singleNodeValue !== null;
  const observer = new MutationObserver(() => {
    if (!shown()) return;
    observer.disconnect();
    requestAnimationFrame(() => { window.benchLessonPicture = performance.now(); });
  });
  observer.observe(document, { subtree: true, childList: true, characterData: true });
`;

export async function lessonColdLoadRows(browser: Browser, base: string): Promise<BenchRow[]> {
  const counter = expectedCounter(process.cwd(), SLUG);
  const times: number[] = [];
  // One load first, not counted: the server's own first reads of the files.
  for (let i = 0; i <= LOADS; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const page = await context.newPage();
      await page.addInitScript({ content: watch(counter) });
      await page.goto(`${base}#/lessons/${SLUG}/1`);
      const handle = await page.waitForFunction(
        () => (window as unknown as { benchLessonPicture?: number }).benchLessonPicture,
        null,
        { timeout: 60_000 },
      );
      if (i > 0) times.push(Number(await handle.jsonValue()));
    } finally {
      await context.close();
    }
  }
  const median = quantile(times, 0.5);
  return [
    {
      measure: `navigation → lesson picture, cold (empty cache), ${SLUG} (median of ${LOADS})`,
      value: median,
      unit: 'ms',
      target: '≤ 1000',
      ok: median <= 1000,
    },
    { measure: '  the slowest of them', value: Math.max(...times), unit: 'ms' },
  ];
}
