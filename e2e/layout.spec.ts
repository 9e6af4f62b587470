import { expect, type Page, test } from '@playwright/test';
import { DEFAULT } from './default-program.ts';
import {
  button,
  consolePanel,
  narration,
  runToCompletion,
  SCREENS,
  stepSlider,
  waitForPython,
} from './helpers.ts';

const CONTROLS = [
  'Run',
  'Stop',
  'Share',
  'First step',
  'Previous handoff',
  'Step back',
  'Play',
  'Step forward',
  'Next handoff',
  'Last step',
];

async function everythingInView(page: Page): Promise<void> {
  for (const name of CONTROLS) await expect(button(page, name)).toBeInViewport();
  await expect(stepSlider(page)).toBeInViewport();
  await expect(page.getByRole('textbox', { name: 'Program' })).toBeAttached();
  await expect(page.getByRole('region', { name: 'main.py' })).toBeInViewport();
  await expect(narration(page)).toBeInViewport();
  await expect(consolePanel(page)).toBeInViewport();
  await expect(page.getByRole('region', { name: 'Timeline' })).toBeInViewport();
  await expect(page.getByRole('region', { name: 'Simulator' })).toBeInViewport();
}

for (const [width, height, name] of [
  [1280, 720, 'laptop'],
  [1024, 768, 'narrow'],
  [1920, 1080, 'projector'],
] as const) {
  test(`every pane and control is on screen on a ${name} (${width}×${height})`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height });
    await page.goto('/');
    await waitForPython(page);
    await runToCompletion(page);
    await stepSlider(page).fill(String(DEFAULT.teaPrints + 21));
    await everythingInView(page);
    // Nothing scrolls the page itself: the panes scroll inside.
    const overflow = await page.evaluate(() => {
      const d = (
        globalThis as unknown as {
          document: {
            documentElement: {
              scrollHeight: number;
              clientHeight: number;
              scrollWidth: number;
              clientWidth: number;
            };
          };
        }
      ).document.documentElement;
      return { y: d.scrollHeight - d.clientHeight, x: d.scrollWidth - d.clientWidth };
    });
    expect(overflow).toEqual({ x: 0, y: 0 });
    await page.screenshot({ path: `${SCREENS}/20-layout-${name}-${width}x${height}.png` });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: `${SCREENS}/20-layout-${name}-${width}x${height}-dark.png` });
  });
}

test('nothing moves while stepping: the panes keep their place and size', async ({ page }) => {
  await page.goto('/');
  await waitForPython(page);
  await runToCompletion(page);
  const boxes = async () =>
    Promise.all(
      [
        page.getByRole('region', { name: 'main.py' }),
        page.getByRole('region', { name: 'Simulator' }),
        consolePanel(page),
        narration(page),
        page.getByRole('region', { name: 'Timeline' }),
        stepSlider(page),
      ].map((l) => l.boundingBox()),
    );
  const before = await boxes();
  for (let i = 0; i < 40; i++) await button(page, 'Step forward').click();
  await button(page, 'Next handoff').click();
  expect(await boxes()).toEqual(before);
});
