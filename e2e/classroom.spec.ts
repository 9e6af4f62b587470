/**
 * An instructor teaches from one laptop and a projector: presenter mode driven only by the
 * keyboard (or a clicker), a speaker window with notes kept in sync, a follow-along link for the
 * students, embeds in other pages, exports for slides, and the whole thing with the network off.
 */
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { DEFAULT } from './default-program.ts';
import {
  button,
  encodeProgram,
  expectStep,
  focusPage,
  press,
  SCREENS,
  status,
  stepCounter,
  stepSlider,
} from './helpers.ts';

// The README's presenter images are retaken only when asked (UPDATE_DOCS_IMAGES=1): an ordinary
// run must not leave the tree dirty with pixels that differ only in anti-aliasing.
const DOCS_IMAGES = process.env.UPDATE_DOCS_IMAGES ? 'docs/images' : SCREENS;
// Several pages (audience, speaker, student, iframe) each load Python: allow for a busy machine.
test.describe.configure({ timeout: 360_000 });
const LOAD = { timeout: 240_000 };

async function runByKeyboard(page: Page): Promise<void> {
  await expect(status(page)).toHaveText(/^Python 3\.14\.\d+ ready$/, LOAD);
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(status(page)).toHaveText(/^Completed in [\d,]+ steps \(0–[\d,]+\)$/, LOAD);
  await focusPage(page);
}

const zoomLevel = (page: Page) => page.getByRole('status', { name: 'Zoom level' });

test('presenter mode is driven by the keyboard alone, as a clicker drives it', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/#/playground');
  await runByKeyboard(page);

  await page.keyboard.press('p');
  await expect(button(page, 'Exit presenter mode')).toBeVisible();
  await expect(zoomLevel(page)).toHaveText('150 %');

  // A clicker's PageDown / PageUp move one handoff at a time.
  await page.keyboard.press('PageDown');
  await expectStep(page, DEFAULT.handoffs[0]);
  await press(page, 'PageDown', 2);
  await expectStep(page, DEFAULT.handoffs[2]);
  await page.keyboard.press('PageUp');
  await expectStep(page, DEFAULT.handoffs[1]);

  // Zoom steps: code and picture grow together.
  await page.keyboard.press('-');
  await page.keyboard.press('-');
  await expect(zoomLevel(page)).toHaveText('100 %');
  await press(page, 'PageDown', 3);
  await settled(page);
  await page.screenshot({ path: `${SCREENS}/60-presenter-1280x720-100.png` });
  await page.screenshot({ path: `${DOCS_IMAGES}/presenter-1280x720.png` });
  await page.keyboard.press('+');
  await page.keyboard.press('+');
  await expect(zoomLevel(page)).toHaveText('150 %');
  await settled(page);
  await page.screenshot({ path: `${SCREENS}/61-presenter-1280x720-150.png` });
  await page.screenshot({ path: `${DOCS_IMAGES}/presenter-1280x720-zoom-150.png` });

  // B blanks the screen; any key brings the picture back and does nothing else.
  const step = await stepCounter(page).textContent();
  await page.keyboard.press('b');
  await expect(page.getByRole('img', { name: /^Blank screen/ })).toBeVisible();
  await page.keyboard.press('PageDown');
  await expect(page.getByRole('img', { name: /^Blank screen/ })).toHaveCount(0);
  await expect(stepCounter(page)).toHaveText(step ?? '');

  await page.keyboard.press('p');
  await expect(button(page, 'Presenter mode')).toBeVisible();
});

