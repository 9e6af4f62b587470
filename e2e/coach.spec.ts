/**
 * The coach, as a learner meets it: a program copied from an older tutorial, a blocking call
 * hiding in a coroutine, a framework that cannot be installed. Beside CPython's own message
 * (kept exactly), the console's Coach notes say what it means and the fix, the status bar says it
 * in one sentence, the editor marks the line, and a link opens the lesson step about it.
 */
import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { BLOCKING, encodeProgram, SCREENS, status } from './helpers.ts';

/** Loading Python and the run, on a busy machine (CI shares it with other suites). */
const RUN = { timeout: 180_000 };
test.setTimeout(300_000);

const coachNotes = (page: Page) => page.getByRole('complementary', { name: 'Coach' });
const problems = (page: Page) => page.getByRole('list', { name: 'Problems' });

async function open(page: Page, program: string): Promise<void> {
  await page.goto(`/#/playground?code=${encodeProgram(program)}`);
}

test('1. get_event_loop() from an older tutorial: why 3.14 raises, the fix, the lesson', async ({
  page,
}) => {
  await open(
    page,
    `import asyncio


async def main():
    print("hello from main")
    await asyncio.sleep(0.1)


loop = asyncio.get_event_loop()
loop.run_until_complete(main())
`,
  );
  await expect(status(page)).toContainText('RuntimeError', RUN);
  const notes = coachNotes(page);
  // CPython's message, exactly, labelled as Python's, and the coach's words beside it.
  await expect(notes).toContainText(
    "RuntimeError: There is no current event loop in thread 'MainThread'.",
  );
  await expect(notes.getByText('Python says', { exact: true })).toBeVisible();
  await expect(notes).toContainText(
    'Since Python 3.14, asyncio.get_event_loop() no longer creates a loop',
  );
  await expect(notes).toContainText('asyncio.run(main())');
  await expect(
    page.getByText(/^Since Python 3\.14, asyncio\.get_event_loop\(\)/).first(),
  ).toBeVisible();
  await expect(problems(page)).toContainText('Line 9 (warning): Since Python 3.14');
  await page.screenshot({ path: `${SCREENS}/coach-1-get-event-loop.png` });

  await notes.getByRole('link', { name: 'Lesson: get_event_loop() on Python 3.14' }).click();
  await expect(page).toHaveURL(/#\/lessons\/coroutines-and-the-event-loop\/4$/);
  await expect(
    page.getByRole('heading', { name: 'get_event_loop() on Python 3.14' }),
  ).toBeVisible();
});

test('3. time.sleep in a coroutine: who held the loop, how long, where, and the await', async ({
  page,
}) => {
  await open(page, BLOCKING);
  await expect(status(page)).toHaveText(/^Completed in [\d,]+ steps \(0–[\d,]+\)$/, RUN);
  const notes = coachNotes(page);
  await expect(notes).toContainText(
    'Task-3 (worker) held the loop for 2.0 s at line 13; nothing else could run.',
  );
  await expect(notes).toContainText('Write await asyncio.sleep(2) instead');
  await expect(problems(page)).toContainText('Line 13 (warning): Task-3 (worker) held the loop');
  await page.screenshot({ path: `${SCREENS}/coach-3-blocking.png` });

  // The note goes to the moment the stall began.
  await notes.getByRole('button', { name: /^Go to step \d+$/ }).click();
  await expect(page.getByText(/^Step [\d,]+ of [\d,]+$/)).not.toHaveText(/^Step 0 of/);
});

test('6. import fastapi: what is available, that nothing installs, and the servers lesson', async ({
  page,
}) => {
  await open(
    page,
    `import asyncio

import fastapi

app = fastapi.FastAPI()
`,
  );
  await expect(status(page)).toContainText('ModuleNotFoundError', RUN);
  const notes = coachNotes(page);
  await expect(notes).toContainText("ModuleNotFoundError: No module named 'fastapi'");
  await expect(notes).toContainText(
    'standard library only, plus simulated aiohttp and requests; nothing can be installed',
  );
  const lesson = notes.getByRole('link', {
    name: 'Lesson: An async server: every connection is a task',
  });
  await expect(lesson).toHaveAttribute('href', '#/lessons/servers/2');
  await page.screenshot({ path: `${SCREENS}/coach-6-module-not-found.png` });
});

/** The status bar, whole and not covered by the coach's notes, at the sizes a class projects. */
async function statusBarUnhidden(page: Page, shot: string): Promise<void> {
  for (const [width, height] of [
    [1280, 720],
    [1024, 768],
  ] as const) {
    await page.setViewportSize({ width, height });
    const bar = page.getByRole('status', { name: 'Run status' });
    await expect(bar).toBeInViewport({ ratio: 1 });
    // Nothing sits on the status text: the element at its centre is the status itself.
    const onTop = await bar.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return hit !== null && (el === hit || el.contains(hit));
    });
    expect(onTop, `the run status is covered at ${width}x${height}`).toBe(true);
    // Nor cut: a squeezed status wraps into its two-line clamp ("C… i…") and overflows it.
    const cut = await bar.evaluate(
      (el) => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1,
    );
    expect(cut, `the run status is cut at ${width}x${height}`).toBe(false);
    await expect(bar).toHaveText(/^Completed in [\d,]+ steps \(0–[\d,]+\)$/);
    await page.screenshot({ path: `${SCREENS}/${shot}-${width}x${height}.png` });
  }
}

