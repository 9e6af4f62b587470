import { expect, test } from '@playwright/test';
import { output, runButton, SCREENS, status, waitForPython } from './helpers.ts';

test('the built app runs the default program in Python loaded from its own origin', async ({
  page,
  context,
}) => {
  const requests: string[] = [];
  const foreign: string[] = [];
  // The context sees the requests of the page and of its workers alike.
  context.on('request', (request) => {
    const url = new URL(request.url());
    requests.push(url.pathname);
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    if (url.hostname !== '127.0.0.1') foreign.push(request.url());
  });
  const policyViolations: string[] = [];
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) policyViolations.push(message.text());
  });

  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Event Loop Lab' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Program' })).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/01-loading.png` });

  await waitForPython(page);
  await runButton(page).click();
  await expect(status(page)).toHaveText(/^Completed in [\d,]+ steps$/);

  await expect(output(page)).toContainText('fast: step 0');
  await expect(output(page)).toContainText('slow: step 1');
  await expect(output(page)).toContainText("['fast done', 'slow done']");
  const events = page.getByRole('list', { name: 'Trace events' });
  await expect(events.getByRole('listitem').first()).toBeVisible();
  await expect(events).toContainText('Task-2');
  await page.screenshot({ path: `${SCREENS}/02-default-program-completed.png` });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: `${SCREENS}/02-default-program-completed-dark.png` });

  // Python itself came from this origin, fetched by the worker.
  expect(requests).toContain('/pyodide/pyodide.asm.wasm');
  expect(requests).toContain('/pyodide/python_stdlib.zip');
  expect(foreign).toEqual([]);
  expect(policyViolations).toEqual([]);
});

test('Ctrl+Enter runs the program too', async ({ page }) => {
  await page.goto('/');
  await waitForPython(page);
  await page.getByRole('textbox', { name: 'Program' }).focus();
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(status(page)).toHaveText(/^Completed in [\d,]+ steps$/);
  await expect(output(page)).toContainText('fast: step 0');
});
