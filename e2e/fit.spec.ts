/**
 * The whole picture fits (issue 9 §1): on a projector's 1280×720 or 1024×768 and on a 1920×1080
 * screen, every task card — its name, its state, what it waits for — is on screen without
 * scrolling any pane, with who holds control, the ready queue, the timers and the current output
 * line; in the queues lesson, the queue panel too. Checked with bounding boxes; screenshots are
 * kept in test-results/screens for people to look at.
 */
import { expect, type Locator, type Page, test } from '@playwright/test';
import {
  button,
  consolePanel,
  control,
  expectStep,
  runToCompletion,
  SCREENS,
  setProgram,
  status,
  stepSlider,
} from './helpers.ts';

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1024, height: 768 },
  { width: 1920, height: 1080 },
] as const;

/** Eight workers in a TaskGroup, sleeping 1–3 s: nine task cards, eight timers at once. */
const EIGHT_TASKS = `import asyncio


async def worker(name, delay):
    print("start", name)
    await asyncio.sleep(delay)
    print("done", name)


async def main():
    async with asyncio.TaskGroup() as tg:
        for i in range(8):
            tg.create_task(worker(f"w{i}", 1 + i % 3))


asyncio.run(main())
`;

type Box = { x: number; y: number; width: number; height: number };

async function boxOf(locator: Locator): Promise<Box> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not rendered');
  return box;
}

function inside(inner: Box, outer: Box, what: string): void {
  const slack = 1;
  expect(inner.x, `${what}: left edge`).toBeGreaterThanOrEqual(outer.x - slack);
  expect(inner.y, `${what}: top edge`).toBeGreaterThanOrEqual(outer.y - slack);
  expect(inner.x + inner.width, `${what}: right edge`).toBeLessThanOrEqual(
    outer.x + outer.width + slack,
  );
  expect(inner.y + inner.height, `${what}: bottom edge`).toBeLessThanOrEqual(
    outer.y + outer.height + slack,
  );
}

/**
 * Every element is wholly inside the viewport and inside every scroll box around it (so no pane
 * needs scrolling to show it, and none cuts it), and the simulator pane itself does not scroll.
 */
async function expectAllVisible(page: Page, what: string, elements: Locator[]): Promise<void> {
  const size = page.viewportSize();
  if (!size) throw new Error('no viewport');
  const viewport = { x: 0, y: 0, width: size.width, height: size.height };
  for (const [i, el] of elements.entries()) {
    const label = `${what} #${i} ${(await el.getAttribute('aria-label')) ?? ''}`;
    const box = await boxOf(el);
    inside(box, viewport, `${label} in the viewport`);
    const clips: Box[] = await el.evaluate((node) => {
      const out: Box[] = [];
      for (let p = node.parentElement; p; p = p.parentElement) {
        const style = getComputedStyle(p);
        if (/(auto|scroll|hidden|clip)/.test(style.overflowX + style.overflowY)) {
          const r = p.getBoundingClientRect();
          out.push({ x: r.x, y: r.y, width: r.width, height: r.height });
        }
      }
      return out;
    });
    for (const clip of clips) inside(box, clip, `${label} in its pane`);
  }
}

/** The picture's parts that must all be on screen at once. */
async function expectWholePicture(page: Page, what: string): Promise<void> {
  const cards = await page.getByRole('list', { name: 'Tasks' }).getByRole('listitem').all();
  expect(cards.length, `${what}: task cards`).toBeGreaterThan(0);
  await expectAllVisible(page, `${what}: task card`, cards);
  await expectAllVisible(page, `${what}: picture`, [
    control(page),
    page.getByRole('region', { name: 'Event loop' }).locator('.sim-clock'),
    page.locator('.sim-box--ready'),
    page.locator('.sim-box--timers'),
  ]);
  // The simulator pane shows everything without being scrolled.
  const [overflow, scale] = await page
    .locator('.simulator')
    .evaluate((el: HTMLElement) => [
      el.scrollHeight - el.clientHeight,
      el.style.getPropertyValue('--sim-fit'),
    ]);
  expect(
    overflow,
    `${what}: the simulator pane needs no scrolling (at scale ${scale})`,
  ).toBeLessThanOrEqual(1);
  // Timer entries never overlap one another.
  const timers = await Promise.all(
    (await page.getByRole('list', { name: 'Timers' }).getByRole('listitem').all()).map(boxOf),
  );
  for (let i = 1; i < timers.length; i++) {
    const [a, b] = [timers[i - 1] as Box, timers[i] as Box];
    expect(b.y, `${what}: timer ${i} below timer ${i - 1}`).toBeGreaterThanOrEqual(
      a.y + a.height - 1,
    );
  }
}

