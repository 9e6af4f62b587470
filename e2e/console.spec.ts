import { expect, test } from '@playwright/test';
import { DEFAULT } from './default-program.ts';
import {
  consolePanel,
  control,
  expectStep,
  runToCompletion,
  SCREENS,
  setProgram,
  status,
  taskCard,
  waitForPython,
} from './helpers.ts';

test('clicking a console line jumps to the step that printed it', async ({ page }) => {
  await page.goto('/');
  await waitForPython(page);
  await runToCompletion(page);
  const console_ = consolePanel(page);

  // Later output is shown greyed; clicking it goes to the moment it is printed.
  await console_.getByRole('button', { name: 'Not printed yet: toast ready' }).click();
  await expectStep(page, DEFAULT.toastReady);
  await expect(control(page)).toHaveText('Control: toast');
  await expect(taskCard(page, 'toast, running')).toBeVisible();
  await expect(console_).toContainText('5 of 8 lines printed');
  const printed = console_.getByRole('button', { name: 'toast ready', exact: true });
  await expect(printed).toBeVisible();
  await expect(printed).toHaveAttribute('title', /^Printed by toast at step 61\./);
  await page.screenshot({ path: `${SCREENS}/13-console-line-clicked.png` });

  // And back to an earlier line.
  await console_.getByRole('button', { name: 'start coffee', exact: true }).click();
  await expect(control(page)).toHaveText('Control: coffee');
});

test('a traceback is readable, on stderr, with the line that raised', async ({ page }) => {
  await page.goto('/');
  await waitForPython(page);
  await setProgram(
    page,
    `import asyncio


async def boom():
    await asyncio.sleep(1)
    raise ValueError("boom")


async def main():
    print("start")
    await boom()


asyncio.run(main())
`,
  );
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(status(page)).toHaveText('The program raised ValueError: boom on line 6.');
  await page.getByRole('button', { name: 'Last step', exact: true }).click();
  const console_ = consolePanel(page);
  await expect(console_.getByRole('button', { name: 'start', exact: true })).toBeVisible();
  const exception = console_.getByRole('button', { name: 'ValueError: boom', exact: true });
  await expect(exception).toBeVisible();
  await expect(exception).toHaveAttribute('title', /^Written to stderr/);
  await expect(
    console_.getByRole('button', { name: 'File "main.py", line 6, in boom' }),
  ).toBeVisible();
  // stderr looks different from stdout.
  const colour = (name: string) =>
    console_
      .getByRole('button', { name, exact: true })
      .locator('.console__seg')
      .first()
      .evaluate((el) => getComputedStyle(el).color);
  expect(await colour('ValueError: boom')).not.toBe(await colour('start'));
  await page.screenshot({ path: `${SCREENS}/14-traceback.png` });
});
