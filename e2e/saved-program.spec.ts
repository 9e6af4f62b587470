import { expect, test } from '@playwright/test';
import {
  button,
  consolePanel,
  programText,
  SCREENS,
  setProgram,
  status,
  waitForPython,
} from './helpers.ts';

const EDITED = `import asyncio


async def greet():
    print("edited and kept")


asyncio.run(greet())
`;

test('an edited program survives a reload, and Reset brings back the original', async ({
  page,
}) => {
  await page.goto('/');
  await waitForPython(page);
  await expect(button(page, 'Reset')).toBeDisabled();
  await setProgram(page, EDITED);
  await expect.poll(() => programText(page)).toBe(EDITED);
  // The address follows the editor: it names the program.
  await expect.poll(() => page.url()).toContain('#/playground?code=');

  await page.reload();
  await expect(page.getByRole('region', { name: 'main.py' })).toContainText('edited and kept');
  expect(await programText(page)).toBe(EDITED);
  await page.screenshot({ path: `${SCREENS}/06-after-reload.png` });

  // The address names the program, so the reload opens (and runs) it.
  await expect(status(page)).toHaveText(/^Completed in [\d,]+ steps \(0–[\d,]+\)$/, {
    timeout: 90_000,
  });
  await button(page, 'Last step').click();
  await expect(consolePanel(page)).toContainText('edited and kept');

  await button(page, 'Reset').click();
  await expect(page.getByRole('region', { name: 'main.py' })).toContainText('async def brew');
  await expect.poll(() => programText(page)).toContain('async def brew');
});

test('an edit survives a reload that comes before the address caught up', async ({ page }) => {
  await page.goto('/');
  await waitForPython(page);
  await button(page, 'Run').click();
  await expect(status(page)).toHaveText(/^Completed in [\d,]+ steps \(0–[\d,]+\)$/);
  await expect.poll(() => page.url()).toContain('&step=0');
  // Edit, and reload at once: the address still names the program that ran.
  await setProgram(page, EDITED);
  await expect.poll(() => programText(page)).toBe(EDITED);
  await page.reload();
  await expect(page.getByRole('region', { name: 'main.py' })).toContainText('edited and kept');
  expect(await programText(page)).toBe(EDITED);
  await expect(status(page)).toHaveText(/^Completed in [\d,]+ steps \(0–[\d,]+\)$/, {
    timeout: 90_000,
  });
  await button(page, 'Last step').click();
  await expect(consolePanel(page)).toContainText('edited and kept');
});
