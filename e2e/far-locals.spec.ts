/**
 * A learner's story: in a long run, the task cards show exact locals at any step. A run records
 * locals at every line only for its first 20,000 steps; at a far step the page works them out
 * (it traces the program again up to there, in a worker of its own) and the card says so
 * meanwhile, then shows what the program held at that very step.
 */
import { expect, test } from '@playwright/test';
import { runToCompletion, SCREENS, setProgram, stepSlider, waitForPython } from './helpers.ts';

// About 40,000 steps: one second of virtual time per round, so the clock tells the round.
const LONG = `import asyncio

async def count(rounds):
    total = 0
    for i in range(rounds):
        total += i
        await asyncio.sleep(1)
    return total

async def main():
    counter = asyncio.create_task(count(4_000), name="counter")
    print(await counter)

asyncio.run(main())
`;

test('a far step of a long run shows the locals the program held there', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto('/');
  await waitForPython(page);
  await setProgram(page, LONG);
  await runToCompletion(page);
  const last = Number(await stepSlider(page).getAttribute('max'));
  expect(last).toBeGreaterThan(35_000);

  await stepSlider(page).fill(String(Math.floor(last * 0.8)));
  const card = page.getByRole('listitem', { name: /^counter, / });
  // While the re-run goes, the card says its locals are being worked out (no stale values)…
  await expect(card.getByText('working out locals…')).toBeVisible();
  const locals = card.getByRole('term');
  await expect(locals.first()).toBeVisible({ timeout: 120_000 });
  await page.screenshot({ path: `${SCREENS}/far-locals.png` });
  // …then shows them. Round i starts at second i and adds i to the total; the task sleeps, and
  // resumes at second i + 1 (still round i until its next line).
  const names = await locals.allTextContents();
  const values = await card.getByRole('definition').allTextContents();
  const held = Object.fromEntries(names.map((n, k) => [n, Number(values[k])]));
  const clock = await page.getByTitle("Virtual time: the event loop's clock").textContent();
  const now = Math.floor(Number(/Time ([\d,.]+) s/.exec(clock ?? '')?.[1]?.replaceAll(',', '')));
  const i = held.i ?? Number.NaN;
  expect(i).toBeGreaterThan(2_500); // far past the first 20,000 steps
  expect([now - 1, now]).toContain(i);
  expect([((i - 1) * i) / 2, (i * (i + 1)) / 2]).toContain(held.total);
  expect(held.rounds).toBe(4_000);
});
