/**
 * The phases of a million-step run the browser bench and million-ab.ts time alike: the run's
 * load, far seeks before the idle warm-up of replay checkpoints is done, a scrub along the
 * slider, and playing at top speed; long tasks (> 50 ms) are counted by the phase they began in.
 */
import type { Page } from '@playwright/test';

export type Phase = 'load' | 'seek' | 'scrub' | 'play';
export const PHASES: Phase[] = ['load', 'seek', 'scrub', 'play'];

/** Long tasks seen by the page, by the phase (window.benchPhase) they began in. */
export async function observeLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { benchPhase: string; benchLong: [string, number][] };
    w.benchPhase = 'load';
    w.benchLong = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.benchLong.push([w.benchPhase, e.duration]);
    }).observe({ type: 'longtask' });
  });
}

export const setPhase = (page: Page, phase: Phase) =>
  page.evaluate((p) => {
    (window as unknown as { benchPhase: string }).benchPhase = p;
  }, phase);

/** Sets the step slider as a drag does (input + change), waiting a frame after each. */
export function slideTo(page: Page, steps: number[]): Promise<void> {
  return page.evaluate(async (targets) => {
    const slider = document.querySelector('input[aria-label="Step"]') as HTMLInputElement;
    const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
    for (const target of targets) {
      set?.call(slider, String(target));
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      slider.dispatchEvent(new Event('change', { bubbles: true }));
      await new Promise((r) => requestAnimationFrame(() => r(null)));
    }
    await new Promise((r) => setTimeout(r, 100));
  }, steps);
}

export async function playFor(page: Page, ms: number): Promise<void> {
  await page.evaluate(async (wait) => {
    const select = document.querySelector('select') as HTMLSelectElement;
    const fastest = [...select.options].map((o) => o.value).filter((v) => v !== 'handoffs');
    select.value = fastest.sort((a, b) => Number(b) - Number(a))[0] ?? select.value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    (document.querySelector('button[aria-label="Play"]') as HTMLButtonElement | null)?.click();
    await new Promise((r) => setTimeout(r, wait));
    (document.querySelector('button[aria-label="Pause"]') as HTMLButtonElement | null)?.click();
  }, ms);
}

/** Seeks, scrubs and plays the run shown (`last`: its last step), each phase named for its long tasks. */
export async function seekScrubPlay(page: Page, last: number): Promise<void> {
  await setPhase(page, 'seek');
  await slideTo(page, [last - 1234, Math.floor(last / 3), Math.floor((2 * last) / 3), 17]);
  await setPhase(page, 'scrub');
  await slideTo(
    page,
    Array.from({ length: 40 }, (_, i) => Math.floor(((i + 1) * last) / 41)),
  );
  await setPhase(page, 'play');
  await playFor(page, 3000);
}

/** The long tasks the page saw since observeLongTasks, by phase. */
export async function longTasksByPhase(page: Page): Promise<Record<Phase, number[]>> {
  const seen = await page.evaluate(
    () => (window as unknown as { benchLong: [Phase, number][] }).benchLong,
  );
  const long = Object.fromEntries(PHASES.map((p) => [p, [] as number[]])) as Record<
    Phase,
    number[]
  >;
  for (const [phase, ms] of seen) long[phase].push(Math.round(ms));
  return long;
}
