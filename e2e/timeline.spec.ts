import { expect, test } from '@playwright/test';
import { DEFAULT } from './default-program.ts';
import {
  BLOCKING,
  control,
  expectStep,
  runToCompletion,
  SCREENS,
  setProgram,
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

const STALL = 'Task-3 (worker) held the loop for 2.0 s at line 13; nothing else could run.';

test('a stall is drawn on the lane of the task that held the loop, and the legend says what each mark means', async ({
  page,
}) => {
  // Tall enough that the timeline shows every lane of the program without scrolling.
  await page.setViewportSize({ width: 1280, height: 1000 });
  await page.goto('/');
  await waitForPython(page);
  await setProgram(page, BLOCKING);
  await runToCompletion(page);
  const timeline = page.getByRole('region', { name: 'Timeline' });

  // Screen readers get the stall in the lane list, in the coach's words.
  await expect(timeline.getByRole('list', { name: 'Lanes' })).toContainText(
    `Stalled the loop: ${STALL}`,
  );

  // Hovering the worker's lane during the stall says the same.
  await timeline.getByRole('radio', { name: 'X axis: time' }).check();
  const plot = timeline.getByRole('slider', { name: 'Timeline position' });
  const box = await plot.boundingBox();
  if (!box) throw new Error('the timeline has no box');
  // The worker's lane is level with its label (the lanes are compact or roomy as room allows).
  const label = await timeline
    .getByRole('list', { name: 'Lanes' })
    .getByRole('listitem')
    .filter({ hasText: 'Stalled the loop' })
    .boundingBox();
  if (!label) throw new Error("the worker's lane has no label");
  await page.mouse.move(box.x + box.width * 0.4, label.y + label.height / 2);
  // (The status bar says the same sentence: look in the timeline only.)
  await expect(timeline.getByText(STALL, { exact: true })).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/13-timeline-stall.png` });

  // The legend: a disclosure button and a named list, closed at first.
  const legendButton = timeline.getByRole('button', { name: 'Legend' });
  await expect(legendButton).toHaveAttribute('aria-expanded', 'false');
  await expect(timeline.getByRole('list', { name: 'Timeline legend' })).toBeHidden();
  await legendButton.click();
  await expect(legendButton).toHaveAttribute('aria-expanded', 'true');
  const legend = timeline.getByRole('list', { name: 'Timeline legend' });
  await expect(legend).toBeVisible();
  for (const mark of ['running:', 'waiting or ready:', 'await:', 'stall:', 'idle', 'blocked:']) {
    await expect(legend.getByRole('listitem').filter({ hasText: mark })).toHaveCount(1);
  }
  await page.screenshot({ path: `${SCREENS}/13-timeline-stall-legend.png` });

  // Escape closes it, and focus stays on the button.
  await legendButton.press('Escape');
  await expect(legend).toBeHidden();
  await expect(legendButton).toHaveAttribute('aria-expanded', 'false');

  // On a small screen the pane is short: the list scrolls over the lanes instead of pushing them out.
  await page.setViewportSize({ width: 1024, height: 768 });
  await timeline.getByRole('button', { name: 'Legend' }).click();
  await expect(timeline.getByRole('list', { name: 'Timeline legend' })).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/13-timeline-stall-legend-1024.png` });
});
