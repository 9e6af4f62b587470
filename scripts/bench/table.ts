/** The benchmark table both `npm run bench` and `npm run bench:browser` print, and the JSON they save. */
import { mkdirSync, writeFileSync } from 'node:fs';

export interface BenchRow {
  measure: string;
  value: number;
  unit: string;
  target?: string;
  ok?: boolean;
}

/** Prints `rows` under `title` and writes them, with `extra` fields, to bench-results/`file`. */
export function reportRows(
  title: string,
  rows: readonly BenchRow[],
  file: string,
  extra: Record<string, unknown> = {},
): void {
  const fmt = (v: number) => (Number.isInteger(v) ? v.toLocaleString('en') : v.toFixed(2));
  const width = Math.max(...rows.map((r) => r.measure.length));
  console.log(`\n${title}\n`);
  console.log(`${'measure'.padEnd(width)}  ${'value'.padStart(14)}  unit       target`);
  for (const r of rows) {
    const target = r.target ? `${r.target} ${r.ok ? 'met' : 'NOT met'}` : '';
    console.log(
      `${r.measure.padEnd(width)}  ${fmt(r.value).padStart(14)}  ${r.unit.padEnd(9)}  ${target}`,
    );
  }
  mkdirSync('bench-results', { recursive: true });
  writeFileSync(
    `bench-results/${file}`,
    `${JSON.stringify({ date: new Date().toISOString(), ...extra, rows }, null, 2)}\n`,
  );
  console.log(`\nWrote bench-results/${file}`);
}
