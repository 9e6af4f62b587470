import { expect, test } from '@playwright/test';
import {
  expectStep,
  narration,
  runToCompletion,
  SCREENS,
  setProgram,
  stepSlider,
  taskCard,
  waitForPython,
} from './helpers.ts';

/** A blocking call moved to a thread while a ticker keeps the loop busy. */
const TO_THREAD = `import asyncio
import time


def blocking_io():
    time.sleep(1)
    return 'data'


async def ticker():
    for i in range(3):
        print('tick', i)
        await asyncio.sleep(0.4)


async def main():
    tick = asyncio.create_task(ticker())
    print(await asyncio.to_thread(blocking_io))
    await tick


asyncio.run(main())
`;
/** Step 31: main awaits to_thread (the thread already ran blocking_io on its own clock). */
const AWAITS_THREAD = 31;

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await waitForPython(page);
});

test('a task awaiting to_thread waits for the thread, and the thread shows what it runs until when', async ({
  page,
}) => {
  await setProgram(page, TO_THREAD);
  await runToCompletion(page);
  await stepSlider(page).fill(String(AWAITS_THREAD));
  await expectStep(page, AWAITS_THREAD);

  await expect(taskCard(page, 'Task-1, waiting')).toContainText(
    'awaits thread asyncio_0 to finish blocking_io() (in time.sleep(1) until 1.0 s)',
  );
  await expect(narration(page)).toContainText(
    'Task-1 awaits thread asyncio_0 to finish blocking_io()',
  );
  await expect(narration(page)).not.toContainText('future');

  const threads = page.getByRole('region', { name: 'Threads' });
  await expect(
    threads.getByRole('listitem', {
      name: 'Thread asyncio_0: runs blocking_io(), blocked in time.sleep(1) until 1.0 s',
    }),
  ).toBeVisible();
  await expect(threads.getByRole('list', { name: 'Jobs of asyncio_0' })).toContainText(
    'blocking_io() 0.0 → 1.0 s',
  );
  await threads.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENS}/threads.png` });

  // The future to_thread awaits is named for its thread, not numbered like the program's own.
  await expect(
    page
      .getByRole('region', { name: 'Objects' })
      .getByRole('article', { name: 'Future result of thread asyncio_0' }),
  ).toBeVisible();

  // The thread has a lane of its own in the timeline, beside the tasks'.
  const timeline = page.getByRole('region', { name: 'Timeline' });
  await expect(
    timeline.getByRole('list', { name: 'Lanes' }).getByRole('listitem', {
      name: 'thread asyncio_0: A simulated thread: ran blocking_io() 0.0 → 1.0 s. The event loop stays free while it runs.',
    }),
  ).toBeVisible();
  await timeline.getByRole('radio', { name: 'X axis: time' }).check();
  await timeline.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENS}/thread-lane.png` });
});

/** An echo server and a client on the simulated network. */
const ECHO = `import asyncio


async def handle(reader, writer):
    line = await reader.readline()
    writer.write(line.upper())
    await writer.drain()
    writer.close()


async def main():
    server = await asyncio.start_server(handle, '127.0.0.1', 8888)
    async with server:
        reader, writer = await asyncio.open_connection('127.0.0.1', 8888)
        writer.write(b'hello\\n')
        print(await reader.readline())
        writer.close()
        await writer.wait_closed()


asyncio.run(main())
`;
/** Step 86: the client (main) waits in readline for the server's answer. */
const CLIENT_READS = 86;

test('a task reading a stream waits for a line from the other end, and the connection and server are drawn', async ({
  page,
}) => {
  await setProgram(page, ECHO);
  await runToCompletion(page);
  await stepSlider(page).fill(String(CLIENT_READS));
  await expectStep(page, CLIENT_READS);

  await expect(taskCard(page, 'Task-1, waiting')).toContainText(
    'awaits a line from 127.0.0.1:8888',
  );
  await expect(narration(page)).toContainText('Task-1 awaits a line from 127.0.0.1:8888');
  const connections = page.getByRole('region', { name: 'Connections' });
  await expect(
    connections.getByRole('listitem', {
      name: 'Server server: listening on 127.0.0.1:8888, 1 connection',
    }),
  ).toBeVisible();
  const connection = connections.getByRole('listitem', {
    name: /^Connection reader with 127\.0\.0\.1:8888: /,
  });
  await expect(connection).toBeVisible();
  await connections.scrollIntoViewIfNeeded();

  // Task-1's wait arrow ends on the connection it reads. The arrows are an aria-hidden SVG (the
  // card says the same in words), so they are found by class: an arrowhead's tip lies on the
  // box's top or bottom edge, within its width.
  const heads = page.locator('.sim-arrow[data-object="true"] .sim-arrow__head');
  await expect(async () => {
    const box = await connection.boundingBox();
    if (!box) throw new Error('the connection box has no layout');
    const tips = await heads.evaluateAll((els) =>
      els.map((el) => {
        const r = el.getBoundingClientRect();
        return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
      }),
    );
    const touches = tips.some(
      (t) =>
        t.right > box.x &&
        t.left < box.x + box.width &&
        (Math.abs(t.bottom - box.y) < 2 || Math.abs(t.top - (box.y + box.height)) < 2),
    );
    expect(touches, `an arrowhead on ${JSON.stringify(box)}: ${JSON.stringify(tips)}`).toBe(true);
  }).toPass();
  await page.screenshot({ path: `${SCREENS}/connections.png` });
});
