import { expect, type Locator, type Page } from '@playwright/test';

/** Where the specs keep the screenshots they take at key moments (looked at by people). */
export const SCREENS = 'test-results/screens';

/** The run status in the status bar: loading, running, how the last run ended. */
export const status = (page: Page) => page.getByRole('status', { name: 'Run status' });
/** The simulator's "Control: …" line. */
export const control = (page: Page) => page.getByRole('status').filter({ hasText: /^Control: / });
export const consolePanel = (page: Page) => page.getByRole('region', { name: 'Console' });
/** Kept for the older specs: the console is where output goes. */
export const output = consolePanel;
export const narration = (page: Page) => page.getByRole('region', { name: 'Narration' });
/** The narration's sentence itself. */
export const sentence = (page: Page) => narration(page).getByRole('paragraph');
export const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
export const runButton = (page: Page) => button(page, 'Run');
export const stopButton = (page: Page) => button(page, 'Stop');
export const stepSlider = (page: Page) => page.getByRole('slider', { name: 'Step' });
export const taskCard = (page: Page, name: string) =>
  page.getByRole('listitem', { name, exact: true });
/** The step the replay shows, read from the status bar ("Step 33 of 115"). */
export const stepCounter = (page: Page) => page.getByText(/^Step [\d,]+ of [\d,]+$/);

/** Waits until Python has loaded in the worker (the first load can take a while in CI). */
export async function waitForPython(page: Page): Promise<void> {
  await expect(status(page)).toHaveText(/^Python 3\.14\.\d+ ready$/, { timeout: 90_000 });
}

/** Runs the program in the editor and waits for the run to complete. */
export async function runToCompletion(page: Page): Promise<void> {
  await runButton(page).click();
  await expect(status(page)).toHaveText(/^Completed in [\d,]+ steps \(0–[\d,]+\)$/, {
    timeout: 90_000,
  });
}

export async function expectStep(page: Page, step: number): Promise<void> {
  await expect(stepCounter(page)).toHaveText(
    new RegExp(`^Step ${step.toLocaleString('en-US')} of`),
  );
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
  // Paste into the editor that stays: had Monaco replaced the textarea between the keys below,
  // the paste would land in an editor that is gone.
  await editorLoaded(page);
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

/**
 * Waits until Monaco has replaced the plain textarea (its host is shown). Monaco's own textbox is
 * a zero-width element for screen readers, so it is never "visible" to Playwright: wait for the host.
 */
export async function editorLoaded(page: Page): Promise<void> {
  await expect(page.getByTestId('monaco-host')).toBeVisible();
}

/** base64url of UTF-8, as share links carry programs. */
export function encodeProgram(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

/**
 * The editor line that carries the strong (running) highlight, read from Monaco's rendering: the
 * line number whose row lines up with the highlight. Null when no line is highlighted.
 */
export async function highlightedLine(page: Page): Promise<number | null> {
  const editor = page.getByTestId('monaco-host');
  const strong = editor.locator('.view-overlays [class*="line-strong"]').first();
  if ((await strong.count()) === 0) return null;
  const box = await strong.boundingBox();
  if (!box) return null;
  const numbers = editor.locator('.margin .line-numbers');
  for (const n of await numbers.all()) {
    const nb = await n.boundingBox();
    if (nb && Math.abs(nb.y + nb.height / 2 - (box.y + box.height / 2)) < nb.height / 2) {
      return Number((await n.textContent())?.trim());
    }
  }
  return null;
}

/** Presses a key `times` times on whatever has focus. */
export async function press(page: Page, key: string, times = 1): Promise<void> {
  for (let i = 0; i < times; i++) await page.keyboard.press(key);
}

/** Moves the focus off the editor to the page itself, as a click on empty space would. */
export async function focusPage(page: Page): Promise<void> {
  await page.evaluate(() => {
    const active = (
      globalThis as unknown as { document: { activeElement: { blur?(): void } | null } }
    ).document.activeElement;
    active?.blur?.();
  });
}

export type { Locator };

/** A coroutine that blocks the loop with time.sleep(2) at line 13 while another ticks: a stall. */
export const BLOCKING = `import asyncio
import time


async def ticker():
    for i in range(3):
        print("tick", i)
        await asyncio.sleep(0.5)


async def worker():
    await asyncio.sleep(0.1)
    time.sleep(2)
    print("worker done")


async def main():
    await asyncio.gather(ticker(), worker())


asyncio.run(main())
`;
