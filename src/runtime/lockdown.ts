/**
 * Takes the network and storage away from the worker once Pyodide has loaded, so that a program
 * cannot reach them even through `import js` / `sys.modules['js']` (which is the worker's global
 * object). Browsers define most of these on prototypes (`WorkerGlobalScope.prototype.fetch`), so
 * removing the global's own property is not enough: every level of the prototype chain is
 * cleared, then the name is pinned to `undefined` on the object itself.
 *
 * This is defence in depth: the response header Content-Security-Policy (see vite.config.ts)
 * also limits what the worker may load or connect to.
 */

/** Globals that reach the network, storage, other threads or the page. */
export const BLOCKED_GLOBALS = [
  'fetch',
  'XMLHttpRequest',
  'WebSocket',
  'WebSocketStream',
  'WebTransport',
  'EventSource',
  'indexedDB',
  'caches',
  'importScripts',
  'Worker',
  'SharedWorker',
  'BroadcastChannel',
  'FontFace',
  'fonts',
  'postMessage',
] as const;

/** Parts of `navigator` that reach storage (OPFS via `storage.getDirectory`) or locks. */
export const BLOCKED_NAVIGATOR = ['storage', 'locks', 'serviceWorker'] as const;

/** Removes `names` from `target` and every prototype above it; returns what was removed. */
export function removeEverywhere(target: object, names: readonly string[]): string[] {
  const removed = new Set<string>();
  for (const name of names) {
    for (let o: object | null = target; o && o !== Object.prototype; o = Object.getPrototypeOf(o)) {
      const desc = Object.getOwnPropertyDescriptor(o, name);
      if (!desc) continue;
      if (desc.configurable && Reflect.deleteProperty(o, name)) removed.add(name);
      else if (desc.writable) {
        (o as Record<string, unknown>)[name] = undefined;
        removed.add(name);
      }
    }
    try {
      Object.defineProperty(target, name, {
        value: undefined,
        writable: false,
        configurable: false,
        enumerable: false,
      });
    } catch {
      // Already pinned, or the host refuses; the deletion above is what matters.
    }
  }
  return [...removed];
}

/** Locks the worker's global scope down. Call after Pyodide has fetched everything it needs. */
export function lockDown(scope: object = globalThis): string[] {
  const navigator = (scope as { navigator?: object }).navigator;
  const removed = navigator ? removeEverywhere(navigator, BLOCKED_NAVIGATOR) : [];
  return [...removeEverywhere(scope, BLOCKED_GLOBALS), ...removed.map((n) => `navigator.${n}`)];
}
