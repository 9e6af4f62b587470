/**
 * The header with, under it, what was wrong with the link the page was opened from (damaged,
 * oversized): one sentence, until the learner dismisses it. Nothing was opened from such a link.
 */
import { type ReactNode, useState } from 'react';

export function LinkNotice({ problem, children }: { problem: string | null; children: ReactNode }) {
  const [shown, setShown] = useState(problem !== null);
  if (!shown || problem === null) return children;
  return (
    <>
      {children}
      <div className="link-notice" role="alert">
        <p>{problem}</p>
        <button type="button" className="button button--quiet" onClick={() => setShown(false)}>
          Dismiss
        </button>
      </div>
    </>
  );
}