test('the speaker window stays in sync both ways, and either can close', async ({
  page,
  context,
}) => {
  await page.goto('/#/lessons/queues/1');
  await expect(stepCounter(page)).toBeVisible();
  await focusPage(page);
  await page.keyboard.press('p');
  await expect(button(page, 'Exit presenter mode')).toBeVisible();

  const [speaker] = await Promise.all([
    context.waitForEvent('page'),
    button(page, 'Speaker window').click(),
  ]);
  await expect(speaker.getByRole('status')).toHaveText('In sync with the audience window');
  // Asked for again, the speaker window comes forward: no second window opens.
  const windows = context.pages().length;
  await page.getByRole('button', { name: /^Speaker window/ }).click();
  await page.waitForTimeout(1000);
  expect(context.pages()).toHaveLength(windows);
  await expect(speaker.getByRole('region', { name: 'Presenter notes' })).toContainText(
    'The consumer does not poll',
  );
  // The elapsed time ticks, once a second, from when presenting began.
  const timer = speaker.getByRole('timer');
  await expect(timer).toHaveText(/^\d+:\d\d$/);
  const seconds = async () => {
    const [m, sec] = ((await timer.textContent()) ?? '0:00').split(':').map(Number);
    return (m ?? 0) * 60 + (sec ?? 0);
  };
  const started = await seconds();
  await expect.poll(seconds, { timeout: 10_000 }).toBeGreaterThanOrEqual(started + 2);
  await speaker.getByRole('button', { name: 'Restart clock' }).click();
  await expect.poll(seconds).toBeLessThanOrEqual(1);
  const now = speaker.getByRole('region', { name: 'Now on screen' });
  const audienceStep = async () => (await stepCounter(page).textContent())?.split(' of')[0] ?? '';
  await expect(now).toContainText(`${await audienceStep()} of`);
  await expect(speaker.getByRole('region', { name: 'Next handoff' })).toContainText(/Step \d+/);

  // The audience window drives the speaker window…
  await page.keyboard.press('PageDown');
  await expect(now).toContainText(`${await audienceStep()} of`);
  // …and the speaker window drives the audience window (its buttons and its clicker keys).
  const before = await audienceStep();
  await speaker.getByRole('button', { name: 'Forward' }).click();
  await expect.poll(audienceStep).not.toBe(before);
  await expect(now).toContainText(`${await audienceStep()} of`);
  await speaker.keyboard.press('b');
  await expect(page.getByRole('img', { name: /^Blank screen/ })).toBeVisible();
  await page.keyboard.press('x');
  await expect(speaker.getByRole('button', { name: 'Blank the audience screen' })).toHaveAttribute(
    'aria-pressed',
    'false',
  );
  // The next lesson step from the speaker window: the audience goes there, notes follow.
  await speaker.getByRole('button', { name: 'Next lesson step' }).click();
  await expect(page).toHaveURL(/#\/lessons\/queues\/2$/);
  await expect(speaker.getByRole('region', { name: 'Presenter notes' })).toContainText(
    'The pool size is the concurrency limit',
  );
  await speaker.screenshot({ path: `${SCREENS}/62-speaker-window.png` });
  await speaker.screenshot({ path: `${DOCS_IMAGES}/speaker-window.png` });

  // Closing the speaker window leaves the audience window working…
  await speaker.close();
  const alone = await audienceStep();
  await page.keyboard.press('PageDown');
  await expect.poll(audienceStep).not.toBe(alone);
  // …a new one catches up, even when its lessons (a chunk loaded lazily) arrive after the
  // audience's run: held back here, so the lesson loads last and must not show its own shipped
  // run (its opening step) over the audience's.
  const again = await context.newPage();
  let releaseLessons = () => {};
  const lessonsHeld = new Promise<void>((resolve) => (releaseLessons = resolve));
  await again.route(/\/assets\/_virtual_lessons-[^/]*\.js$/, async (route) => {
    await lessonsHeld;
    await route.continue();
  });
  await again.goto('/#/speaker');
  await expect(again.getByRole('status')).toHaveText('In sync with the audience window');
  const againNow = again.getByRole('region', { name: 'Now on screen' });
  // The run is held until the speaker's own copy of the lesson step has loaded.
  await expect(againNow).toContainText('Waiting for the audience window’s run');
  const shown = await audienceStep();
  releaseLessons();
  await expect(again.getByRole('region', { name: 'Presenter notes' })).toContainText(
    'The pool size is the concurrency limit',
  );
  await expect(againNow).toContainText(`${shown} of`);
  expect(await audienceStep()).toBe(shown); // and the speaker sent no step of its own back
  await page.close();
  await expect(again.getByRole('status')).toHaveText(/not presenting/);
  const last = await againNow.getByText(/^Step /).textContent();
  await again.getByRole('button', { name: 'Forward' }).click();
  await expect(againNow.getByText(/^Step /)).not.toHaveText(last ?? '');
});

/** The text colour, the colour behind it (the nearest painted background) and their contrast. */
async function inkOf(page: Page, region: string) {
  return page.getByRole('region', { name: region }).evaluate((el) => {
    const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
    let back = el as Element | null;
    while (back && rgb(getComputedStyle(back).backgroundColor)[3] === 0) back = back.parentElement;
    const fg = rgb(getComputedStyle(el).color);
    const bg = rgb(back ? getComputedStyle(back).backgroundColor : 'rgb(255, 255, 255)');
    // WCAG relative luminance and contrast ratio.
    const lum = ([r, g, b]: number[]) =>
      [r, g, b]
        .map((v) => (v ?? 0) / 255)
        .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
        .reduce((sum, v, i) => sum + v * ([0.2126, 0.7152, 0.0722][i] ?? 0), 0);
    const [hi, lo] = [lum(fg), lum(bg)].sort((a, b) => b - a) as [number, number];
    const border = getComputedStyle(el);
    return {
      color: getComputedStyle(el).color,
      background: back ? getComputedStyle(back).backgroundColor : '',
      border: `${border.borderTopWidth} ${border.borderTopColor}`,
      contrast: (hi + 0.05) / (lo + 0.05),
    };
  });
}

test('high contrast: black on white with strong borders, toggled from the bar', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/#/playground');
  await expect(stepSlider(page)).toBeEnabled();
  await button(page, 'Presenter mode').click();
  // Presenting starts in high contrast (projectors wash out thin grey lines and dark themes).
  const toggle = button(page, 'High contrast');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  const contrast = {
    narration: await inkOf(page, 'Narration'),
    sim: await inkOf(page, 'Simulator'),
  };
  expect(contrast.narration.color).toBe('rgb(0, 0, 0)');
  expect(contrast.narration.contrast).toBeGreaterThanOrEqual(7); // WCAG AAA
  expect(contrast.sim.border).toBe('2px rgb(0, 0, 0)');
  // axe finds no text below its contrast threshold (Monaco's own theme is hc-light).
  const axe = await new AxeBuilder({ page })
    .withRules(['color-contrast'])
    .exclude('.monaco-editor')
    .analyze();
  expect(axe.violations.flatMap((v) => v.nodes.map((n) => n.target.join(' ')))).toEqual([]);
  await page.screenshot({ path: `${SCREENS}/65-high-contrast.png` });

  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  const normal = { narration: await inkOf(page, 'Narration'), sim: await inkOf(page, 'Simulator') };
  expect(normal.sim.border).not.toBe(contrast.sim.border);
  expect(normal.narration.contrast).toBeLessThan(contrast.narration.contrast);
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  expect(await inkOf(page, 'Simulator')).toEqual(contrast.sim);
});

