/**
 * Keys never surprise (issue 10): after Run, Space plays instead of running again; Tab never
 * traps the keyboard in the editor; Tab presses that did indent undo with one Ctrl+Z.
 */
import { expect, test } from '@playwright/test';
import { DEFAULT } from './default-program.ts';
import { button, expectStep, programText, SCREENS, status, stepSlider } from './helpers.ts';

test('click Run, Shift+→ three times, Space: the replay plays (no second run)', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await page.goto('/');
  // A shared machine can take minutes to start Python.
  await expect(status(page)).toHaveText(/^Python 3\.14\.\d+ ready$/, { timeout: 240_000 });
  await button(page, 'Run').click();
  await expect(status(page)).toHaveText(
    `Completed in ${DEFAULT.steps} steps (0–${DEFAULT.steps - 1})`,
  );
  await expect(button(page, 'Play')).toBeFocused();
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowRight');
  await expectStep(page, DEFAULT.handoffs[2]);
  await page.keyboard.press('Space');
  await expect(button(page, 'Pause')).toBeVisible();
  await expect
    .poll(async () => Number(await stepSlider(page).inputValue()))
    .toBeGreaterThan(DEFAULT.handoffs[2]);
  await expect(status(page)).toHaveText(
    `Completed in ${DEFAULT.steps} steps (0–${DEFAULT.steps - 1})`,
  );
  // Space on another replay button (not only Play) pauses too.
  await button(page, 'Step forward').focus();
  await page.keyboard.press('Space');
  await expect(button(page, 'Play')).toBeVisible();
});

test('Tab leaves the editor: reached by Tab, or after Escape; indenting Tabs undo at once', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await page.goto('/');
  const editor = page.getByRole('textbox', { name: 'Program' });
  // Monaco has replaced the plain textarea once the editor shows its line numbers.
  await expect(page.locator('.monaco-editor .line-numbers').first()).toBeVisible({
    timeout: 60_000,
  });
  const before = await editor.evaluate(
    () => (document.querySelector('.monaco-editor .view-lines') as HTMLElement).textContent,
  );

  // Reached by Tab: the next Tab moves on, and the program is unchanged.
  await page.getByRole('button', { name: 'Reset' }).focus();
  let reached = false;
  for (let i = 0; i < 12 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await editor.evaluate((el) => el === document.activeElement);
  }
  expect(reached, 'Tab reaches the editor').toBe(true);
  await expect(page.getByText('Esc, then Tab: leave the editor')).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/keys-editor-hint.png` });
  for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
  await expect(editor).not.toBeFocused();
  const after = await page.evaluate(
    () => (document.querySelector('.monaco-editor .view-lines') as HTMLElement).textContent,
  );
  expect(after).toBe(before);

  // Clicked into: Tab indents (the learner edits); Escape then Tab leaves.
  await page.locator('.monaco-editor .view-line').first().click();
  await page.keyboard.press('Home');
  for (let i = 0; i < 5; i++) await page.keyboard.press('Tab');
  await expect.poll(() => programText(page)).toMatch(/^ {20}import asyncio/);
  // One Ctrl+Z takes the whole run of Tabs back.
  await page.keyboard.press('ControlOrMeta+KeyZ');
  await expect.poll(() => programText(page)).toMatch(/^import asyncio/);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  await expect(editor).not.toBeFocused();
  await expect.poll(() => programText(page)).toMatch(/^import asyncio/);
});
