/**
 * An author's story: with the dev server running, saving a lesson file updates the open page
 * without a reload. This spec starts its own dev server (the rest of the suite runs against the
 * built site), edits a real lesson file as an author would, and puts it back afterwards.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { SCREENS } from './helpers.ts';

const ROOT = join(import.meta.dirname, '..');
const LESSON = join(ROOT, 'lessons', '06-queues.md');
const DEV_PORT = Number(process.env.E2E_DEV_PORT ?? 5273);
const DEV_URL = `http://127.0.0.1:${DEV_PORT}`;
const ADDED = 'This sentence was added while the page was open.';

let server: ChildProcess | null = null;
let serverLog = '';

async function waitForServer(url: string, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (server?.exitCode != null) {
      throw new Error(`The dev server exited (${server.exitCode}):\n${serverLog}`);
    }
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`The dev server did not answer at ${url} within ${ms} ms:\n${serverLog}`);
}

test.describe.configure({ timeout: 420_000 });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  server = spawn(
    'npx',
    ['vite', '--port', String(DEV_PORT), '--strictPort', '--host', '127.0.0.1'],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true, env: { ...process.env } },
  );
  const log = (chunk: Buffer) => {
    serverLog = (serverLog + chunk.toString()).slice(-8000);
  };
  server.stdout?.on('data', log);
  server.stderr?.on('data', log);
  await waitForServer(DEV_URL, 180_000);
});

test.afterAll(() => {
  // The server and its children form one process group (detached): end that group only.
  if (server?.pid && server.exitCode == null) {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      server.kill('SIGTERM');
    }
  }
  server = null;
});

test('change a lesson file in dev and see the page update', async ({ page }) => {
  const original = readFileSync(LESSON, 'utf8');
  const anchor = 'consumer there is nothing more to come (a **sentinel**).';
  expect(original).toContain(anchor);
  try {
    // The first request builds every lesson's traces with Python in Node: give it time.
    await page.goto(`${DEV_URL}/#/lessons/queues/1`, { timeout: 180_000 });
    const pane = page.getByRole('region', { name: 'Producer and consumer' });
    await expect(pane.getByRole('heading', { level: 3 })).toHaveText('Producer and consumer', {
      timeout: 180_000,
    });
    await expect(pane).not.toContainText(ADDED);
    // A mark on the window: it survives an update, not a reload.
    await page.evaluate(() => {
      (globalThis as unknown as { __noReload: boolean }).__noReload = true;
    });

    writeFileSync(LESSON, original.replace(anchor, `${anchor} ${ADDED}`));
    await expect(pane).toContainText(ADDED, { timeout: 120_000 });
    expect(
      await page.evaluate(() => (globalThis as unknown as { __noReload?: boolean }).__noReload),
    ).toBe(true);
    await page.screenshot({ path: `${SCREENS}/37-lesson-dev-update.png` });
  } finally {
    writeFileSync(LESSON, original);
  }
  // Putting the file back updates the page again.
  await expect(page.getByText(ADDED)).toHaveCount(0, { timeout: 120_000 });
});
