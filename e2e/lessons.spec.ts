import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { parseLesson } from '../src/lessons/markdown/index.ts';
import { resolveMoment } from '../src/lessons/moments.ts';
import { parseTrace } from '../src/trace/parse.ts';
import {
  button,
  consolePanel,
  expectStep,
  narration,
  programText,
  SCREENS,
  setProgram,
  stepCounter,
  taskCard,
} from './helpers.ts';

/** The queues lesson's golden traces: the same runs the page ships (recorded at build time). */
const GOLDEN = join(import.meta.dirname, '..', 'tests', 'golden', 'lessons', '06-queues');
const goldenTrace = (id: string) =>
  parseTrace(readFileSync(join(GOLDEN, `${id}.trace.json`), 'utf8'));
const moment = (id: string, text: string) => {
  const r = resolveMoment(text, goldenTrace(id));
  if (!r.ok) throw new Error(r.error);
  return r.step as number;
};
const answers = JSON.parse(readFileSync(join(GOLDEN, 'answers.json'), 'utf8')) as Record<
  string,
  { at: number | null; proof: number }
>;

/** The queues lesson as the page has it, parsed from its file. */
const QUEUES = parseLesson(
  readFileSync(join(import.meta.dirname, '..', 'lessons', '06-queues.md'), 'utf8'),
  {
    file: 'lessons/06-queues.md',
  },
).lesson;
const programSource = (id: string) => QUEUES?.programs.find((p) => p.id === id)?.source ?? '';

/** The lesson pane: the region that has the lesson's own Previous step button. */
const lessonPane = (page: Page) =>
  page.getByRole('region', { name: /./ }).filter({
    has: page.getByRole('button', { name: 'Previous step', exact: true }),
  });
const stepHeading = (page: Page) => lessonPane(page).getByRole('heading', { level: 3 });

test.describe.configure({ timeout: 240_000 });

test('the lesson list shows every lesson with its progress', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Lessons', exact: true }).click();
  await expect(page).toHaveURL(/#\/lessons$/);
  const list = page.getByRole('list', { name: 'Lessons' });
  await expect(list.getByRole('listitem')).toHaveCount(12);
  const queues = list.getByRole('listitem').filter({ hasText: 'Queues' });
  await expect(queues).toContainText('20 min');
  await expect(queues).toContainText('intermediate');
  await expect(queues).toContainText('0 of 5 steps seen, 0 of 1 exercise passed');
  await page.screenshot({ path: `${SCREENS}/30-lesson-list.png` });
});

