/**
 * `npx tsx scripts/bench/million-ab.ts <dirA> <dirB> [rounds]`: two builds of the app (say
 * main's, built with `vite build --outDir /tmp/dist-main`, and the working tree's) taking turns
 * on the browser bench's 1,000,000-step run, so both see the same load on a shared machine. Each
 * round, in a page warmed by a small run: Run → final picture (wall ms), then at once (before
 * the idle warm-up of replay checkpoints is done) far seeks, a scrub along the slider and 3 s of
 * playing at top speed; the long tasks (> 50 ms) of each phase, and the main thread's CPU time
 * from Run to the picture. `PROFILE=1` also prints, for each long task, the JS functions it
 * spent its time in (a CPU profile: slows the page, so not for the figures). Prints each round
 * and the medians; compare medians of paired rounds, never a single run.
 */
import type { Browser, Page } from '@playwright/test';
import { mainThreadEvents, type TraceEvent } from './chromium-trace.ts';
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
  quantile,
  servePreview,
  waitForStatus,
} from './replay.ts';

const PROGRAM_SMALL = `import asyncio

async def main():
    for i in range(50):
        await asyncio.sleep(0.1)

asyncio.run(main())
`;

interface ProfileNode {
  id: number;
  children?: number[];
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
}

/**
 * Notes each change of the run status's text with its time, to find the run's end as the page
 * saw it: from the last "Running… N steps" to "Completed" is what the end of a run costs (the
 * worker's last work, the final trace, its picture), less bound to the machine's load than the
 * whole run.
 */
async function observeStatus(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { benchStatus: [number, string][] };
    w.benchStatus = [];
    let last = '';
    new MutationObserver(() => {
      const text = document.querySelector('[aria-label="Run status"]')?.textContent ?? '';
      if (text !== last) w.benchStatus.push([performance.now(), text]);
      last = text;
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

/** ms from the last "Running…" status to the first "Completed" after it. */
async function endGap(page: Page): Promise<number> {
  const seen = await page.evaluate(
    () => (window as unknown as { benchStatus: [number, string][] }).benchStatus,
  );
  const done = seen.findIndex(([, text]) => /Completed/.test(text) && text !== seen[0]?.[1]);
  const running = seen.slice(0, done).findLast(([, text]) => /Running/.test(text));
  return done < 0 || running === undefined ? Number.NaN : (seen[done]?.[0] ?? 0) - running[0];
}

/** The page's main thread: its RunTask events (µs), from a Chromium trace. */
function mainTasks(events: TraceEvent[]): TraceEvent[] {
  return mainThreadEvents(events).filter((e) => e.name === 'RunTask');
}

/** Prints the JS functions (inclusive time) each task over 50 ms spent its time in. */
function printCauses(events: TraceEvent[], tasks: TraceEvent[], profile: Profile): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const times: number[] = [];
  let t = profile.startTime;
  for (const d of profile.timeDeltas) {
    t += d;
    times.push(t);
  }
  for (const task of tasks.filter((e) => (e.dur ?? 0) > 50_000)) {
    const end = task.ts + (task.dur ?? 0);
    const total = new Map<string, number>();
    profile.samples.forEach((id, i) => {
      const at = times[i] ?? 0;
      if (at < task.ts || at > end) return;
      const seen = new Set<string>();
      for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
        const f = byId.get(n)?.callFrame;
        if (f) seen.add(`${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`);
      }
      for (const k of seen) total.set(k, (total.get(k) ?? 0) + (profile.timeDeltas[i] ?? 0));
    });
    const top = [...total]
      .filter(([k]) => !/^\(root\)|^\(anon\) :/.test(k))
      .sort((a, b) => b[1] - a[1])
      .slice(0, 12)
      .map(([k, us]) => `${(us / 1000).toFixed(0)} ${k}`);
    // What the trace says the task did (self times by event name): GC, messages, layout…
    const inner = events.filter(
      (e) =>
        e !== task &&
        e.ph === 'X' &&
        e.tid === task.tid &&
        e.pid === task.pid &&
        e.ts >= task.ts &&
        e.ts + (e.dur ?? 0) <= end,
    );
    const byName = new Map<string, number>();
    for (const e of inner) byName.set(e.name, (byName.get(e.name) ?? 0) + (e.dur ?? 0));
    const names = [...byName]
      .filter(([, us]) => us > 2000)
      .sort((a, b) => b[1] - a[1])
      .map(([n, us]) => `${n} ${(us / 1000).toFixed(0)}`)
      .join(', ');
    console.log(
      `  task ${((task.dur ?? 0) / 1000).toFixed(0)} ms (events, inclusive: ${names}):\n    ${top.join('\n    ')}`,
    );
  }
}

interface Round {
  loadMs: number;
  /** From the last "Running…" status to "Completed" (see observeStatus). */
  endMs: number;
  loadCpuMs: number;
  /** CPU ms of each main-thread task over 50 ms of CPU, Run → picture (less load-bound). */
  cpuLong: number[];
  long: Record<Phase, number[]>;
}

async function measure(browser: Browser, base: string, profile: boolean): Promise<Round> {
  const page = await newBenchPage(browser);
  try {
    await page.goto(`${base}#/playground?code=${base64url(PROGRAM_SMALL)}`);
    await waitForStatus(page, /Completed/);
    await observeLongTasks(page);
    await observeStatus(page);
    const cdp = profile ? await page.context().newCDPSession(page) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
      await cdp.send('Profiler.start');
    }
    await browser.startTracing(page, {
      categories: ['disabled-by-default-devtools.timeline'].concat(
        profile ? ['devtools.timeline', 'v8', 'disabled-by-default-v8.gc'] : [],
      ),
    });
    const started = Date.now();
    await page.goto(`${base}#/playground?code=${base64url(PROGRAM_1M)}`);
    await waitForStatus(page, /Running/, 60_000);
    await waitForStatus(page, /Completed/, 300_000);
    const loadMs = Date.now() - started;
    const endMs = await endGap(page);
    const events = (
      JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] }
    ).traceEvents;
    const tasks = mainTasks(events);
    const loadCpuMs = tasks.reduce((a, e) => a + (e.tdur ?? 0) / 1000, 0);
    const cpuLong = tasks.map((e) => Math.round((e.tdur ?? 0) / 1000)).filter((ms) => ms > 50);
    const last = Number(await page.locator('input[aria-label="Step"]').getAttribute('max'));
    await seekScrubPlay(page, last);
    if (cdp) {
      const { profile: p } = await cdp.send('Profiler.stop');
      printCauses(events, tasks, p as unknown as Profile);
    }
    const long = await longTasksByPhase(page);
    return { loadMs, endMs, loadCpuMs, cpuLong, long };
  } finally {
    await page.close();
  }
}

