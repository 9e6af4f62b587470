import { defineConfig } from '@playwright/test';

/**
 * E2E specs run against the BUILT app (`npm run test:e2e` builds first), served by `vite preview`
 * on 127.0.0.1, in the system's Chromium (Playwright cannot download browsers everywhere).
 */
// E2E_PORT lets two suites run side by side on one machine (a developer and a CI clone).
const PORT = Number(process.env.E2E_PORT ?? 4173);
const BASE_URL = `http://127.0.0.1:${PORT}`;
const CI = Boolean(process.env.CI);

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results/playwright',
  fullyParallel: false,
  forbidOnly: CI,
  retries: CI ? 1 : 0,
  workers: CI ? 1 : 2,
  timeout: 120_000,
  expect: { timeout: 60_000 },
  reporter: CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL: BASE_URL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    // The specs paste programs into the editor, as a person would.
    permissions: ['clipboard-read', 'clipboard-write'],
    // Each test has a fresh context, so the offline service worker would only precache ~20 MB
    // beside every test; the offline story (e2e/classroom.spec.ts) turns it back on.
    serviceWorkers: 'block',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        viewport: { width: 1280, height: 800 },
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      },
    },
  ],
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: BASE_URL,
    reuseExistingServer: !CI,
    timeout: 60_000,
  },
});
