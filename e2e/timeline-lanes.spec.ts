/**
 * A first visit at a projector's size: the playground opens on the default program's recorded
 * run, and its timeline shows every lane (the event loop's, Task-1's, tea's, coffee's and
 * toast's) at once, with no scrolling, at 1280×720 and 1024×768 (compact lanes) and at
 * 1920×1080. Clicking a compact lane still picks that lane.
 */
import { expect, type Page, test } from '@playwright/test';

const SHOTS = 'test-results/screens';
const LANES = ['event loop', 'Task-1', 'tea', 'coffee', 'toast'];

const timeline = (page: Page) => page.getByRole('region', { name: 'Timeline' });
const laneLabels = (page: Page) =>
  timeline(page).getByRole('list', { name: 'Lanes' }).getByRole('listitem');

for (const size of [
  { width: 1280, height: 720 },
  { width: 1024, height: 768 },
  { width: 1920, height: 1080 },
]) {
  test(`at ${size.width}×${size.height} the timeline shows every lane of the default program without scrolling`, async ({
    page,
  }) => {
    await page.setViewportSize(size);
    await page.goto('/');
    await expect(laneLabels(page)).toHaveCount(LANES.length);
    for (const [i, name] of LANES.entries())
      await expect(laneLabels(page).nth(i)).toContainText(name);

    // Nothing to scroll: the lanes' box holds them all...
    const overflow = await laneLabels(page)
      .first()
      .evaluate((li) => {
        let box: HTMLElement | null = li.parentElement;
        while (box && getComputedStyle(box).overflowY !== 'auto') box = box.parentElement;
        return box ? box.scrollHeight - box.clientHeight : -1;
      });
    expect(overflow).toBe(0);
    // ...and each lane's label lies within the plot beside it, in the viewport.
    const plot = await timeline(page)
      .getByRole('slider', { name: 'Timeline position' })
      .boundingBox();
    if (!plot) throw new Error('the timeline has no plot');
    for (const [i, name] of LANES.entries()) {
      const label = await laneLabels(page).nth(i).boundingBox();
      if (!label) throw new Error(`no label for ${name}`);
      expect(label.y, `${name}'s lane starts inside the plot`).toBeGreaterThanOrEqual(plot.y - 1);
      expect(label.y + label.height, `${name}'s lane ends inside the plot`).toBeLessThanOrEqual(
        Math.min(plot.y + plot.height, size.height) + 1,
      );
    }
    await page.screenshot({ path: `${SHOTS}/timeline-lanes-${size.width}x${size.height}.png` });

    // Hovering the last lane names that lane's task (the rows and the labels line up).
    const toast = await laneLabels(page).nth(4).boundingBox();
    if (!toast) throw new Error('no label for toast');
    await page.mouse.move(plot.x + plot.width * 0.6, toast.y + toast.height / 2);
    await expect(page.locator('.timeline__tooltip')).toContainText('toast');
  });
}