const PROGRAM = `import asyncio


async def ping(n):
    for i in range(n):
        print("ping", i)
        await asyncio.sleep(0.5)


async def main():
    await asyncio.gather(ping(2), ping(3))


asyncio.run(main())
`;

test('follow along: the link and QR code open the same program at the same step', async ({
  page,
  context,
}) => {
  await page.goto(`/#/playground?code=${encodeProgram(PROGRAM)}`);
  await expect(status(page)).toHaveText(/^Completed in [\d,]+ steps \(0–[\d,]+\)$/, LOAD);
  await focusPage(page);
  await page.keyboard.press('p');
  await press(page, 'PageDown', 4);
  const shown = await stepCounter(page).textContent();
  await button(page, 'Follow along').click();
  const dialog = page.getByRole('dialog', { name: 'Follow along' });
  const qr = dialog.getByRole('img', { name: 'QR code of the follow-along link' });
  await expect(qr).toBeVisible();
  // The QR code is drawn in the page (an SVG data URL), not fetched from anywhere.
  expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
  const href = (await dialog.getByRole('link').getAttribute('href')) ?? '';
  expect(href).toContain('#/playground?code=');
  await page.screenshot({ path: `${SCREENS}/63-follow-along.png` });
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);

  const student = await context.newPage();
  await student.goto(href);
  await expect(status(student)).toHaveText(/^Completed in [\d,]+ steps \(0–[\d,]+\)$/, LOAD);
  await expect(stepCounter(student)).toHaveText(shown ?? '');
  await expect(student.getByRole('region', { name: 'main.py' })).toContainText(
    'async def ping(n):',
  );
});