/**
 * Every wait arrow starts on the edge of the waiting task's card and ends, its arrowhead's tip,
 * on the edge of the card or box it waits for (within a few pixels), as seen on screen. Under
 * presenter mode's zoom this holds only if the arrows were measured in the zoomed pixels.
 */
async function expectArrowsOnCards(page: Page, what: string, waiter: string): Promise<void> {
  const from = await boxOf(page.getByRole('listitem', { name: new RegExp(`^${waiter},`) }));
  const targets = await Promise.all(
    (await page.locator('[data-sim-task], [data-sim-object]').all()).map(boxOf),
  );
  const ends = await page.locator('.sim-arrow').evaluateAll((arrows) =>
    arrows.map((g) => {
      const svg = (g as SVGGElement).ownerSVGElement as SVGSVGElement;
      const screen = svg.getBoundingClientRect();
      // The SVG's own pixels → the viewport's (presenter mode's zoom scales one into the other).
      const k = screen.width / svg.clientWidth;
      const at = (x: number, y: number) => ({ x: screen.left + x * k, y: screen.top + y * k });
      const line = g.querySelector('.sim-arrow__line') as SVGPathElement;
      const start = line.getPointAtLength(0);
      const tip = (g.querySelector('.sim-arrow__head') as SVGPolygonElement).points.getItem(0);
      return { start: at(start.x, start.y), end: at(tip.x, tip.y) };
    }),
  );
  expect(ends.length, `${what}: wait arrows drawn`).toBeGreaterThan(0);
  const near = (p: { x: number; y: number }, b: Box) => {
    const slack = 4;
    const within =
      p.x >= b.x - slack &&
      p.x <= b.x + b.width + slack &&
      p.y >= b.y - slack &&
      p.y <= b.y + b.height + slack;
    const onEdge = Math.min(Math.abs(p.y - b.y), Math.abs(p.y - b.y - b.height)) <= slack;
    return within && onEdge;
  };
  for (const [i, { start, end }] of ends.entries()) {
    expect(near(start, from), `${what}: arrow ${i} starts on ${waiter}'s card`).toBe(true);
    expect(
      targets.some((b) => near(end, b)),
      `${what}: arrow ${i} ends on the card or box it points at (${end.x}, ${end.y})`,
    ).toBe(true);
  }
}

/**
 * The highlighted line (where the task holding control is) is whole: every row of it, wrapped or
 * not, lies inside the editor's visible text area and the viewport, and together they read `code`.
 */
async function expectHighlightWhole(page: Page, what: string, code: string): Promise<void> {
  await page.waitForTimeout(400); // Monaco lays out again after a resize or a zoom step
  const seen = await page.locator('.monaco-editor').evaluate((editor) => {
    const box = (el: Element) => {
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    };
    const tops = [...editor.querySelectorAll('.view-overlays [class*="-line-strong"]')].map(
      (o) => o.getBoundingClientRect().top,
    );
    const rows = [...editor.querySelectorAll('.view-line')].filter((row) =>
      tops.some((top) => Math.abs(row.getBoundingClientRect().top - top) < 2),
    );
    rows.sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top);
    const area = editor.querySelector('.editor-scrollable') as Element;
    return {
      glyphs: editor.querySelectorAll('[class*="-glyph-strong"]').length,
      text: rows.map((row) => row.textContent ?? '').join(''),
      rows: rows.map((row) => box(row.firstElementChild ?? row)),
      area: box(area),
    };
  });
  expect(seen.text.replace(/\s+/g, ''), `${what}: the highlighted line`).toContain(
    code.replace(/\s+/g, ''),
  );
  // One letter in the margin for the running line, however many rows it wraps to.
  expect(seen.glyphs, `${what}: the running line's glyphs in the margin`).toBe(1);
  const size = page.viewportSize() ?? { width: 0, height: 0 };
  for (const [i, row] of seen.rows.entries()) {
    inside(row, seen.area, `${what}: row ${i} of the highlighted line in the editor`);
    inside(row, { x: 0, y: 0, ...size }, `${what}: row ${i} of the highlighted line on screen`);
  }
}

