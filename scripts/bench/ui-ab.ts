/**
 * `npx tsx scripts/bench/ui-ab.ts <dirA> <dirB> [rounds]`: two builds of the app (say main's,
 * built with `vite build --outDir /tmp/dist-main`, and the working tree's) measured in turns on
 * one machine, so both see the same load: each round opens the 100,000-step trace in A then B (B
 * then A on odd rounds) and takes the replay bench's seeks and 5 s of playing at top speed.
 * Besides wall times (seek p50/p99, long tasks) it reads the main thread's CPU time from a
 * Chromium trace: on a loaded machine wall times mostly measure the load, CPU time the work.
 * Prints each round and the medians. Compare medians of paired rounds, never a single run.
 */
import type { Browser, Page } from '@playwright/test';
import { mainThreadEvents, type TraceEvent } from './chromium-trace.ts';
import {
  launchChromium,
  longTasksWhilePlaying,
  openReplayPage,
  quantile,
  seekLatencies,
  servePreview,
} from './replay.ts';

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/**
 * Runs `work` under a Chromium trace; the CPU ms of each task on the page's main thread, and
 * for each key press the CPU ms of the tasks from it to the frame that shows it (the compositor
 * commit after it): a seek's own work, which the machine's load barely changes.
 */
async function mainThreadCpu(browser: Browser, page: Page, work: () => Promise<unknown>) {
  await browser.startTracing(page, {
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'],
  });
  await work();
  const events = (
    JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] }
  ).traceEvents;
  const onMain = mainThreadEvents(events);
  const tasks = onMain.filter((e) => e.name === 'RunTask');
  const keyToFrame = onMain
    .filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'keydown')
    .map((key) => {
      const start = tasks.findLast((t) => t.ts <= key.ts)?.ts ?? key.ts;
      const commit = onMain.find((e) => e.name === 'Commit' && e.ts > key.ts);
      const end = commit ? commit.ts + (commit.dur ?? 0) : key.ts;
      return sum(tasks.filter((t) => t.ts >= start && t.ts < end).map((t) => (t.tdur ?? 0) / 1000));
    });
  return { tasks: tasks.map((e) => (e.tdur ?? 0) / 1000), keyToFrame };
}

const [dirA = '/tmp/dist-main', dirB = 'dist', roundsArg = '5'] = process.argv.slice(2);
const rounds = Number(roundsArg);
const port = Number(process.env.BENCH_PORT ?? 4375);
const names = [
  'seek p50 ms',
  'seek p99 ms',
  'seek CPU ms per seek',
  'key→frame CPU ms p50',
  'key→frame CPU ms p90',
  'long tasks playing',
  'play CPU ms in 5 s',
  'play tasks > 50 ms CPU',
];
const sides = [
  { label: 'A', server: await servePreview(port, dirA), rows: [] as number[][] },
  { label: 'B', server: await servePreview(port + 1, dirB), rows: [] as number[][] },
];
const browser = await launchChromium();
try {
  for (let round = 0; round < rounds; round++) {
    for (const side of round % 2 ? [...sides].reverse() : sides) {
      const page = await openReplayPage(browser, side.server.base);
      let seeks: number[] = [];
      const seekCpu = await mainThreadCpu(browser, page, async () => {
        seeks = await seekLatencies(page);
      });
      let long: number[] = [];
      const playCpu = await mainThreadCpu(browser, page, async () => {
        long = await longTasksWhilePlaying(page);
      });
      const row = [
        quantile(seeks, 0.5),
        quantile(seeks, 0.99),
        sum(seekCpu.tasks) / seeks.length,
        quantile(seekCpu.keyToFrame, 0.5),
        quantile(seekCpu.keyToFrame, 0.9),
        long.length,
        sum(playCpu.tasks),
        playCpu.tasks.filter((ms) => ms > 50).length,
      ];
      side.rows.push(row);
      console.log(
        `round ${round + 1} ${side.label}: ${names.map((n, i) => `${n} ${row[i]?.toFixed(1)}`).join(', ')}`,
      );
      await page.close();
    }
  }
  console.log(`\nmedians of ${rounds} paired rounds   A (${dirA})   B (${dirB})`);
  names.forEach((name, i) => {
    const [a, b] = sides.map((s) =>
      quantile(
        s.rows.map((r) => r[i] ?? Number.NaN),
        0.5,
      ),
    );
    console.log(`${name.padEnd(24)} ${a?.toFixed(1).padStart(8)} ${b?.toFixed(1).padStart(8)}`);
  });
} finally {
  await browser.close();
  for (const s of sides) s.server.stop();
}