test('an embed inside another page: the picture, the player bar and a way out', async ({
  page,
}) => {
  const code = encodeProgram(PROGRAM);
  await page.goto('/#/lessons'); // any page of ours, so the test page has our origin's base URL
  const base = new URL(page.url()).origin;
  await page.setContent(
    `<h1>A blog post</h1><iframe title="Event Loop Lab" width="900" height="560" src="${base}/#/embed?code=${code}&step=12&editor"></iframe>`,
  );
  const frame = page.frameLocator('iframe[title="Event Loop Lab"]');
  const slider = frame.getByRole('slider', { name: 'Step' });
  await expect(slider).toHaveAttribute('aria-valuetext', /^Step 12 of/, LOAD);
  await expect(frame.getByRole('region', { name: 'Simulator' })).toBeVisible();
  await expect(frame.getByRole('textbox', { name: 'Program' })).toBeAttached();
  // No app chrome: no sections menu, no Run / Share, no presenter mode.
  await expect(frame.getByRole('navigation', { name: 'Sections' })).toHaveCount(0);
  await expect(frame.getByRole('button', { name: 'Presenter mode' })).toHaveCount(0);
  const open = frame.getByRole('link', { name: 'Open in Event Loop Lab' });
  await expect(open).toHaveAttribute('href', new RegExp(`#/playground\\?code=${code}&step=12$`));
  await expect(open).toHaveAttribute('target', '_blank');
  await frame.getByRole('button', { name: 'Step forward' }).click();
  await expect(slider).toHaveAttribute('aria-valuetext', /^Step 13 of/);
  await page.screenshot({ path: `${SCREENS}/64-embed-in-iframe.png` });

  // The lesson-step variant shows the lesson's run without the editor.
  await page.setContent(
    `<iframe title="Lesson" width="800" height="480" src="${base}/#/embed/lessons/queues/2"></iframe>`,
  );
  const lesson = page.frameLocator('iframe[title="Lesson"]');
  await expect(lesson.getByRole('slider', { name: 'Step' })).toHaveAttribute(
    'aria-valuetext',
    /^Step \d+ of/,
  );
  await expect(lesson.getByRole('link', { name: 'Open in Event Loop Lab' })).toHaveAttribute(
    'href',
    /#\/lessons\/queues\/2$/,
  );
});

