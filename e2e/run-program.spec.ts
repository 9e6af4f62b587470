import { expect, test } from '@playwright/test';
import { DEFAULT } from './default-program.ts';
import {
  button,
  consolePanel,
  control,
  expectStep,
  narration,
  runButton,
  SCREENS,
  setProgram,
  status,
  taskCard,
  waitForPython,
} from './helpers.ts';

test('the built app runs the default program in Python loaded from its own origin', async ({
  page,
  context,
}) => {
  const requests: string[] = [];
  const foreign: string[] = [];
  // The context sees the requests of the page and of its workers alike.
  context.on('request', (request) => {
    const url = new URL(request.url());
    requests.push(url.pathname);
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    if (url.hostname !== '127.0.0.1') foreign.push(request.url());
  });
  const policyViolations: string[] = [];
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) policyViolations.push(message.text());
  });

  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Event Loop Lab' })).toBeVisible();
  // The program is on screen at once, in a textbox named Program (the plain one, then Monaco's).
  await expect(page.getByRole('textbox', { name: 'Program' })).toBeAttached();
  await expect(page.getByRole('region', { name: 'main.py' })).toContainText('import asyncio');
  // Before Python has loaded, the picture is already whole: the run recorded at build time.
  await expect(page.getByText('A recorded run', { exact: false })).toBeVisible();
  await expect(narration(page)).toContainText('The top-level code starts running.');
  await expectStep(page, 0);
  await expect(consolePanel(page)).toContainText('0 of 8 lines printed');
  await page.screenshot({ path: `${SCREENS}/01-loading.png` });

  await waitForPython(page);
  await runButton(page).click();
  await expect(status(page)).toHaveText(
    `Completed in ${DEFAULT.steps} steps (0–${DEFAULT.steps - 1})`,
  );
  await expect(page.getByText('A recorded run', { exact: false })).toBeHidden();

  // The replay opens at the first step: nothing printed yet, everything still to come (greyed).
  await expectStep(page, 0);
  const console_ = consolePanel(page);
  await expect(console_).toContainText('0 of 8 lines printed');
  for (const line of DEFAULT.output) {
    await expect(console_.getByRole('button', { name: `Not printed yet: ${line}` })).toBeVisible();
  }
  // Before asyncio.run starts the loop, the top-level code holds control, not the loop.
  await expect(control(page)).toHaveText('Control: the top-level code');
  await page.screenshot({ path: `${SCREENS}/02-default-program-step-0.png` });

  // At the end: everything printed, every task finished.
  await button(page, 'Last step').click();
  await expectStep(page, DEFAULT.last);
  await expect(console_).toContainText('8 of 8 lines printed');
  for (const line of DEFAULT.output) {
    await expect(console_.getByRole('button', { name: line, exact: true })).toBeVisible();
  }
  await expect(taskCard(page, 'tea, done')).toBeAttached();
  await expect(taskCard(page, 'toast, done')).toBeAttached();
  await page.screenshot({ path: `${SCREENS}/02-default-program-completed.png` });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: `${SCREENS}/02-default-program-completed-dark.png` });

  // Python itself came from this origin, fetched by the worker.
  expect(requests).toContain('/pyodide/pyodide.asm.wasm');
  expect(requests).toContain('/pyodide/python_stdlib.zip');
  expect(foreign).toEqual([]);
  expect(policyViolations).toEqual([]);
});

test('Ctrl+Enter runs the program too', async ({ page }) => {
  await page.goto('/');
  await waitForPython(page);
  await page.getByRole('textbox', { name: 'Program' }).focus();
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(status(page)).toHaveText(/^Completed in [\d,]+ steps \(0–[\d,]+\)$/);
  await expect(consolePanel(page)).toContainText('start tea');
});

test('a first visit is pointed at lesson 1, until it dismisses the pointer', async ({ page }) => {
  await page.goto('/');
  const player = page.getByRole('region', { name: 'Player' });
  await expect(player.getByRole('link', { name: 'Start here: lesson 1' })).toHaveAttribute(
    'href',
    '#/lessons/waiting-is-wasted/1',
  );
  await player.getByRole('button', { name: 'Dismiss' }).click();
  await expect(player.getByRole('link', { name: 'Start here: lesson 1' })).toBeHidden();
  await page.reload();
  await expect(narration(page)).toContainText('The top-level code starts running.');
  await expect(player.getByRole('link', { name: 'Start here: lesson 1' })).toBeHidden();
});

test('an edit drops the recorded run: the picture waits for a run of the new program', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByText('A recorded run', { exact: false })).toBeVisible();
  await setProgram(page, 'print("mine")\n');
  await expect(page.getByText('A recorded run', { exact: false })).toBeHidden();
  await expect(narration(page)).toContainText('Run the program');
  await expect(consolePanel(page)).toContainText('Run the program to see what it prints.');
});