/**
 * Every task card's words — its name, its state and what it waits for — are at least 12 px on
 * screen: readable from the back of a classroom, not only present. (A state badge whose word is
 * 0 px keeps its glyph: the lane's title says the state.)
 */
async function expectReadableCards(page: Page, what: string): Promise<void> {
  const cards = await page.getByRole('list', { name: 'Tasks' }).getByRole('listitem').all();
  for (const card of cards) {
    const label = (await card.getAttribute('aria-label')) ?? '';
    const sizes = await card.evaluate((el) => {
      const out: { part: string; px: number }[] = [];
      for (const part of ['name', 'now', 'state'] as const) {
        const root = el.querySelector(`.sim-card__${part}`);
        if (!root) continue;
        for (const node of [root, ...root.querySelectorAll('*')]) {
          const text = [...node.childNodes].some(
            (n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '',
          );
          const px = Number.parseFloat(getComputedStyle(node).fontSize);
          if (text && px > 0 && node.getClientRects().length > 0) out.push({ part, px });
        }
      }
      return out;
    });
    for (const part of ['name', 'now', 'state']) {
      expect(
        sizes.some((s) => s.part === part),
        `${what}: ${label} shows its ${part}`,
      ).toBe(true);
    }
    for (const { part, px } of sizes) {
      expect(px, `${what}: ${label}, its ${part} in px`).toBeGreaterThanOrEqual(12);
    }
  }
}

/**
 * The side column — the ready queue and the timers, their titles and every entry — reads at 12 px
 * or more too: with many tasks it shows fewer, shorter entries ("+4 more"), not smaller ones.
 */
async function expectReadableSide(page: Page, what: string): Promise<void> {
  for (const box of ['Ready queue', 'Timers']) {
    const list = page.getByRole('list', { name: box, exact: true });
    const sizes = await list.evaluate((ol) => {
      const out: { text: string; px: number }[] = [];
      const root = ol.closest('.sim-box') ?? ol;
      for (const node of [root, ...root.querySelectorAll('*')]) {
        const text = [...node.childNodes]
          .filter((n) => n.nodeType === Node.TEXT_NODE)
          .map((n) => n.textContent ?? '')
          .join('')
          .trim();
        const px = Number.parseFloat(getComputedStyle(node).fontSize);
        if (text !== '' && px > 0 && node.getClientRects().length > 0) out.push({ text, px });
      }
      return out;
    });
    expect(sizes.length, `${what}: the ${box} shows words`).toBeGreaterThan(0);
    for (const { text, px } of sizes) {
      expect(px, `${what}: ${box}, "${text}" in px`).toBeGreaterThanOrEqual(12);
    }
  }
}

/** The latest printed line (the current output line) is on screen. */
async function expectCurrentOutput(page: Page, what: string, text: string): Promise<void> {
  const line = consolePanel(page).getByRole('button', { name: text, exact: true }).last();
  await expectAllVisible(page, `${what}: current output line`, [line]);
}

async function goToStep(page: Page, step: number): Promise<void> {
  await stepSlider(page).fill(String(step));
  await expectStep(page, step);
}

test('the whole playground picture fits at projector and desktop sizes', async ({ page }) => {
  test.setTimeout(300_000);
  await page.setViewportSize(SIZES[0]);
  await page.goto('/#/playground');
  // A shared machine can take minutes to start Python.
  await expect(status(page)).toHaveText(/^Python 3\.14\.\d+ ready$/, { timeout: 240_000 });
  await runToCompletion(page);
  // The default program, where every task waits (tea, coffee and toast asleep, main in gather).
  await button(page, 'Last step').click();
  for (const [i, step] of [45, 46].entries()) {
    await goToStep(page, step);
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await page.waitForTimeout(600); // cards glide to their places
      await expectWholePicture(page, `default program, step ${step}, ${size.width}×${size.height}`);
      if (i === 0) await page.screenshot({ path: `${SCREENS}/fit-default-${size.width}.png` });
      // The side column is wider where the pane is (fit.css): 14em or more at 1920×1080, where
      // a query for 80em never matched; 13em at most on the laptop sizes.
      const side = await page.locator('.sim-box--ready').evaluate((el) => {
        const em = Number.parseFloat(
          getComputedStyle(el.closest('.simulator') as Element).fontSize,
        );
        return el.getBoundingClientRect().width / em;
      });
      if (size.width >= 1920)
        expect(side, `side column at ${size.width}`).toBeGreaterThanOrEqual(14);
      else expect(side, `side column at ${size.width}`).toBeLessThanOrEqual(13.05);
    }
  }

  // Outside presenter mode too, the running line is whole at 1280×720: the editor's column is as
  // wide as the code needs while the picture can spare it, and what is longer wraps. Step 16:
  // main creates the coffee task, the program's longest line.
  await page.setViewportSize(SIZES[0]);
  await expect(page.locator('.monaco-editor')).toBeVisible();
  await goToStep(page, 16);
  await expectHighlightWhole(
    page,
    'the playground at 1280×720',
    'coffee = asyncio.create_task(brew("coffee", 2), name="coffee")',
  );
  await expectWholePicture(page, 'default program, step 16, 1280×720');
  await page.screenshot({ path: `${SCREENS}/fit-default-line-1280.png` });

  // Eight workers: nine cards at once, then eight timers at once.
  await page.setViewportSize(SIZES[0]);
  await setProgram(page, EIGHT_TASKS);
  await runToCompletion(page);
  const timersFull = 146; // all eight asleep: eight timers pending
  for (const step of [60, timersFull]) {
    await goToStep(page, step);
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await page.waitForTimeout(600);
      await expectWholePicture(page, `eight tasks, step ${step}, ${size.width}×${size.height}`);
      await expectReadableCards(page, `eight tasks, step ${step}, ${size.width}×${size.height}`);
      await expectReadableSide(page, `eight tasks, step ${step}, ${size.width}×${size.height}`);
      await page.screenshot({ path: `${SCREENS}/fit-eight-${step}-${size.width}.png` });
    }
  }
  await expectCurrentOutput(page, 'eight tasks', 'start w7');
});

