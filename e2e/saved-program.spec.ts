import { expect, test } from '@playwright/test';
import {
  output,
  programText,
  runButton,
  SCREENS,
  setProgram,
  status,
  waitForPython,
} from './helpers.ts';

test('an edited program survives a reload', async ({ page }) => {
  await page.goto('/');
  const edited = `import asyncio


async def greet():
    print("edited and kept")


asyncio.run(greet())
`;
  await setProgram(page, edited);
  await expect.poll(() => programText(page)).toBe(edited);

  await page.reload();
  await expect(page.getByRole('region', { name: 'main.py' })).toContainText('edited and kept');
  expect(await programText(page)).toBe(edited);
  await page.screenshot({ path: `${SCREENS}/06-after-reload.png` });

  // What runs is the restored program.
  await waitForPython(page);
  await runButton(page).click();
  await expect(status(page)).toHaveText(/^Completed in [\d,]+ steps$/);
  await expect(output(page)).toContainText('edited and kept');
});