test('open the queues lesson and step to the first moment the second worker awaits', async ({
  page,
}) => {
  await page.goto('/#/lessons');
  await page.getByRole('link', { name: 'Queues', exact: true }).click();
  await expect(page).toHaveURL(/#\/lessons\/queues\/1$/);
  await expect(stepHeading(page)).toHaveText('Producer and consumer');
  // The picture is there at once, from the trace shipped with the lesson (no run, no Python).
  await expectStep(page, moment('s1-program', 'first suspend of consumer'));
  await expect(button(page, 'Previous step')).toHaveAttribute('aria-disabled', 'true');

  await button(page, 'Next step').click();
  await expect(page).toHaveURL(/#\/lessons\/queues\/2$/);
  await expect(stepHeading(page)).toHaveText('A pool of four workers');
  await expect.poll(() => programText(page)).not.toContain('worker-'); // the playground's program is untouched
  await expect(page.getByRole('textbox', { name: 'Program' })).toBeAttached();
  // The step opens where worker-4 first waits; worker-2 waited three handoffs before that.
  await expectStep(page, moment('s2-program', 'first suspend of worker-4'));
  const worker2Waits = moment('s2-program', 'first suspend of worker-2');
  for (let i = 0; i < 4; i++) await button(page, 'Previous handoff').click();
  await expectStep(page, worker2Waits);
  await expect(taskCard(page, 'worker-2, waiting')).toBeAttached();
  await expect(narration(page)).toContainText('worker-2');
  await page.screenshot({ path: `${SCREENS}/31-lesson-step-picture.png` });

  // The address opens the same step; the browser's Back goes to the previous step.
  await page.goBack();
  await expect(stepHeading(page)).toHaveText('Producer and consumer');
  await page.goForward();
  await expect(stepHeading(page)).toHaveText('A pool of four workers');

  // Progress is kept: two steps seen.
  await page.getByRole('link', { name: 'All lessons' }).click();
  await expect(
    page.getByRole('list', { name: 'Lessons' }).getByRole('listitem').filter({ hasText: 'Queues' }),
  ).toContainText('2 of 5 steps seen');
});

test('answer a prediction wrong, get a hint and a second try, then see the answer', async ({
  page,
}) => {
  await page.goto('/#/lessons/queues/1');
  const question = page.getByRole('region', { name: 'Predict: what prints next?' });
  const feedback = question.getByRole('status', { name: 'Answer feedback' });
  const at = answers['s1-q1']?.at as number;
  const proof = answers['s1-q1']?.proof as number;
  await expectStep(page, at);
  // The console keeps later output to itself until the question is answered.
  await expect(consolePanel(page)).toContainText('got 1');
  await expect(consolePanel(page)).not.toContainText('put 2');

  // A first wrong answer: a hint, and nothing that gives the answer away.
  await question.getByRole('button', { name: 'got 2', exact: true }).click();
  await expect(feedback).toContainText('Not quite. Here is a hint');
  await expect(feedback).not.toContainText('put 2');
  await expectStep(page, at);
  await expect(consolePanel(page)).not.toContainText('put 2');
  await question.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENS}/32-question-hint.png` });

  // The second wrong answer shows the answer and the moment that proves it.
  await question.getByRole('button', { name: 'Try again' }).click();
  await expect(feedback).toHaveText('');
  await expectStep(page, at);
  await question.getByRole('button', { name: 'got 2', exact: true }).click();
  await expect(feedback).toContainText('Not quite: the answer is “put 2”');
  await expect(feedback).toContainText(`At step ${proof}`);
  await expectStep(page, proof); // the moment that proves it
  await expect(consolePanel(page)).toContainText('put 2');
  await expect(question.getByRole('button', { name: 'Try again' })).toHaveCount(0);
  await page.screenshot({ path: `${SCREENS}/32-question-wrong.png` });

  // Another visit (answers last a visit): right at once.
  await page.reload();
  await expectStep(page, at);
  await question.getByRole('button', { name: 'put 2', exact: true }).click();
  await expect(feedback).toContainText('Right.');
  await expectStep(page, proof);
  await expect(question.getByRole('button', { name: 'put 2', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await page.screenshot({ path: `${SCREENS}/33-question-right.png` });

  // A question with lines to put in order (lesson 3, step 2): moved with buttons, then checked.
  await page.goto('/#/lessons/await-hands-control-back/2');
  const order = page.getByRole('region', { name: 'Put the output in order' });
  const lines = order.getByRole('list', { name: 'Your order' }).getByRole('listitem');
  // The lesson's traces load with it: the lines come from its run.
  await expect(lines.first()).toBeVisible();
  const before = await lines.allInnerTexts();
  expect(before.length).toBeGreaterThan(1);
  await order.getByRole('button', { name: 'Check the order' }).click();
  // The author lists them scrambled, so the order as shown is wrong.
  await expect(order.getByRole('status', { name: 'Answer feedback' })).toContainText('Not quite');
  await expect(order.getByRole('list', { name: 'The run’s order' })).toHaveCount(0);
  await order.getByRole('button', { name: 'Show answer' }).click();
  await expect(order.getByRole('list', { name: 'The run’s order' })).toBeVisible();
  await order.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENS}/33-question-order.png` });
});