test('the queues lesson shows its queue panel beside the cards, agreeing with them', async ({
  page,
}) => {
  test.setTimeout(200_000);
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.goto('/#/lessons/queues/1');
    const queue = page.getByRole('article', { name: 'Queue queue' });
    await expect(queue).toBeVisible();
    // The consumer waits on the empty queue, and the queue lists it (not "none").
    const consumer = page.getByRole('listitem', { name: 'consumer, waiting', exact: true });
    await expect(consumer).toContainText('queue.get()');
    await expect(queue.locator('.sim-object__row', { hasText: 'waiting to get' })).toContainText(
      'consumer',
    );
    await page.waitForTimeout(600);
    await expectWholePicture(page, `queues/1 at ${size.width}×${size.height}`);
    await expectAllVisible(page, 'queue panel', [queue]);
    await page.screenshot({ path: `${SCREENS}/fit-queues-${size.width}.png` });
  }
});

test('lesson 1 says plainly that there is no event loop, and the program waits', async ({
  page,
}) => {
  await page.setViewportSize(SIZES[0]);
  await page.goto('/#/lessons/waiting-is-wasted/1');
  const loop = page.getByRole('region', { name: 'Event loop' });
  await expect(loop).toContainText('no event loop');
  await expect(control(page)).toHaveText('Control: the top-level code');
  await expect(loop).not.toContainText('blocked');
  // The words sit inside the dashed ring, not across its edge.
  const ring = await boxOf(loop.locator('.sim-hub__ring'));
  const words = await boxOf(loop.locator('.sim-hub__label'));
  const side = Math.min(ring.width, ring.height);
  inside(
    words,
    {
      x: ring.x + (ring.width - side * 0.8) / 2,
      y: ring.y + side * 0.1,
      width: side * 0.8,
      height: side * 0.8,
    },
    'the hub label in the ring',
  );
  await page.screenshot({ path: `${SCREENS}/fit-lesson1-1280.png` });
});