test('exports: the picture as SVG and PNG, the trace as JSON, the program as .py', async ({
  page,
}) => {
  await page.goto(`/#/playground?code=${encodeProgram(PROGRAM)}&step=20`);
  await expect(status(page)).toHaveText(/^Completed in [\d,]+ steps \(0–[\d,]+\)$/, LOAD);
  const exportAs = async (name: string) => {
    await page.getByText('Export', { exact: true }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('group', { name: 'Export' }).getByRole('button', { name }).click(),
    ]);
    return {
      name: download.suggestedFilename(),
      body: await readFile((await download.path()) ?? ''),
    };
  };

  const svg = await exportAs('Picture as SVG');
  expect(svg.name).toBe('main-step-21.svg');
  // A valid SVG document, which a browser draws as an image of the simulator's text.
  const parsed = await page.evaluate(async (text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const img = new Image();
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
    await img.decode();
    return {
      root: doc.documentElement.nodeName,
      errors: doc.getElementsByTagName('parsererror').length,
      text: doc.documentElement.textContent ?? '',
      width: img.naturalWidth,
    };
  }, svg.body.toString('utf8'));
  expect(parsed).toMatchObject({ root: 'svg', errors: 0 });
  expect(parsed.text).toContain('Control:');
  expect(parsed.width).toBeGreaterThan(300);

  const png = await exportAs('Picture as PNG');
  expect(png.name).toBe('main-step-21.png');
  expect([...png.body.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
  const pngSize = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    return { width: img.naturalWidth, height: img.naturalHeight };
  }, png.body.toString('base64'));
  expect(pngSize.width).toBeGreaterThan(600);
  expect(pngSize.height).toBeGreaterThan(300);

  const trace = await exportAs('Trace as JSON');
  expect(JSON.parse(trace.body.toString('utf8'))).toMatchObject({
    format: 'asyncio-trace',
    source: PROGRAM,
    status: 'completed',
  });
  const py = await exportAs('Program as .py');
  expect(py).toEqual({ name: 'main.py', body: Buffer.from(PROGRAM) });
});

