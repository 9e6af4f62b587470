import { expect, type Page, test } from '@playwright/test';
import {
  output,
  runButton,
  SCREENS,
  setProgram,
  status,
  stopButton,
  waitForPython,
} from './helpers.ts';

const FRIENDLY = `import asyncio


async def main():
    await asyncio.sleep(1)
    print("still here")


asyncio.run(main())
`;

/** After a stop the worker is replaced; a run asked for while Python reloads waits for it. */
async function nextRunWorks(page: Page): Promise<void> {
  await setProgram(page, FRIENDLY);
  await runButton(page).click();
  await expect(status(page)).toHaveText(/^Completed in [\d,]+ steps \(0–[\d,]+\)$/, {
    timeout: 90_000,
  });
  await expect(output(page)).toContainText('still here');
}

test('an endless loop in a coroutine is stopped by the step limit', async ({ page }) => {
  await page.goto('/');
  await waitForPython(page);
  await setProgram(
    page,
    `import asyncio


async def spin():
    while True:
        pass


asyncio.run(spin())
`,
  );
  await runButton(page).click();
  await expect(status(page)).toHaveText(/^Stopped after 2,000,000 steps, the step limit/, {
    timeout: 90_000,
  });
  await expect(runButton(page)).toBeEnabled();
  await page.screenshot({ path: `${SCREENS}/03-step-limit.png` });
  await nextRunWorks(page);
});

test('a program stuck inside one C call is stopped by the watchdog', async ({ page }) => {
  // A 3-second watchdog keeps the test short; the real one waits 10 seconds.
  await page.goto('/?watchdog=3000');
  await waitForPython(page);
  await setProgram(
    page,
    `import asyncio


async def main():
    print("adding up a trillion numbers")
    print(sum(range(10**12)))


asyncio.run(main())
`,
  );
  await runButton(page).click();
  await expect(status(page)).toHaveText(/stopped answering for 3 seconds/, { timeout: 30_000 });
  await page.screenshot({ path: `${SCREENS}/04-watchdog.png` });
  await nextRunWorks(page);
});

test('Stop ends a program that would run for a long time', async ({ page }) => {
  await page.goto('/');
  await waitForPython(page);
  await setProgram(
    page,
    `# lab: max-steps=1000000000
import asyncio


async def ticker(n):
    while True:
        n += 1
        await asyncio.sleep(0)


asyncio.run(ticker(0))
`,
  );
  await runButton(page).click();
  // Let some events stream in first: what the program did so far is kept.
  await expect(status(page)).toHaveText(/^Running… [1-9][\d,]* steps$/);
  // A long run shows its progress against the step limit.
  await expect(page.getByRole('progressbar', { name: 'Run progress' })).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/05-running-progress.png` });
  await stopButton(page).click();
  await expect(status(page)).toHaveText(/^You stopped the program after [1-9][\d,]* steps\.$/);
  // What it did before the stop is kept, and replays like any run.
  await page.getByRole('button', { name: 'Next handoff', exact: true }).click();
  await expect(page.getByRole('listitem', { name: 'Task-1, running' })).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/05-stopped.png` });
  await nextRunWorks(page);
});
