// size: browserBench is one browser session whose stages run in order on the same page and server
/**
 * The playground's benchmark in headless Chromium (part of `npm run bench`; needs `npm run build`
 * first). Targets, not tests: the figures go in the table and in bench-results/browser.json.
 *
 *   navigation → a lesson's picture on a cold load (lesson-cold.ts); navigation → first
 *   picture; Pyodide ready; run → first (live) and final picture for a 2,000-step program (warm);
 *   seek latency, key press → painted frame, at random steps of a 100,000-step trace (p50/p99);
 *   long tasks (> 50 ms) on the main thread while playing at top speed; run → picture of a
 *   1,000,000-step program, and the long tasks on the page's thread meanwhile.
 */
import { existsSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { lessonColdLoadRows } from './lesson-cold.ts';
import {
  longTasksByPhase,
  observeLongTasks,
  PHASES,
  type Phase,
  seekScrubPlay,
} from './million-phases.ts';
import {
  base64url,
  launchChromium,
  newBenchPage,
  PROGRAM_1M,
  PROGRAM_100K,
  playRow,
  quantile,
  seekRows,
  servePreview,
  waitForStatus,
  within,
} from './replay.ts';
import type { BenchRow } from './table.ts';

const PORT = Number(process.env.BENCH_PORT ?? 4373);
/** Another build to serve (a baseline's, for paired before/after runs); default `dist`. */
const DIST = process.env.BENCH_DIST ?? 'dist';
/** `BENCH_ONLY=million`: only the 1,000,000-step stage (after one warm-up run), for A/B pairs. */
const ONLY_MILLION = process.env.BENCH_ONLY === 'million';
const BASE = `http://127.0.0.1:${PORT}/`;

export type BrowserRow = BenchRow;

/** ~2,000 steps: three workers and a queue (a lesson-sized program, a little long). */
const PROGRAM_2K = `import asyncio

async def worker(name, queue, done):
    while True:
        n = await queue.get()
        if n is None:
            return
        total = 0
        for i in range(n):
            total += i
        done.append((name, total))
        await asyncio.sleep(0.1)

async def main():
    queue = asyncio.Queue()
    done = []
    workers = [asyncio.create_task(worker(f"w{k}", queue, done)) for k in range(3)]
    for n in range(60):
        await queue.put(n % 12)
    for _ in workers:
        await queue.put(None)
    await asyncio.gather(*workers)
    print(len(done), "jobs done")

asyncio.run(main())
`;

/**
 * Clicks Run inside the page and resolves with ms until the run's first picture is painted (a
 * live one while events stream: the step slider's range changes) and until its final one.
 */
function timedRun(page: Page): Promise<{ first: number; done: number }> {
  return page.evaluate(
    () =>
      new Promise<{ first: number; done: number }>((resolve) => {
        const status = document.querySelector('[aria-label="Run status"]') as HTMLElement;
        const slider = document.querySelector('input[aria-label="Step"]');
        const run = [...document.querySelectorAll('button')].find(
          (b) => b.textContent?.trim() === 'Run',
        ) as HTMLButtonElement;
        // The status says "Completed" from the previous run until this one starts: only a
        // Completed seen after this run's "Running…" ends it.
        let started = false;
        const t0 = performance.now();
        let first = Number.NaN;
        const painted = (then: (ms: number) => void) =>
          requestAnimationFrame(() => then(performance.now() - t0));
        const live = new MutationObserver(() => {
          live.disconnect();
          painted((ms) => {
            if (Number.isNaN(first)) first = ms;
          });
        });
        if (slider) live.observe(slider, { attributes: true, attributeFilter: ['max'] });
        const obs = new MutationObserver(() => {
          const text = status.textContent ?? '';
          if (/Running/.test(text)) started = true;
          else if (started && /Completed/.test(text)) {
            obs.disconnect();
            live.disconnect();
            painted((done) => resolve({ first: Number.isNaN(first) ? done : first, done }));
          }
        });
        obs.observe(status, { subtree: true, childList: true, characterData: true });
        run.click();
      }),
  );
}

async function millionStepLoad(page: Page): Promise<BrowserRow[]> {
  await observeLongTasks(page);
  const started = Date.now();
  await page.goto(`${BASE}#/playground?code=${base64url(PROGRAM_1M)}`);
  // The warm page still says "Completed" about the previous run: this run's own Completed
  // comes after its "Running…".
  await waitForStatus(page, /Running/, 60_000);
  await waitForStatus(page, /Completed/, 300_000);
  const loaded = Date.now() - started;
  await page.waitForTimeout(1000);
  // Then at once, before the idle warm-up of its replay checkpoints is done.
  const last = Number(await page.locator('input[aria-label="Step"]').getAttribute('max'));
  await seekScrubPlay(page, last);
  const long = await longTasksByPhase(page);
  // Seek key → painted frame in the million-step trace too (the same measure as the 152k one).
  const painted = await seekRows(page);
  const what: Record<Phase, string> = {
    load: 'run → picture of 1,000,000 steps',
    seek: 'far seeks in it (4, before warm-up)',
    scrub: 'scrubbing it (40 slider moves)',
    play: 'playing it at top speed (3 s)',
  };
  return [
    { measure: 'run → picture, 1,000,000-step program (warm)', value: loaded, unit: 'ms' },
    ...PHASES.flatMap((phase): BrowserRow[] => [
      {
        measure: `long tasks > 50 ms, ${what[phase]}`,
        value: long[phase].length,
        unit: 'tasks',
        target: '0',
        ok: long[phase].length === 0,
      },
      { measure: '  the longest', value: Math.max(0, ...long[phase]), unit: 'ms' },
    ]),
    ...painted,
  ];
}

export async function browserBench(): Promise<BrowserRow[]> {
  if (!existsSync(`${DIST}/index.html`))
    throw new Error('Run `npm run build` before the browser bench.');
  const server = await servePreview(PORT, DIST);
  const rows: BrowserRow[] = [];
  const browser = await launchChromium();
  try {
    if (!ONLY_MILLION) rows.push(...(await lessonColdLoadRows(browser, BASE)));
    const page = await newBenchPage(browser);
    await page.goto(`${BASE}#/playground?code=${base64url(PROGRAM_2K)}`);
    await page.getByRole('region', { name: 'Event loop' }).waitFor();
    rows.push({
      measure: 'navigation → first picture',
      value: await page.evaluate(() => performance.now()),
      unit: 'ms',
    });
    await waitForStatus(page, /Completed/);
    if (ONLY_MILLION) {
      rows.push(...(await millionStepLoad(page)));
      return rows;
    }
    rows.push({
      measure: 'navigation → Pyodide ready and first run shown',
      value: await page.evaluate(() => performance.now()),
      unit: 'ms',
    });
    const warm: number[] = [];
    const firsts: number[] = [];
    for (let i = 0; i < 5; i++) {
      const timed = await within(timedRun(page), 60_000);
      warm.push(typeof timed === 'object' ? timed.done : Number.NaN);
      firsts.push(typeof timed === 'object' ? timed.first : Number.NaN);
    }
    const steps = Number(await page.locator('input[aria-label="Step"]').getAttribute('max')) + 1;
    const median = quantile(warm, 0.5);
    const firstMedian = quantile(firsts, 0.5);
    rows.push({
      measure: `run → first picture (live while streaming), ${steps.toLocaleString('en')}-step program`,
      value: firstMedian,
      unit: 'ms',
      target: '≤ 150',
      ok: firstMedian <= 150,
    });
    rows.push({
      measure: `run → picture, ${steps.toLocaleString('en')}-step program (warm, median of 5)`,
      value: median,
      unit: 'ms',
      target: '≤ 150',
      ok: median <= 150,
    });

    await page.goto(`${BASE}#/playground?code=${base64url(PROGRAM_100K)}`);
    await waitForStatus(page, /Completed/);
    rows.push(...(await seekRows(page)), await playRow(page));
    rows.push(...(await millionStepLoad(page)));
  } finally {
    await browser.close();
    server.stop();
  }
  return rows;
}
