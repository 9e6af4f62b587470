/**
 * The lesson pane as a learner and an instructor see it on a laptop or a projector: it says
 * where you are in the lesson once, and its Previous / Next buttons sit clear of its edges at
 * 1280×720, 1024×768 and at 150 % browser zoom (emulated: the page gets 1/1.5 of the CSS pixels
 * at 1.5 device pixels each, as the browser's zoom does).
 */
import { expect, type Page, test } from '@playwright/test';
import { button } from './helpers.ts';

const SHOTS = 'test-results/screens';

/** The lesson pane: the region that has the lesson's own Previous step button. */
const lessonPane = (page: Page) =>
  page.getByRole('region', { name: /./ }).filter({
    has: page.getByRole('button', { name: 'Previous step', exact: true }),
  });

test('a lesson step says where the learner is once, and the step links mark the current step', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/#/lessons/queues/2');
  const pane = lessonPane(page);
  await expect(pane.getByRole('heading', { level: 3 })).toHaveText('A pool of four workers');

  // One statement in words, read by everyone (screen readers included)...
  await expect(pane.getByText('Lesson step 2 of 5', { exact: true })).toBeVisible();
  // ...and no second or third way of saying the same thing ("2 / 5", "step 2 of 5" again), hidden
  // from screen readers or not (textContent: all the text, each element's run back to back).
  const text = (await pane.textContent()) ?? '';
  expect(text.match(/(?<!\d)2\s*(of|\/)\s*5(?!\d)/gi) ?? []).toHaveLength(1);

  // The dots stay as navigation: a link per step, the current one marked as such.
  const steps = pane.getByRole('navigation', { name: 'Steps of this lesson' });
  await expect(steps.getByRole('link')).toHaveCount(5);
  await expect(steps.locator('[aria-current="step"]')).toHaveAccessibleName(
    'Step 2: A pool of four workers',
  );
});

/** How far the Previous / Next buttons sit from the pane's left / right edges, in CSS pixels. */
async function footMargins(page: Page) {
  const pane = await lessonPane(page).boundingBox();
  const prev = await button(page, 'Previous step').boundingBox();
  const next = await button(page, 'Next step').boundingBox();
  if (!pane || !prev || !next) throw new Error('lesson pane or its buttons not laid out');
  return {
    left: prev.x - pane.x,
    right: pane.x + pane.width - (next.x + next.width),
    between: next.x - (prev.x + prev.width),
    sameLine: Math.abs(prev.y - next.y) < 2,
  };
}

const SIZES = [
  { name: '1280x720', width: 1280, height: 720, zoom: 1 },
  { name: '1024x768', width: 1024, height: 768, zoom: 1 },
  { name: '1280x720-zoom150', width: 1280, height: 720, zoom: 1.5 },
  { name: '1024x768-zoom150', width: 1024, height: 768, zoom: 1.5 },
];

for (const size of SIZES) {
  test.describe(`at ${size.name}`, () => {
    test.use({
      viewport: {
        width: Math.round(size.width / size.zoom),
        height: Math.round(size.height / size.zoom),
      },
      deviceScaleFactor: size.zoom,
    });

    test('Previous step and Next step keep clear of the lesson pane’s edges', async ({ page }) => {
      await page.goto('/#/lessons/queues/1');
      await expect(button(page, 'Next step')).toBeVisible();
      await button(page, 'Next step').scrollIntoViewIfNeeded();
      const m = await footMargins(page);
      expect(m.left).toBeGreaterThanOrEqual(8);
      expect(m.right).toBeGreaterThanOrEqual(8);
      if (m.sameLine) expect(m.between).toBeGreaterThanOrEqual(8);
      await page.screenshot({ path: `${SHOTS}/lesson-pane-foot-${size.name}.png` });
    });
  });
}
