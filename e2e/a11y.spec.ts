/**
 * An accessibility scan (axe-core) of the pages a learner meets first: the playground with its
 * recorded run, the lesson list, a lesson step and an exercise step. No serious or critical
 * finding is allowed, nor content outside every landmark (axe's moderate "region"); the rest are
 * printed, to be looked at.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { narration } from './helpers.ts';

async function seriousFindings(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    // Monaco's own widgets (hidden textareas, its scrollbars) are outside this app's say.
    .exclude('.monaco-editor')
    .analyze();
  const lines: string[] = [];
  for (const v of results.violations) {
    const where = v.nodes.map((n) => n.target.join(' ')).slice(0, 3);
    const line = `${v.impact}: ${v.id} (${v.help}) at ${where.join(', ')}`;
    // "region" (content outside every landmark) is only moderate to axe, but a screen reader
    // that moves by landmarks never reaches such content: it fails the scan too.
    if (v.impact === 'serious' || v.impact === 'critical' || v.id === 'region') lines.push(line);
    else console.log(`axe, ${line}`);
  }
  return lines;
}

/**
 * Two windows: a laptop's, where a lesson's prose sits in the bottom row, and a wide one, where
 * the lesson sits beside the playground with a splitter between them and the timeline shows more
 * lanes (a fourth task's chip is only on screen there).
 */
const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const;

for (const size of SIZES) {
  const at = `at ${size.width}×${size.height}`;
  test.describe(at, () => {
    test.use({ viewport: size });

    test(`the playground, with its recorded run, has no serious accessibility finding ${at}`, async ({
      page,
    }) => {
      await page.goto('/');
      await expect(narration(page)).toContainText('The top-level code starts running.');
      await expect(page.getByTestId('monaco-host')).toBeVisible();
      expect(await seriousFindings(page)).toEqual([]);
    });

    test(`the lesson list has no serious accessibility finding ${at}`, async ({ page }) => {
      await page.goto('/#/lessons');
      await expect(page.getByRole('heading', { name: 'Waiting is wasted' })).toBeVisible();
      expect(await seriousFindings(page)).toEqual([]);
    });

    test(`a lesson step and an exercise step have no serious accessibility finding ${at}`, async ({
      page,
    }) => {
      await page.goto('/#/lessons/waiting-is-wasted/1');
      await expect(
        page.getByRole('heading', { name: 'Three downloads, one after another' }),
      ).toBeVisible();
      await expect(page.getByTestId('monaco-host')).toBeVisible();
      expect(await seriousFindings(page)).toEqual([]);

      await page.goto('/#/lessons/queues/5');
      await expect(page.getByRole('heading', { name: 'Exercise: a pool of four' })).toBeVisible();
      expect(await seriousFindings(page)).toEqual([]);
    });
  });
}
