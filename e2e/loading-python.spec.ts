/**
 * The first minute, with Python held back: the page gets Pyodide's WebAssembly only when the test
 * lets it through, so "before Python is ready" is a state the test is sure to be in, not a race
 * with a fast machine. One message for one state: a run that waits for Python says so.
 */
import { type BrowserContext, expect, test } from '@playwright/test';
import { DEFAULT } from './default-program.ts';
import {
  consolePanel,
  expectStep,
  narration,
  runButton,
  SCREENS,
  sentence,
  setProgram,
  status,
  stepCounter,
} from './helpers.ts';

/** Holds every request for Pyodide's WebAssembly (the worker's too) until `release` is called. */
async function holdPython(context: BrowserContext): Promise<() => void> {
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await context.route('**/pyodide/pyodide.asm.wasm', async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

const COMPLETED = /^Completed in [\d,]+ steps \(0–[\d,]+\)$/;

test('before Python is ready the recorded run is whole, and Run waits for Python, saying so', async ({
  page,
  context,
}) => {
  const release = await holdPython(context);
  await page.goto('/');
  // The first paint: the default program's run, recorded when the site was built.
  await expect(status(page)).toHaveText('Loading Python…');
  await expect(page.getByText('A recorded run', { exact: false })).toBeVisible();
  await expect(narration(page)).toContainText('The top-level code starts running.');
  await expectStep(page, 0);
  await expect(stepCounter(page)).toHaveText(`Step 0 of ${DEFAULT.last}`);
  await expect(consolePanel(page)).toContainText('0 of 8 lines printed');

  await runButton(page).click();
  await expect(
    page.getByText('Yours runs as soon as Python is ready, and replaces it.'),
  ).toBeVisible();
  await expect(status(page)).toHaveText('Loading Python…');
  await page.screenshot({ path: `${SCREENS}/loading-python-run-waits.png` });

  release();
  await expect(status(page)).toHaveText(COMPLETED, { timeout: 90_000 });
  await expect(page.getByText('A recorded run', { exact: false })).toBeHidden();
});

test('a run of an edited program, asked for while Python loads, is not said to be traced yet', async ({
  page,
  context,
}) => {
  const release = await holdPython(context);
  await page.goto('/');
  await expect(status(page)).toHaveText('Loading Python…');
  await setProgram(page, 'print("mine")\n');
  await expect(sentence(page)).toHaveText(
    'Run the program, then step through it with the arrow keys.',
  );
  await runButton(page).click();
  await expect(sentence(page)).toHaveText(
    'Loading Python… (a first visit takes about 10 s). Your program runs as soon as it is ready.',
  );
  await expect(status(page)).toHaveText('Loading Python…');
  await expect(consolePanel(page)).toContainText(
    'What the program prints appears here as it runs.',
  );
  await page.screenshot({ path: `${SCREENS}/loading-python-edited-run-waits.png` });

  release();
  await expect(status(page)).toHaveText(COMPLETED, { timeout: 90_000 });
  await expect(consolePanel(page)).toContainText('mine');
});
