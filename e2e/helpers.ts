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
 * Replaces the program the way a person would: focus the editor, select all, paste. Works on the
 * plain textarea and on Monaco alike (both are a textbox named "Program"). Pasting, not typing:
 * Monaco auto-indents typed newlines, which would re-indent a whole program typed at once.
 */
export async function setProgram(page: Page, text: string): Promise<void> {
  await page.evaluate(
    (t) =>
      (
        globalThis as unknown as {
          navigator: { clipboard: { writeText(t: string): Promise<void> } };
        }
      ).navigator.clipboard.writeText(t),
    text,
  );
  // Monaco's textbox is an off-screen element that takes the keys: focus it, don't click it.
  await page.getByRole('textbox', { name: 'Program' }).focus();
  await page.keyboard.press('ControlOrMeta+KeyA');
  await page.keyboard.press('ControlOrMeta+KeyV');
}

/** The program text as saved for the next visit. */
export async function programText(page: Page): Promise<string> {
  return page.evaluate(
    (key) =>
      (
        globalThis as unknown as { localStorage: { getItem(k: string): string | null } }
      ).localStorage.getItem(key) ?? '',
    'event-loop-lab:program',
  );
}
