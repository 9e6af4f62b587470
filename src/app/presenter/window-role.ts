/**
 * What this browser window is, decided once when the page loads: the app itself, the presenter's
 * speaker window (a mirror that never runs Python: the audience window sends it the run), or an
 * embed in someone's page (which must not overwrite the visitor's own saved program).
 */
import type { RuntimeStatus } from '../../runtime/client.ts';
import type { Runner } from '../../store/index.ts';

export type WindowRole = 'app' | 'speaker' | 'embed';

export function windowRole(hash: string): WindowRole {
  if (/^#\/+speaker(?:[/?]|$)/.test(hash)) return 'speaker';
  if (/^#\/+embed(?:[/?]|$)/.test(hash)) return 'embed';
  return 'app';
}

/** The speaker window's runner: Python never loads there (the audience window runs programs). */
export function mirrorRunner(): Runner {
  const status: RuntimeStatus = {
    state: 'failed',
    message: 'The speaker window shows the audience window’s run.',
  };
  return {
    run: () => Promise.reject(new Error('The speaker window does not run programs.')),
    stop() {},
    getStatus: () => status,
    subscribe: () => () => {},
  };
}
