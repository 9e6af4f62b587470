/**
 * Lesson 12 (a server with streams), as a learner steps through it at 1280×720 and 1024×768:
 * each wait arrow comes down from a task's card to the connection it reads, and crosses no
 * other box of the Connections view on its way (the client's arrow used to run through the
 * Server box's words), and the box it points at names the task.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { eventAt } from '../src/trace/decode.ts';
import { parseTrace } from '../src/trace/parse.ts';
import { stateAt } from '../src/trace/replay.ts';
import type { Trace } from '../src/trace/types.ts';
import { expectStep, stepSlider } from './helpers.ts';

const SHOTS = 'test-results/screens';

/** A program of the lesson as the page ships it (recorded at build time): `s1-program`, …. */
const lessonTrace = (file: string) =>
  parseTrace(
    readFileSync(
      join(
        import.meta.dirname,
        '..',
        `tests/golden/lessons/12-a-server-with-streams/${file}.trace.json`,
      ),
      'utf8',
    ),
  );
const TRACE = lessonTrace('s1-program');

/** The step at which the most tasks wait on connections at once (first such step), and how many. */
function busiestStep(trace: Trace): { step: number; waiting: number } {
  let best = { step: 0, waiting: 0 };
  for (let step = 0; step < trace.events.length; step++) {
    if (eventAt(trace, step).kind !== 'suspend') continue;
    const waiting = stateAt(trace, step).tasks.filter(
      (t) => t.state === 'waiting' && t.wait?.on === 'stream',
    ).length;
    if (waiting > best.waiting) best = { step, waiting };
  }
  return best;
}
const taskId = (name: string) => TRACE.tasks.find((t) => t.name === name)?.id;
/** The first step at which task `name` suspends in stream operation `op`. */
function suspendStep(name: string, op: string): number {
  for (let step = 0; step < TRACE.events.length; step++) {
    const ev = eventAt(TRACE, step);
    if (ev.kind === 'suspend' && ev.task === taskId(name) && ev.wait.on === 'stream')
      if (ev.wait.op === op) return step;
  }
  throw new Error(`${name} never waits in ${op}`);
}

const connections = (page: Page) => page.getByRole('region', { name: 'Connections' });
/** "read by Task-4" as the box shows it (the task's chip has its badge before its name). */
const says = (label: string, task: string) => new RegExp(`${label} \\S*${task}`);

/**
 * Points along every wait arrow that ends in the Connections view, in viewport pixels, and the
 * boxes of that view: no point may fall inside a box (the arrow ends on its box's top edge).
 */
async function arrowsThroughBoxes(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const boxes = [...document.querySelectorAll('[aria-label="Connections"] li[data-sim-object]')];
    // The arrows end on the connections' boxes, and must cross none of them, nor the ready
    // queue's and the timers' boxes beside the tasks.
    const rects = [...boxes, ...document.querySelectorAll('.sim-box')].map((b) => ({
      name: b.getAttribute('aria-label') ?? b.className,
      r: b.getBoundingClientRect(),
    }));
    const ids = new Set(boxes.map((b) => b.getAttribute('data-sim-object')));
    const out: string[] = [];
    let arrows = 0;
    for (const g of document.querySelectorAll('.sim-arrow[data-object]')) {
      const line = g.querySelector('.sim-arrow__line') as SVGPathElement;
      const svg = line.ownerSVGElement as SVGSVGElement;
      const screen = svg.getBoundingClientRect();
      const k = screen.width / svg.clientWidth;
      const len = line.getTotalLength();
      const tip = (g.querySelector('.sim-arrow__head') as SVGPolygonElement).points.getItem(0);
      const end = { x: screen.left + tip.x * k, y: screen.top + tip.y * k };
      // Only the arrows that point into this view.
      if (
        !rects.some(({ r }) => end.x >= r.left && end.x <= r.right && Math.abs(end.y - r.top) < 4)
      )
        continue;
      arrows++;
      for (let s = 0; s <= len; s += 2) {
        const p = line.getPointAtLength(s);
        const x = screen.left + p.x * k;
        const y = screen.top + p.y * k;
        for (const { name, r } of rects) {
          if (x > r.left + 1 && x < r.right - 1 && y > r.top + 1 && y < r.bottom - 1) {
            out.push(`arrow ${arrows} crosses ${name}`);
            break;
          }
        }
      }
    }
    if (arrows === 0 && ids.size > 0) out.push('no wait arrow points into the Connections view');
    return [...new Set(out)];
  });
}