test('wrong, then right on the second try; or wrong, then "Show answer"', async ({ page }) => {
  await page.goto('/#/lessons/queues/1');
  const question = page.getByRole('region', { name: 'Predict: what prints next?' });
  const feedback = question.getByRole('status', { name: 'Answer feedback' });
  const at = answers['s1-q1']?.at as number;
  const proof = answers['s1-q1']?.proof as number;
  await expectStep(page, at);

  await question.getByRole('button', { name: 'got 2', exact: true }).click();
  await expect(feedback).toContainText('Not quite. Here is a hint');
  await question.getByRole('button', { name: 'Try again' }).click();
  await question.getByRole('button', { name: 'put 2', exact: true }).click();
  // Right on the second try: said so, and the run moves to the moment that proves it.
  await expect(feedback).toContainText('Right.');
  await expect(feedback).not.toContainText('Not quite');
  await expectStep(page, proof);

  // Another visit: a first wrong answer, then the learner asks for the answer.
  await page.reload();
  await expectStep(page, at);
  await question.getByRole('button', { name: 'got 2', exact: true }).click();
  await expect(feedback).toContainText('Not quite. Here is a hint');
  await question.getByRole('button', { name: 'Show answer' }).click();
  await expect(feedback).toContainText('the answer is “put 2”');
  await expect(question.getByRole('button', { name: 'Try again' })).toHaveCount(0);
});

test('fail an exercise, then pass it; hints one at a time; reset', async ({ page }) => {
  await page.goto('/#/lessons/queues/5');
  await expect(stepHeading(page)).toHaveText('Exercise: a pool of four');
  // The last step offers the next lesson where Next step was.
  await expect(page.getByRole('link', { name: 'Next lesson' })).toHaveAttribute(
    'href',
    '#/lessons/async-libraries/1',
  );
  const exercise = page.getByRole('region', { name: /^Exercise( solved)?$/ });
  const results = exercise.getByRole('status', { name: 'Check results' });
  const checks = exercise.getByRole('list', { name: 'Checks' });
  await expect(checks.getByRole('listitem')).toHaveCount(6);
  const starter = programSource('s5-starter');

  // The starter, as it is: one worker takes eight seconds.
  await button(page, 'Check my program').click();
  await expect(results).toHaveText('2 of 6 checks fail on your last run.', { timeout: 150_000 });
  const timeCheck = checks.getByRole('listitem').filter({ hasText: 'at most 2.0 s' });
  await expect(timeCheck).toContainText('Failed:');
  await expect(timeCheck).toContainText(
    'The run takes 8.0 s of virtual time; the goal is at most 2.0 s.',
  );
  await expect(checks.getByRole('listitem').filter({ hasText: 'fetched page8' })).toContainText(
    'Passed:',
  );
  await page.screenshot({ path: `${SCREENS}/34-exercise-failing.png` });

  // Hints come one at a time.
  await button(page, 'Show hint').click();
  const hints = exercise.getByRole('list', { name: 'Hints' }).getByRole('listitem');
  await expect(hints).toHaveCount(1);
  await expect(hints.first()).toContainText('Create four worker tasks in a loop');
  await button(page, 'Show hint').click();
  await expect(hints).toHaveCount(2);

  // The learner's own fix: four workers, one None each.
  const fixed = starter.replace(
    '    queue.put_nowait(None)\n    await asyncio.create_task(worker("worker-1", queue), name="worker-1")\n',
    '    workers = [asyncio.create_task(worker(f"worker-{i}", queue), name=f"worker-{i}") for i in range(1, 5)]\n    for _ in workers:\n        queue.put_nowait(None)\n    await asyncio.gather(*workers)\n',
  );
  expect(fixed).not.toBe(starter);
  await setProgram(page, fixed);
  await expect(results).toContainText('You have changed the program since');
  await button(page, 'Check my program').click();
  await expect(results).toHaveText('All 6 checks pass. Well done: the exercise is solved.', {
    timeout: 90_000,
  });
  await expect(exercise.getByRole('heading', { name: /Exercise/ })).toContainText('solved');
  await page.screenshot({ path: `${SCREENS}/35-exercise-passing.png` });

  // The solution can be revealed; Reset puts the starter back and forgets the checks.
  await button(page, 'Show solution').click();
  await expect(exercise.getByRole('region', { name: 'Solution' })).toContainText(
    'asyncio.gather(*workers)',
  );
  await button(page, 'Reset exercise').click();
  await expect(results).toHaveText('');
  await expect(exercise.getByRole('list', { name: 'Hints' })).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: 'Program' })).toBeAttached();
  await expect(stepCounter(page)).toBeVisible();

  // The pass is kept in the lesson list.
  await page.goto('/#/lessons');
  await expect(
    page.getByRole('list', { name: 'Lessons' }).getByRole('listitem').filter({ hasText: 'Queues' }),
  ).toContainText('1 of 1 exercise passed');
});

