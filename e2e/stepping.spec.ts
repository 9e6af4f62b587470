import { expect, test } from '@playwright/test';
import { DEFAULT } from './default-program.ts';
import {
  button,
  consolePanel,
  control,
  expectStep,
  highlightedLine,
  narration,
  runToCompletion,
  SCREENS,
  sentence,
  stepSlider,
  taskCard,
  waitForPython,
} from './helpers.ts';

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await waitForPython(page);
  await runToCompletion(page);
  await expectStep(page, 0);
});

test('step forward and back, and jump to the first and last step', async ({ page }) => {
  await expect(button(page, 'Step back')).toBeDisabled();
  await expect(button(page, 'First step')).toBeDisabled();
  for (let i = 0; i < 3; i++) await button(page, 'Step forward').click();
  await expectStep(page, 3);
  await expect(narration(page)).toContainText('The program runs line 4: async def brew');
  await button(page, 'Step back').click();
  await expectStep(page, 2);
  await expect(narration(page)).toContainText('The program runs line 1: import asyncio');
  await button(page, 'Last step').click();
  await expectStep(page, DEFAULT.last);
  await expect(button(page, 'Step forward')).toBeDisabled();
  await expect(button(page, 'Next handoff')).toBeDisabled();
  await button(page, 'First step').click();
  await expectStep(page, 0);
});

test('jump from handoff to handoff', async ({ page }) => {
  for (const step of DEFAULT.handoffs.slice(0, 4)) {
    await button(page, 'Next handoff').click();
    await expectStep(page, step);
  }
  // 28: the loop hands control to tea; 36: tea gives it back, waiting for its sleep.
  await button(page, 'Previous handoff').click();
  await expectStep(page, 28);
  await expect(control(page)).toHaveText('Control: tea');
  await expect(sentence(page)).toHaveText(
    'The event loop hands control to tea, which starts running.',
  );
  await button(page, 'Next handoff').click();
  await expectStep(page, 36);
  await expect(control(page)).toHaveText('Control: event loop');
  await expect(taskCard(page, 'tea, waiting')).toBeAttached();
  await page.screenshot({ path: `${SCREENS}/10-handoff-tea-sleeps.png` });
});

test('at a known step the right task runs and the right line is highlighted', async ({ page }) => {
  await stepSlider(page).fill(String(DEFAULT.teaPrints));
  await expectStep(page, DEFAULT.teaPrints);
  await expect(taskCard(page, 'tea, running')).toBeVisible();
  await expect(taskCard(page, 'coffee, ready')).toBeAttached();
  await expect(control(page)).toHaveText('Control: tea');
  await expect(sentence(page)).toHaveText('tea prints "start tea".');
  await expect(
    consolePanel(page).getByRole('button', { name: 'start tea', exact: true }),
  ).toBeVisible();
  await expect.poll(() => highlightedLine(page)).toBe(DEFAULT.teaLine);
  await page.screenshot({ path: `${SCREENS}/11-tea-running-line-5.png` });

  // The moment toast wakes from its one-second sleep.
  await stepSlider(page).fill(String(DEFAULT.toastReady));
  await expect(taskCard(page, 'toast, running')).toBeVisible();
  await expect(control(page)).toHaveText('Control: toast');
  await expect(page.getByTitle("Virtual time: the event loop's clock")).toHaveText('Time 1.0 s');
  await expect.poll(() => highlightedLine(page)).toBe(7);
});

test('a task just created joins the ready queue at the next step, as the narration says', async ({
  page,
}) => {
  const queue = page.getByRole('list', { name: 'Ready queue' });
  await stepSlider(page).fill(String(DEFAULT.coffeeCreated));
  await expectStep(page, DEFAULT.coffeeCreated);
  await expect(sentence(page)).toHaveText(
    'Task-1 creates task coffee (brew). It is not in the ready queue yet: it joins it at the next step, to wait for its turn.',
  );
  await expect(queue.getByRole('listitem')).toHaveText([/tea starts$/]);
  await expect(taskCard(page, 'coffee, waiting')).toBeAttached();

  await button(page, 'Step forward').click();
  await expectStep(page, DEFAULT.coffeeCreated + 1);
  await expect(sentence(page)).toHaveText('coffee is ready: it joins the back of the ready queue.');
  await expect(queue.getByRole('listitem')).toHaveText([/tea starts$/, /coffee starts$/]);
  await expect(taskCard(page, 'coffee, ready')).toBeAttached();
});

test('play runs through the steps at the chosen speed, and pause stops it', async ({ page }) => {
  // 10 steps/s: at 50 the default program's 115 steps are played in two seconds, which a busy
  // machine's polling can miss, and then there is no Pause left to press.
  await page.getByRole('combobox', { name: 'Speed' }).selectOption({ label: '10 steps/s' });
  await button(page, 'Play').click();
  await expect(button(page, 'Pause')).toBeVisible();
  await expect
    .poll(async () => Number((await stepSlider(page).inputValue()) || 0))
    .toBeGreaterThan(10);
  await button(page, 'Pause').click();
  await expect(button(page, 'Play')).toBeVisible();
  const paused = Number(await stepSlider(page).inputValue());
  await page.waitForTimeout(300);
  expect(Number(await stepSlider(page).inputValue())).toBe(paused);

  // Handoff by handoff: every stop is a moment where control changes hands.
  await button(page, 'First step').click();
  await page.getByRole('combobox', { name: 'Speed' }).selectOption({ label: 'handoffs only' });
  await button(page, 'Play').click();
  await expect
    .poll(async () => Number(await stepSlider(page).inputValue()))
    .toBeGreaterThanOrEqual(9);
  await button(page, 'Pause').click();
  const at = Number(await stepSlider(page).inputValue());
  expect(DEFAULT.handoffs as readonly number[]).toContain(at);

  // Played to the end, it stops there by itself.
  await page.getByRole('combobox', { name: 'Speed' }).selectOption({ label: '50 steps/s' });
  await button(page, 'Play').click();
  await expectStep(page, DEFAULT.last);
  await expect(button(page, 'Play')).toBeVisible();
});