async function goToStep(page: Page, step: number) {
  await stepSlider(page).fill(String(step));
  await expectStep(page, step);
  await page.waitForTimeout(300); // the arrows are measured after layout
}

for (const size of [
  { width: 1280, height: 720 },
  { width: 1024, height: 768 },
]) {
  test.describe(`at ${size.width}×${size.height}`, () => {
    test.use({ viewport: size });

    test('each wait arrow reaches its connection without crossing another box', async ({
      page,
    }) => {
      await page.goto('/#/lessons/a-server-with-streams/1');
      await expect(connections(page)).toBeVisible();

      // The server's handler waits for the client's line; then the client waits for the echo.
      const handlerReads = suspendStep('Task-4', 'readline');
      await goToStep(page, handlerReads);
      await expect(connections(page)).toContainText(says('read by', 'Task-4'));
      expect(await arrowsThroughBoxes(page)).toEqual([]);

      const clientReads = suspendStep('Task-1', 'readline');
      await goToStep(page, clientReads);
      await expect(connections(page)).toContainText(says('read by', 'Task-1'));
      await expect(connections(page)).toContainText(says('read by', 'Task-4'));
      expect(await arrowsThroughBoxes(page)).toEqual([]);
      await page.screenshot({ path: `${SHOTS}/connections-${size.width}x${size.height}.png` });

      // The handler then waits for its connection to close: the box names it too.
      await goToStep(page, suspendStep('Task-4', 'closed'));
      await expect(connections(page)).toContainText(says('waiting for it to close', 'Task-4'));
      expect(await arrowsThroughBoxes(page)).toEqual([]);
    });
  });
}

// Lesson steps 2–4: six connections (three clients, each with its server-side end). They share
// one row across the picture, so each arrow reaches its box past no other (they used to wrap to a
// second row, whose arrows crossed the first row's boxes).
const LESSON_PROGRAMS = [
  [2, 's2-program'],
  [3, 's3-program'],
  [4, 's4-starter'],
] as const;
for (const size of [
  { width: 1280, height: 720 },
  { width: 1024, height: 768 },
  { width: 1920, height: 1080 },
]) {
  test.describe(`six connections at ${size.width}×${size.height}`, () => {
    test.use({ viewport: size });

    test('every arrow reaches its connection without crossing a box', async ({ page }) => {
      for (const [n, file] of LESSON_PROGRAMS) {
        const { step, waiting } = busiestStep(lessonTrace(file));
        expect(waiting, `lesson step ${n}`).toBeGreaterThanOrEqual(5);
        await page.goto(`/#/lessons/a-server-with-streams/${n}`);
        await expect(stepSlider(page)).toBeVisible();
        await goToStep(page, step);
        await expect(connections(page)).toBeVisible();
        const boxes = connections(page).getByRole('listitem', { name: /^Connection / });
        await expect(boxes).toHaveCount(6);
        const tops = await boxes.evaluateAll((els) =>
          els.map((el) => Math.round(el.getBoundingClientRect().top)),
        );
        expect(new Set(tops).size, `lesson step ${n}: one row`).toBe(1);
        expect(await arrowsThroughBoxes(page), `lesson step ${n}`).toEqual([]);
        if (n === 2)
          await page.screenshot({
            path: `${SHOTS}/connections-six-${size.width}x${size.height}.png`,
          });
      }
    });
  });
}