test('the threads and connections lessons show their bands without scrolling the pane', async ({
  page,
}) => {
  test.setTimeout(200_000);
  const cases = [
    // Lesson 11 step 2, the heartbeat sleeping while load_report runs in thread asyncio_0.
    { url: '/#/lessons/blocking-calls-and-threads/2', step: 70, band: 'Threads', name: 'threads' },
    // Lesson 12 step 1 opens with the handler waiting for a line over a connection.
    { url: '/#/lessons/a-server-with-streams/1', step: null, band: 'Connections', name: 'streams' },
  ] as const;
  for (const { url, step, band, name } of cases) {
    for (const size of SIZES.slice(0, 2)) {
      await page.setViewportSize(size);
      await page.goto(url);
      // The lesson's recorded run is loaded before the slider can move.
      await expect(status(page)).toContainText('Completed');
      if (step !== null) await goToStep(page, step);
      const region = page.getByRole('region', { name: band });
      await expect(region).toBeVisible();
      await page.waitForTimeout(600);
      const what = `${name} at ${size.width}×${size.height}`;
      await expectWholePicture(page, what);
      await expectAllVisible(page, `${what}: ${band} band`, [region]);
      await page.screenshot({ path: `${SCREENS}/fit-${name}-${size.width}.png` });
    }
  }
});

/** The playground at 1280×720 in presenter mode, at its first zoom step (150 %). */
async function openPresenterPlayground(page: Page): Promise<void> {
  await page.setViewportSize(SIZES[0]);
  await page.goto('/#/playground');
  // The build-time recording of the default program is there before Python starts.
  await expect(stepSlider(page)).toBeEnabled();
  await button(page, 'Presenter mode').click();
  await expect(page.getByText('150 %', { exact: true })).toBeVisible();
}

test('presenter mode at 1280×720 and its first zoom step shows the whole default picture', async ({
  page,
}) => {
  test.setTimeout(200_000);
  await openPresenterPlayground(page);
  for (const step of [45, 46]) {
    await goToStep(page, step);
    await page.waitForTimeout(600);
    await expectWholePicture(page, `presenter mode at 150 %, step ${step}`);
    // Task-1 waits in gather for the three others: an arrow to each, on their cards.
    await expectArrowsOnCards(page, `presenter mode at 150 %, step ${step}`, 'Task-1');
  }
  await page.screenshot({ path: `${SCREENS}/fit-presenter-1280.png` });
});

test('presenter mode never cuts the highlighted line, at 100 % and 150 %, 1280×720 and 1024×768', async ({
  page,
}) => {
  test.setTimeout(200_000);
  await openPresenterPlayground(page);
  await expect(page.locator('.monaco-editor')).toBeVisible(); // Monaco, not the plain editor yet
  // Step 16: main creates the coffee task, the program's longest line.
  await goToStep(page, 16);
  const line = 'coffee = asyncio.create_task(brew("coffee", 2), name="coffee")';
  for (const size of SIZES.slice(0, 2)) {
    await page.setViewportSize(size);
    await expect(page.getByText('150 %', { exact: true })).toBeVisible();
    await expectHighlightWhole(page, `${size.width}×${size.height} at 150 %`, line);
    await page.screenshot({ path: `${SCREENS}/fit-presenter-line-150-${size.width}.png` });
    await page.keyboard.press('-');
    await page.keyboard.press('-');
    await expect(page.getByText('100 %', { exact: true })).toBeVisible();
    await expectHighlightWhole(page, `${size.width}×${size.height} at 100 %`, line);
    await page.screenshot({ path: `${SCREENS}/fit-presenter-line-100-${size.width}.png` });
    await page.keyboard.press('+');
    await page.keyboard.press('+');
  }
});
