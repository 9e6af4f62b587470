import { expect, type Page } from '@playwright/test';

/** Where the specs keep the screenshots they take at key moments (looked at by people). */
export const SCREENS = 'test-results/screens';

export const status = (page: Page) => page.getByRole('status');
export const output = (page: Page) => page.getByRole('region', { name: 'Output' });
export const runButton = (page: Page) => page.getByRole('button', { name: 'Run', exact: true });
export const stopButton = (page: Page) => page.getByRole('button', { name: 'Stop', exact: true });

/** Waits until Python has loaded in the worker (the first load can take a while in CI). */
export async function waitForPython(page: Page): Promise<void> {
  await expect(status(page)).toHaveText(/^Python 3\.14\.\d+ ready$/, { timeout: 90_000 });
}

/**
 * Replaces the program the way a person would: focus the editor, select all, type. Works on the
 * plain textarea and on Monaco alike (both are a textbox named "Program").
 */
export async function setProgram(page: Page, text: string): Promise<void> {
  const editor = page.getByRole('textbox', { name: 'Program' });
  await editor.click();
  await page.keyboard.press('ControlOrMeta+KeyA');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

/** The program text as saved for the next visit. */
export async function programText(page: Page): Promise<string> {
  return page.evaluate(
    (key) =>
      (globalThis as unknown as { localStorage: { getItem(k: string): string | null } })
        .localStorage.getItem(key) ?? '',
    'event-loop-lab:program',
  );
}
