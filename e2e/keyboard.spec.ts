import { expect, test } from '@playwright/test';
import { DEFAULT } from './default-program.ts';
import {
  button,
  control,
  expectStep,
  focusPage,
  press,
  SCREENS,
  status,
  stepSlider,
  waitForPython,
} from './helpers.ts';

test('keyboard only: run, step, jump handoffs, play and pause', async ({ page }) => {
  await page.goto('/');
  await waitForPython(page);

  // The first Tab stop skips the editor (which keeps Tab for indenting) to the replay controls;
  // the next ones are Run and Stop.
  await page.keyboard.press('Tab');
  await expect(button(page, 'Skip to the replay controls')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(button(page, 'Run')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(status(page)).toHaveText(
    `Completed in ${DEFAULT.steps} steps (0–${DEFAULT.steps - 1})`,
  );
  // Replaying is what comes next: focus moves from Run to Play (Space must not run again).
  await expect(button(page, 'Play')).toBeFocused();

  // The arrows step, with Shift they jump from handoff to handoff; Home and End go to the ends.
  await press(page, 'ArrowRight', 3);
  await expectStep(page, 3);
  await page.keyboard.press('ArrowLeft');
  await expectStep(page, 2);
  await page.keyboard.press('Shift+ArrowRight');
  await expectStep(page, 9);
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await expectStep(page, 28);
  await expect(control(page)).toHaveText('Control: tea');
  await page.keyboard.press('Shift+ArrowLeft');
  await expectStep(page, 27);
  await page.keyboard.press('End');
  await expectStep(page, DEFAULT.last);
  await page.keyboard.press('Home');
  await expectStep(page, 0);

  // Focus is still on Play / Pause: Space presses it.
  await expect(button(page, 'Play')).toBeFocused();
  await page.keyboard.press('Space');
  await expect(button(page, 'Pause')).toBeFocused();
  await expect.poll(async () => Number(await stepSlider(page).inputValue())).toBeGreaterThan(1);
  await page.keyboard.press('Space');
  await expect(button(page, 'Play')).toBeFocused();
  const paused = Number(await stepSlider(page).inputValue());
  await page.keyboard.press('Tab');
  await expect(button(page, 'Step forward')).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expectStep(page, paused + 2);

  // Away from any control, Space plays and pauses too.
  await focusPage(page);
  await page.keyboard.press('Space');
  await expect(button(page, 'Pause')).toBeVisible();
  await page.keyboard.press('Space');
  await expect(button(page, 'Play')).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/16-keyboard-focus.png` });
});

test('the replay keys leave the editor alone; Ctrl+Enter runs from it', async ({ page }) => {
  await page.goto('/');
  await waitForPython(page);
  const editor = page.getByRole('textbox', { name: 'Program' });
  await editor.focus();
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(status(page)).toHaveText(
    `Completed in ${DEFAULT.steps} steps (0–${DEFAULT.steps - 1})`,
  );
  await expect(editor).toBeFocused();
  // In the editor, arrows move the caret and Space types a space: the replay stays put.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('End');
  await page.keyboard.press('Shift+ArrowLeft');
  await expectStep(page, 0);
  await expect(button(page, 'Play')).toBeVisible();
  // A form field keeps its keys too.
  const speed = page.getByRole('combobox', { name: 'Speed' });
  await speed.focus();
  await page.keyboard.press('ArrowRight');
  await expectStep(page, 0);
  // The step slider moves with the arrows as a slider does.
  await stepSlider(page).focus();
  await page.keyboard.press('ArrowRight');
  await expectStep(page, 1);
});
