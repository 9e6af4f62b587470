/**
 * `npm run bench:browser`: the browser part of `npm run bench` alone (browser.ts), for comparing
 * UI changes without the minutes of tracer throughput runs. Prints its table and writes
 * bench-results/browser.json. Needs a build (`vite build`, which the npm script runs first).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { browserBench } from './browser.ts';

const rows = await browserBench();
const fmt = (v: number) => (Number.isInteger(v) ? v.toLocaleString('en') : v.toFixed(2));
const width = Math.max(...rows.map((r) => r.measure.length));
console.log(`\nEvent Loop Lab browser benchmark (headless Chromium)\n`);
console.log(`${'measure'.padEnd(width)}  ${'value'.padStart(14)}  unit       target`);
for (const r of rows) {
  const target = r.target ? `${r.target} ${r.ok ? 'met' : 'NOT met'}` : '';
  console.log(
    `${r.measure.padEnd(width)}  ${fmt(r.value).padStart(14)}  ${r.unit.padEnd(9)}  ${target}`,
  );
}
mkdirSync('bench-results', { recursive: true });
writeFileSync(
  'bench-results/browser.json',
  `${JSON.stringify({ date: new Date().toISOString(), rows }, null, 2)}\n`,
);
console.log('\nWrote bench-results/browser.json');
