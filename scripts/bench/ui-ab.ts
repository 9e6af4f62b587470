/**
 * `npx tsx scripts/bench/ui-ab.ts <dirA> <dirB> [rounds]`: two builds of the app (say main's,
 * built with `vite build --outDir /tmp/dist-main`, and the working tree's `dist`) measured in
 * turns on one machine, so both see the same load: each round opens the 100,000-step trace in
 * A then B (B then A on odd rounds) and takes the replay bench's seek p50/p99 and long tasks
 * while playing. Prints each round and the medians. Speed on a shared machine is noisy: compare
 * the medians of paired runs, never a single one.
 */
import {
  launchChromium,
  longTasksWhilePlaying,
  openReplayPage,
  quantile,
  seekLatencies,
  servePreview,
} from './replay.ts';

const [dirA = '/tmp/dist-main', dirB = 'dist', roundsArg = '5'] = process.argv.slice(2);
const rounds = Number(roundsArg);
const port = Number(process.env.BENCH_PORT ?? 4375);
const sides = [
  { label: 'A', server: await servePreview(port, dirA), rows: [] as number[][] },
  { label: 'B', server: await servePreview(port + 1, dirB), rows: [] as number[][] },
];
const browser = await launchChromium();
try {
  for (let round = 0; round < rounds; round++) {
    for (const side of round % 2 ? [...sides].reverse() : sides) {
      const page = await openReplayPage(browser, side.server.base);
      const seeks = await seekLatencies(page);
      const long = await longTasksWhilePlaying(page);
      const row = [quantile(seeks, 0.5), quantile(seeks, 0.99), long.length, Math.max(0, ...long)];
      side.rows.push(row);
      console.log(
        `round ${round + 1} ${side.label}: seek p50 ${row[0]?.toFixed(1)} p99 ${row[1]?.toFixed(1)} ms, ` +
          `long tasks playing ${long.length} (${long.map((ms) => ms.toFixed(0)).join(' ')})`,
      );
      await page.close();
    }
  }
  const names = ['seek p50 ms', 'seek p99 ms', 'long tasks playing', 'longest ms'];
  console.log(`\nmedians of ${rounds} paired rounds   A (${dirA})   B (${dirB})`);
  names.forEach((name, i) => {
    const [a, b] = sides.map((s) =>
      quantile(
        s.rows.map((r) => r[i] ?? Number.NaN),
        0.5,
      ),
    );
    console.log(`${name.padEnd(22)} ${a?.toFixed(1).padStart(8)} ${b?.toFixed(1).padStart(8)}`);
  });
} finally {
  await browser.close();
  for (const s of sides) s.server.stop();
}
