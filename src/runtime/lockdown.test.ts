import { describe, expect, it } from 'vitest';
import { lockDown } from './lockdown.ts';

/** A global scope shaped like a browser worker's: most APIs live on prototypes. */
function fakeWorkerScope() {
  class WorkerGlobalScope {
    importScripts() {}
    fetch() {
      return 'fetched';
    }
    get indexedDB() {
      return { open: () => 'db' };
    }
    get caches() {
      return {};
    }
  }
  class DedicatedWorkerGlobalScope extends WorkerGlobalScope {
    postMessage() {}
  }
  class WorkerNavigator {
    get storage() {
      return { getDirectory: () => 'opfs' };
    }
    get userAgent() {
      return 'test';
    }
  }
  const scope = new DedicatedWorkerGlobalScope() as unknown as Record<string, unknown>;
  Object.assign(scope, {
    XMLHttpRequest: class {},
    WebSocket: class {},
    EventSource: class {},
    navigator: new WorkerNavigator(),
    Math,
  });
  return { scope, WorkerGlobalScope };
}

describe('lockDown', () => {
  it('removes network and storage from the scope and from every prototype', () => {
    const { scope, WorkerGlobalScope } = fakeWorkerScope();
    const removed = lockDown(scope);
    for (const name of [
      'fetch',
      'XMLHttpRequest',
      'WebSocket',
      'EventSource',
      'indexedDB',
      'caches',
      'importScripts',
      'postMessage',
    ]) {
      expect(scope[name], name).toBeUndefined();
      expect(removed).toContain(name);
    }
    // Not reachable through the prototype either (what `js.Object.getPrototypeOf(js)` would give).
    expect(Object.getOwnPropertyDescriptor(WorkerGlobalScope.prototype, 'fetch')).toBeUndefined();
    // Cannot be put back.
    expect(() => {
      scope.fetch = () => 'again';
    }).toThrow();
    const navigator = scope.navigator as Record<string, unknown>;
    expect(navigator.storage).toBeUndefined();
    expect(navigator.userAgent).toBe('test');
    expect(removed).toContain('navigator.storage');
    expect(scope.Math).toBe(Math);
  });
});