test('a damaged or oversized link says so, and opens nothing from it', async ({ page }) => {
  await page.goto('/#/playground?code=%%%not-base64');
  // Monaco keeps empty alert regions of its own for screen readers: find ours by its words.
  const alert = (text: string) => page.getByRole('alert').filter({ hasText: text });
  await expect(alert('This link is damaged')).toBeVisible();
  await expect(page.getByRole('region', { name: 'main.py' })).toContainText('async def brew');
  await page.goto(`/#/embed?code=${'A'.repeat(70_000)}`);
  await page.reload();
  await expect(alert('This link is too long')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Simulator' })).toHaveCount(0);
});

test('the web app manifest makes it installable: a name, a start page, a display and icons', async ({
  page,
}) => {
  await page.goto('/#/lessons');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBeTruthy();
  const url = new URL(href ?? '', page.url());
  const response = await page.request.get(url.href);
  expect(response.ok()).toBe(true);
  const manifest = JSON.parse(await response.text());
  expect(manifest).toMatchObject({ name: 'Event Loop Lab', display: 'standalone' });
  expect(manifest.short_name.length).toBeLessThanOrEqual(15);
  // The start page is this site's, and opens the app.
  const start = new URL(manifest.start_url, url);
  expect(start.origin).toBe(url.origin);
  expect((await page.request.get(start.href)).ok()).toBe(true);
  // Chromium installs an app with a 192 px and a 512 px PNG icon; each one loads and is that size.
  const sizes: string[] = [];
  for (const icon of manifest.icons as { src: string; sizes: string; type: string }[]) {
    const src = new URL(icon.src, url).href;
    const drawn = await page.evaluate(async (at) => {
      const img = new Image();
      img.src = at;
      await img.decode();
      return `${img.naturalWidth}x${img.naturalHeight}`;
    }, src);
    if (icon.sizes !== 'any') expect(drawn, icon.src).toBe(icon.sizes);
    sizes.push(icon.sizes);
  }
  expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
});

test.describe('offline', () => {
  test.use({ serviceWorkers: 'allow' });

  test('after one visit the app loads and runs programs with the network off', async ({
    page,
    context,
  }) => {
    const foreign: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).hostname !== '127.0.0.1') foreign.push(request.url());
    });
    await page.goto('/#/playground');
    await expect(status(page)).toHaveText(/^Python 3\.14\.\d+ ready$/, LOAD);
    await expect(page.getByRole('status', { name: 'Offline availability' })).toHaveText(
      'Available offline',
      LOAD,
    );
    await context.setOffline(true);
    await page.reload();
    await expect(page.getByRole('status', { name: 'Offline availability' })).toHaveText(
      'Available offline',
    );
    await runByKeyboard(page);
    await expect(page.getByRole('region', { name: 'Console' })).toContainText('served:');
    await page.goto('/#/lessons/queues/1');
    await expect(page.getByRole('heading', { name: 'Producer and consumer' })).toBeVisible();
    await context.setOffline(false);
    expect(foreign).toEqual([]);
  });

  /**
   * Two versions without touching dist/: the visit installs an older service worker (dist/sw.js
   * with a byte more, served through the context's routes, which its first fetch goes through);
   * `deployNewVersion` removes the route, so the next update check (a fetch no route sees) finds
   * dist/sw.js as it is: a script that differs by a byte, as a new build's does.
   */
  async function installOlderVersion(context: BrowserContext): Promise<void> {
    await context.route(/\/sw\.js$/, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: `${await response.text()}\n// the older version\n` });
    });
  }

  async function deployNewVersion(context: BrowserContext): Promise<void> {
    await context.unrouteAll({ behavior: 'wait' });
  }

  async function findUpdate(page: Page): Promise<void> {
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration?.update();
    });
  }

  const controlled = (page: Page) =>
    page.evaluate(() => Boolean(navigator.serviceWorker.controller));

  /** The new version waits with its notice; Reload now loads the page again, in the new version. */
  async function applyByReloadNow(page: Page, shot: string): Promise<void> {
    const notice = page.getByRole('status').filter({ hasText: 'A new version' });
    await expect(notice).toContainText('applies the next time you open the page', LOAD);
    await page.screenshot({ path: `${SCREENS}/${shot}` });
    await notice.getByRole('button', { name: 'Reload now' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'was updated' })).toHaveText(
      /^Event Loop Lab was updated to its newest version\./,
      LOAD,
    );
    expect(await controlled(page)).toBe(true);
    await expect(page.getByRole('status', { name: 'Offline availability' })).toHaveText(
      'Available offline',
    );
    // Nothing waits any more: the version that controls the page is the newest.
    const pending = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return Boolean(registration?.waiting || registration?.installing);
    });
    expect(pending).toBe(false);
  }

  test('a new version waits with a notice, and applies on reload', async ({ page, context }) => {
    // A returning visitor: the page is one the service worker serves.
    await installOlderVersion(context);
    await page.goto('/#/playground');
    const badge = page.getByRole('status', { name: 'Offline availability' });
    await expect(badge).toHaveText('Available offline', LOAD);
    await page.reload();
    await expect(badge).toHaveText('Available offline', LOAD);
    expect(await controlled(page)).toBe(true);
    await deployNewVersion(context);
    await findUpdate(page);
    // The new version waits: nothing is swapped under the page, which says so.
    await applyByReloadNow(page, '66-update-waiting.png');
  });

  test('on a first visit too, Reload now loads the new version', async ({ page, context }) => {
    // The first visit's page loaded before any service worker: none controls it, so no
    // "controllerchange" will ever tell it that the new version took over.
    await installOlderVersion(context);
    await page.goto('/#/playground');
    const badge = page.getByRole('status', { name: 'Offline availability' });
    await expect(badge).toHaveText('Available offline', LOAD);
    expect(await controlled(page)).toBe(false);
    await deployNewVersion(context);
    await findUpdate(page);
    await applyByReloadNow(page, '67-update-waiting-first-visit.png');
  });
});

/**
 * The picture at rest, for a screenshot: the control token and the cards glide for up to about
 * half a second after a step or a zoom (and the wait arrows follow them).
 */
async function settled(page: Page): Promise<void> {
  await page.waitForTimeout(700);
}
