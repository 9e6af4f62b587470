/**
 * The header's "Available offline" indicator, and the notice of a new version (waiting for the
 * next load, or just applied).
 */
import { useState, useSyncExternalStore } from 'react';
import { offlineStatus } from './register.ts';

export function OfflineBadge() {
  const { offline } = useSyncExternalStore(offlineStatus.subscribe, offlineStatus.get);
  if (offline === 'unsupported') return null;
  return (
    <output
      className={`offline-badge offline-badge--${offline}`}
      aria-label="Offline availability"
      title={
        offline === 'ready'
          ? 'Everything this site needs (Python included) is kept in the browser: it works with the network off.'
          : 'Keeping a copy of the site and of Python for offline use…'
      }
    >
      {offline === 'ready' ? 'Available offline' : 'Saving for offline…'}
    </output>
  );
}

export function UpdateNotice() {
  const { update } = useSyncExternalStore(offlineStatus.subscribe, offlineStatus.get);
  const [dismissed, setDismissed] = useState(false);
  if (update === 'none' || dismissed) return null;
  return (
    <div className="update-notice" role="status">
      {update === 'waiting' ? (
        <>
          <p>
            A new version of Event Loop Lab is ready. It applies the next time you open the page.
          </p>
          <button type="button" className="button" onClick={offlineStatus.applyNow}>
            Reload now
          </button>
        </>
      ) : (
        <p>Event Loop Lab was updated to its newest version.</p>
      )}
      <button type="button" className="button button--quiet" onClick={() => setDismissed(true)}>
        Dismiss
      </button>
    </div>
  );
}
