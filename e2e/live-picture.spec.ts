/**
 * A learner's story: a long run draws its picture while it goes. Before the run ends, the status
 * says it is running with its progress, the step slider already covers the steps that arrived
 * (and can be moved), and the picture grows; the finished run then shows every step.
 */
import { expect, test } from '@playwright/test';
import { runButton, setProgram, status, stepSlider, waitForPython } from './helpers.ts';

// Long enough (about a million steps) that it cannot end before its first events arrive.
const LONG = `import asyncio

async def main():
    total = 0
    for i in range(450_000):
        total += i
    print(total)

asyncio.run(main())
`;

declare global {
  interface Window {
    /** Slider ranges seen while the status said the run was going, with the slider enabled. */
    liveRanges?: number[];
  }
}

test('a long run shows its picture while it streams', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto('/');
  await waitForPython(page);
  await setProgram(page, LONG);
  // Watch the page as the learner would: a glance every 20 ms while the run goes.
  await page.evaluate(() => {
    window.liveRanges = [];
    const timer = setInterval(() => {
      const text = document.querySelector('[aria-label="Run status"]')?.textContent ?? '';
      const slider = document.querySelector('input[aria-label="Step"]') as HTMLInputElement | null;
      if (/^Running… [\d,]+ steps?$/.test(text) && slider && !slider.disabled) {
        const max = Number(slider.max);
        if (window.liveRanges?.at(-1) !== max) window.liveRanges?.push(max);
      }
      if (/^(Completed|Stopped)/.test(text)) clearInterval(timer);
    }, 20);
  });
  await runButton(page).click();
  await expect(status(page)).toHaveText(/^Completed in [\d,]+ steps \(0–[\d,]+\)$/, {
    timeout: 180_000,
  });
  const live = (await page.evaluate(() => window.liveRanges)) ?? [];
  const final = Number(await stepSlider(page).getAttribute('max'));
  expect(live.length).toBeGreaterThan(0);
  expect(live[0]).toBeLessThan(final);
  // The picture only ever grew while the run went.
  expect([...live].sort((a, b) => a - b)).toEqual(live);
  await expect(page.getByRole('region', { name: 'Console' })).toContainText('101249775000');
});
