/**
 * `npm run bench:browser`: the browser part of `npm run bench` alone (browser.ts), for comparing
 * UI changes without the minutes of tracer throughput runs. Prints its table and writes
 * bench-results/browser.json. Needs a build (`vite build`, which the npm script runs first).
 */
import { browserBench } from './browser.ts';
import { reportRows } from './table.ts';

reportRows(
  'Event Loop Lab browser benchmark (headless Chromium)',
  await browserBench(),
  'browser.json',
);
