import { expect, test } from '@playwright/test';
import { DEFAULT } from './default-program.ts';
import {
  button,
  consolePanel,
  control,
  encodeProgram,
  expectStep,
  programText,
  runToCompletion,
  SCREENS,
  status,
  stepSlider,
  taskCard,
  waitForPython,
} from './helpers.ts';

const PROGRAM = `import asyncio


async def ping(n):
    for i in range(n):
        print("ping", i)
        await asyncio.sleep(0.5)


async def main():
    await asyncio.gather(ping(2), ping(3))


asyncio.run(main())
`;

test('a share link opens its program at its step, traced like a normal run', async ({ page }) => {
  await page.goto(`/#/playground?code=${encodeProgram(PROGRAM)}&step=40`);
  await expect(status(page)).toHaveText(/^Completed in [\d,]+ steps \(0–[\d,]+\)$/, {
    timeout: 90_000,
  });
  await expectStep(page, 40);
  await expect(page.getByRole('region', { name: 'main.py' })).toContainText('async def ping(n):');
  await expect.poll(() => programText(page)).toBe(PROGRAM);
  await expect(consolePanel(page)).toContainText('ping 0');
  await page.screenshot({ path: `${SCREENS}/15-share-link-opened.png` });

  // The address follows the replay: stepping updates it (without adding history entries).
  await button(page, 'Step forward').click();
  await expect.poll(() => new URL(page.url()).hash).toMatch(/&step=41$/);
  // Reset goes back to the program the link opened.
  await page.getByRole('textbox', { name: 'Program' }).focus();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('# edited');
  await expect(page.getByText('The program has changed since this run')).toBeVisible();
  await button(page, 'Reset').click();
  await expect.poll(() => programText(page)).toBe(PROGRAM);
});

test('Share copies a link that opens the same program at the same step', async ({
  page,
  context,
}) => {
  await page.goto('/');
  await waitForPython(page);
  await runToCompletion(page);
  await stepSlider(page).fill(String(DEFAULT.toastReady));
  await button(page, 'Share').click();
  await expect(page.getByRole('status', { name: 'Share' })).toHaveText('Link copied');
  const link = await page.evaluate(() =>
    (
      globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }
    ).navigator.clipboard.readText(),
  );
  expect(link).toMatch(/\/#\/playground\?code=[A-Za-z0-9_-]+&step=61$/);

  // Someone else opens it in a fresh tab (the link alone carries the program).
  const other = await context.newPage();
  await other.goto(link);
  await expect(status(other)).toHaveText(
    `Completed in ${DEFAULT.steps} steps (0–${DEFAULT.steps - 1})`,
    {
      timeout: 90_000,
    },
  );
  await expectStep(other, DEFAULT.toastReady);
  await expect(taskCard(other, 'toast, running')).toBeVisible();
  await expect(control(other)).toHaveText('Control: toast');
  await other.close();
});

test('a damaged link opens the playground instead of failing', async ({ page }) => {
  await page.goto('/#/playground?code=%%%not-base64&step=x');
  await waitForPython(page);
  await expect(page.getByRole('region', { name: 'main.py' })).toContainText('async def brew');
  await expect(button(page, 'Run')).toBeEnabled();
});

test('a lesson link opens its step; the playground link goes back to the playground', async ({
  page,
}) => {
  await page.goto('/#/lessons/waiting-is-wasted/3');
  await expect(page.getByRole('heading', { level: 3, name: 'Reading the timeline' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Step 3: Reading the timeline' })).toHaveAttribute(
    'aria-current',
    'step',
  );
  await page.getByRole('link', { name: 'Playground', exact: true }).click();
  await expect(page.getByRole('region', { name: 'main.py' })).toContainText('async def brew');
});
