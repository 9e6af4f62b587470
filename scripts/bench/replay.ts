/**
 * The replay part of the browser bench, on one page already showing a trace: seek latency (key
 * press → painted frame at random steps) and the long tasks while playing at top speed. Shared
 * by browser.ts (the bench), ui-ab.ts (two builds, paired) and ui-profile.ts (where time goes).
 */
import { spawn } from 'node:child_process';
import { type Browser, chromium, type Page } from '@playwright/test';
import type { BenchRow } from './table.ts';
import { program } from './throughput.ts';

/** `vite preview` of `outDir` on `port`, once it answers; `stop` ends it. */
export async function servePreview(port: number, outDir = 'dist') {
  const server = spawn(
    'npx',
    ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'].concat(
      outDir === 'dist' ? [] : ['--outDir', outDir],
    ),
    { stdio: 'ignore', detached: true },
  );
  const base = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 60; i++) {
    const up = await fetch(base).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  const stop = () => {
    try {
      if (server.pid) process.kill(-server.pid);
    } catch {
      // Already gone.
    }
  };
  return { base, stop };
}

export const base64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

export async function waitForStatus(page: Page, pattern: RegExp, timeout = 120_000) {
  await page
    .getByRole('status', { name: 'Run status' })
    .filter({ hasText: pattern })
    .waitFor({ timeout });
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
}

/** A bench page (see newBenchPage) at `base` showing the 100,000-step trace, run and completed. */
export async function openReplayPage(browser: Browser, base: string): Promise<Page> {
  const page = await newBenchPage(browser);
  await page.goto(`${base}#/playground?code=${base64url(PROGRAM_100K)}`);
  await waitForStatus(page, /Completed/);
  return page;
}

export async function newBenchPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  // tsx compiles named functions inside page.evaluate callbacks to calls of its `__name`
  // helper, which the page does not have: an identity stands in for it.
  await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  return page;
}

/** ~1,000,000 steps: benchmark (a)'s tight loop (the browser bench and million-ab.ts run it in the warm page). */
export const PROGRAM_1M = program('tight-loop.py');

/** ~100,000 steps: two tasks taking turns in long loops. */
export const PROGRAM_100K = `# lab: max-steps=200000
import asyncio

async def count(name, n):
    total = 0
    for i in range(n):
        total += i
        if i % 500 == 0:
            await asyncio.sleep(0)
    print(name, total)

async def main():
    await asyncio.gather(count("a", 24000), count("b", 24000))

asyncio.run(main())
`;

/** In-page waits end after `ms` with NaN instead of hanging the benchmark. */
export const within = <T>(promise: Promise<T>, ms = 5_000): Promise<T | number> =>
  Promise.race([promise, new Promise<number>((r) => setTimeout(() => r(Number.NaN), ms))]);

export const quantile = (all: number[], q: number) => {
  const xs = all.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  return xs[Math.min(xs.length - 1, Math.floor(xs.length * q))] ?? NaN;
};

/** Moves the step slider to `step`, then times → until the next frame shows step + 1. */
export function timedStepAt(page: Page, step: number): Promise<number> {
  return page.evaluate(
    (target) =>
      new Promise<number>((resolve) => {
        const slider = document.querySelector('input[aria-label="Step"]') as HTMLInputElement;
        const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
        set?.call(slider, String(target));
        slider.dispatchEvent(new Event('input', { bubbles: true }));
        slider.dispatchEvent(new Event('change', { bubbles: true }));
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            (document.activeElement as HTMLElement | null)?.blur();
            const before = slider.value;
            const t0 = performance.now();
            const obs = new MutationObserver(() => {
              if (slider.value !== before) {
                obs.disconnect();
                requestAnimationFrame(() => resolve(performance.now() - t0));
              }
            });
            obs.observe(document.body, {
              subtree: true,
              childList: true,
              characterData: true,
              attributes: true,
            });
            document.body.dispatchEvent(
              new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }),
            );
          }),
        );
      }),
    step,
  );
}

/** ms from key press to painted frame for 30 seeks at pseudo-random steps (the same ones each run). */
export async function seekLatencies(page: Page): Promise<number[]> {
  const last = Number(await page.locator('input[aria-label="Step"]').getAttribute('max'));
  const seeks: number[] = [];
  let seed = 11;
  for (let i = 0; i < 30; i++) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    seeks.push(Number(await within(timedStepAt(page, seed % (last - 1)))));
  }
  return seeks;
}

export async function seekRows(page: Page): Promise<BenchRow[]> {
  const steps = Number(await page.locator('input[aria-label="Step"]').getAttribute('max')) + 1;
  const seeks = await seekLatencies(page);
  const rows: BenchRow[] = [];
  const missed = seeks.filter(Number.isNaN).length;
  if (missed > 0) {
    rows.push({
      measure: 'seeks that painted no new step within 5 s',
      value: missed,
      unit: 'of 30',
    });
  }
  rows.push({
    measure: `seek p50, ${steps.toLocaleString('en')}-step trace`,
    value: quantile(seeks, 0.5),
    unit: 'ms',
  });
  const p99 = quantile(seeks, 0.99);
  rows.push({
    measure: `seek p99, key press → painted frame`,
    value: p99,
    unit: 'ms',
    target: '≤ 32',
    ok: p99 <= 32,
  });
  return rows;
}

/** The durations of the long tasks (> 50 ms) while playing from the first step at top speed for 5 s. */
export async function longTasksWhilePlaying(page: Page): Promise<number[]> {
  const seen = await within(
    page.evaluate(async () => {
      const seen: number[] = [];
      const obs = new PerformanceObserver((list) => {
        for (const e of list.getEntries()) seen.push(e.duration);
      });
      obs.observe({ type: 'longtask' });
      const select = document.querySelector('select') as HTMLSelectElement;
      const fastest = [...select.options].map((o) => o.value).filter((v) => v !== 'handoffs');
      select.value = fastest.sort((a, b) => Number(b) - Number(a))[0] ?? select.value;
      select.dispatchEvent(new Event('change', { bubbles: true }));
      // (No named functions in here: tsx would wrap them in a helper the page does not have.)
      (
        document.querySelector('button[aria-label="First step"]') as HTMLButtonElement | null
      )?.click();
      (document.querySelector('button[aria-label="Play"]') as HTMLButtonElement | null)?.click();
      await new Promise((r) => setTimeout(r, 5000));
      (document.querySelector('button[aria-label="Pause"]') as HTMLButtonElement | null)?.click();
      obs.disconnect();
      return seen;
    }),
    30_000,
  );
  return typeof seen === 'number' ? [seen] : seen;
}

export async function playRow(page: Page): Promise<BenchRow> {
  const n = (await longTasksWhilePlaying(page)).length;
  return {
    measure: 'long tasks > 50 ms while playing at top speed (5 s)',
    value: n,
    unit: 'tasks',
    target: '0',
    ok: n === 0,
  };
}
