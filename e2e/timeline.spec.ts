import { expect, test } from '@playwright/test';
import { DEFAULT } from './default-program.ts';
import {
  control,
  expectStep,
  runToCompletion,
  SCREENS,
  stepCounter,
  waitForPython,
} from './helpers.ts';

async function shownStep(page: import('@playwright/test').Page): Promise<number> {
  const text = (await stepCounter(page).textContent()) ?? '';
  return Number(/Step ([\d,]+)/.exec(text)?.[1]?.replace(/,/g, '') ?? Number.NaN);
}

test('scrub the timeline: click and drag move the replay', async ({ page }) => {
  await page.goto('/');
  await waitForPython(page);
  await runToCompletion(page);
  const plot = page.getByRole('slider', { name: 'Timeline position' });
  await expect(plot).toBeVisible();
  const box = await plot.boundingBox();
  if (!box) throw new Error('the timeline has no box');

  // A click halfway along lands near the middle of the run.
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  const middle = await shownStep(page);
  expect(middle).toBeGreaterThan(DEFAULT.last * 0.3);
  expect(middle).toBeLessThan(DEFAULT.last * 0.7);
  await expect(plot).toHaveAttribute('aria-valuenow', String(middle));

  // Dragging towards the end moves the cursor with it.
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.75, box.y + box.height / 2, { steps: 8 });
  await page.mouse.move(box.x + box.width - 2, box.y + box.height / 2, { steps: 8 });
  await page.mouse.up();
  expect(await shownStep(page)).toBeGreaterThan(DEFAULT.last * 0.9);
  await page.screenshot({ path: `${SCREENS}/12-timeline-scrubbed.png` });

  // Back to the start: the top-level code or the loop holds control before main runs.
  await page.mouse.click(box.x + 2, box.y + box.height / 2);
  expect(await shownStep(page)).toBeLessThan(DEFAULT.last * 0.1);
  await expect(control(page)).toHaveText(/^Control: (the top-level code|event loop)$/);

  // The timeline's keys move the same cursor as every other control.
  await plot.focus();
  await page.keyboard.press('End');
  await expectStep(page, DEFAULT.last);
});