test('4. a task that swallows its cancellation: which task, which except, and the re-raise', async ({
  page,
}) => {
  // The corpus program, so the spec and the fidelity corpus cannot drift apart.
  await open(page, readFileSync('tests/corpus/73-cancel-swallowed.py', 'utf8'));
  await expect(status(page)).toHaveText(/^Completed in [\d,]+ steps/, RUN);
  const notes = coachNotes(page);
  await expect(notes).toContainText(
    'Task-2 (stubborn) was cancelled, but the except CancelledError at line 7 caught the CancelledError and the task returned normally',
  );
  await expect(notes).toContainText('then raise to let the cancellation go on');
  await expect(problems(page)).toContainText('Line 7 (warning): Task-2 (stubborn) was cancelled');
  await expect(notes.getByRole('link', { name: `Lesson: ${'Cancellation'}` })).toHaveAttribute(
    'href',
    '#/lessons/when-things-go-wrong/2',
  );
  await statusBarUnhidden(page, 'coach-4-cancel-swallowed');
});

test('4. a cancellation swallowed inside asyncio.timeout: why the TimeoutError never came', async ({
  page,
}) => {
  await open(page, readFileSync('tests/corpus/86-cancel-swallowed-in-timeout.py', 'utf8'));
  await expect(status(page)).toHaveText(/^Completed in [\d,]+ steps/, RUN);
  const notes = coachNotes(page);
  await expect(notes).toContainText(
    'The timeout at line 9 expired at 1.0 s and cancelled Task-2 (fetch), but except asyncio.CancelledError: at line 13 caught that CancelledError and did not re-raise it',
  );
  await expect(notes).toContainText('raised no TimeoutError');
  await expect(notes).toContainText(
    'catch TimeoutError outside the async with asyncio.timeout(…) block',
  );
  await expect(problems(page)).toContainText('Line 13 (warning): The timeout at line 9 expired');
  await notes.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENS}/coach-4-cancel-swallowed-in-timeout.png` });
});

test('the status bar stays whole beside a long coach note (a blocking time.sleep)', async ({
  page,
}) => {
  await open(
    page,
    `import asyncio
import time


async def worker():
    time.sleep(2)
    print("worker done")


asyncio.run(worker())
`,
  );
  await expect(status(page)).toHaveText(/^Completed in [\d,]+ steps/, RUN);
  await expect(coachNotes(page)).toContainText('held the loop for 2.0 s at line 6');
  await statusBarUnhidden(page, 'coach-blocking-status');
});