const [dirA = '/tmp/dist-main', dirB = 'dist', roundsArg = '3'] = process.argv.slice(2);
const rounds = Number(roundsArg);
const port = Number(process.env.BENCH_PORT ?? 4377);
const profile = process.env.PROFILE === '1';
const sides = [
  { label: 'A', dir: dirA, server: await servePreview(port, dirA), rounds: [] as Round[] },
  { label: 'B', dir: dirB, server: await servePreview(port + 1, dirB), rounds: [] as Round[] },
];
const browser = await launchChromium();
try {
  for (let round = 0; round < rounds; round++) {
    for (const side of round % 2 ? [...sides].reverse() : sides) {
      const r = await measure(browser, side.server.base, profile);
      side.rounds.push(r);
      const long = PHASES.map((p) => `${p} [${r.long[p].join(' ')}]`).join(', ');
      console.log(
        `round ${round + 1} ${side.label}: run → picture ${r.loadMs} ms (last Running… → Completed ${r.endMs.toFixed(0)}), CPU ${r.loadCpuMs.toFixed(0)} ms [tasks > 50 ms CPU: ${r.cpuLong.join(' ')}]; long tasks ${long}`,
      );
    }
  }
  console.log(`\nmedians of ${rounds} paired rounds        A              B`);
  const row = (name: string, f: (r: Round) => number) => {
    const [a, b] = sides.map((s) => quantile(s.rounds.map(f), 0.5));
    console.log(`${name.padEnd(34)} ${a?.toFixed(0).padStart(8)} ${b?.toFixed(0).padStart(14)}`);
  };
  row('run → picture, ms', (r) => r.loadMs);
  row('last "Running…" → "Completed", ms', (r) => r.endMs);
  row('main-thread CPU, run → picture, ms', (r) => r.loadCpuMs);
  row('tasks > 50 ms of CPU, same', (r) => r.cpuLong.length);
  for (const p of PHASES) {
    row(`long tasks while ${p}`, (r) => r.long[p].length);
    row(`  longest, ms`, (r) => Math.max(0, ...r.long[p]));
  }
  for (const s of sides) console.log(`${s.label}: ${s.dir}`);
} finally {
  await browser.close();
  for (const s of sides) s.server.stop();
}