test('a deadlocked exercise run fails its time check, saying the run never finished', async ({
  page,
}) => {
  await page.goto('/#/lessons/futures/4');
  const exercise = page.getByRole('region', { name: /^Exercise( solved)?$/ });
  const checks = exercise.getByRole('list', { name: 'Checks' });
  await button(page, 'Check my program').click();
  await expect(exercise.getByRole('status', { name: 'Check results' })).toHaveText(
    '3 of 4 checks fail on your last run.',
    { timeout: 150_000 },
  );
  // The starter waits forever: it "takes" 0 s only because the lab stopped it.
  const time = checks.getByRole('listitem').filter({ hasText: 'at most 1.0 s' });
  await expect(time).toContainText('Failed:');
  await expect(time).toContainText('The run did not finish (it stopped in a deadlock at 0.0 s');
  const ends = checks.getByRole('listitem').filter({ hasText: 'runs to the end' });
  await expect(ends).toContainText('Task-1 (main) at line 7, waiting for future fut — pending');
  // The console's coach quotes the deadlock sentence as the lab's: CPython would say nothing.
  const coachNotes = page.getByRole('complementary', { name: 'Coach' });
  await expect(coachNotes.getByText('Event Loop Lab says', { exact: true })).toBeVisible();
  await expect(coachNotes).toContainText('Deadlock at 0.0 s');
  await expect(coachNotes.getByText('Python says', { exact: true })).toHaveCount(0);
  await exercise.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENS}/34-exercise-deadlock.png` });
});

test('presenter notes are hidden from learners and shown with ?presenter', async ({ page }) => {
  await page.goto('/#/lessons/queues/1');
  await expect(stepHeading(page)).toHaveText('Producer and consumer');
  await expect(page.getByRole('complementary', { name: 'Presenter notes' })).toHaveCount(0);
  await page.goto('/#/lessons/queues/1?presenter');
  const notes = page.getByRole('complementary', { name: 'Presenter notes' });
  await expect(notes).toContainText('The consumer does not poll');
  await button(page, 'Next step').click();
  await expect(page).toHaveURL(/#\/lessons\/queues\/2\?presenter$/);
  await expect(notes).toContainText('The pool size is the concurrency limit');
});

test('a lesson step on a projector and on a small laptop', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('/#/lessons/queues/2?presenter');
  await expect(stepHeading(page)).toHaveText('A pool of four workers');
  await expectStep(page, moment('s2-program', 'first suspend of worker-4'));
  await page.screenshot({ path: `${SCREENS}/36-lesson-projector-1920x1080.png` });
  await page.setViewportSize({ width: 1024, height: 768 });
  await expect(button(page, 'Next step')).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/36-lesson-narrow-1024x768.png` });
});

test('a link to a lesson that does not exist says so', async ({ page }) => {
  await page.goto('/#/lessons/no-such-lesson/1');
  await expect(page.getByText('There is no lesson named')).toBeVisible();
  await page.getByRole('link', { name: 'See all lessons' }).click();
  await expect(page.getByRole('list', { name: 'Lessons' }).getByRole('listitem')).toHaveCount(12);
});
