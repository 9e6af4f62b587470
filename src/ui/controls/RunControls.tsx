/**
 * Run and Stop (the program), Reset (the editor) and Share (a link to what is open). Unavailable
 * buttons are aria-disabled rather than disabled, so they keep the keyboard focus.
 */
import { icons } from './icons.tsx';

export interface RunControlsProps {
  running: boolean;
  /** Python is still loading: Run queues the run until it is ready. */
  loading: boolean;
  canReset: boolean;
  onRun(): void;
  onStop(): void;
  onReset(): void;
  onShare(): void;
  /** Says what Share did ("Link copied"), shown briefly next to it. */
  shareNote: string | null;
}

export const isMac =
  typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform ?? '');

export function RunControls({
  running,
  loading,
  canReset,
  onRun,
  onStop,
  onReset,
  onShare,
  shareNote,
}: RunControlsProps) {
  return (
    <div className="run-controls">
      <button
        type="button"
        className="button button--primary"
        onClick={running ? undefined : onRun}
        aria-disabled={running || undefined}
        aria-keyshortcuts={isMac ? 'Meta+Enter' : 'Control+Enter'}
        title={`Run the program (${isMac ? '⌘ Enter' : 'Ctrl+Enter'})${loading ? ' — it starts as soon as Python has loaded' : ''}`}
      >
        {icons.run}
        <span>Run</span>
      </button>
      <button
        type="button"
        className="button"
        onClick={running ? onStop : undefined}
        aria-disabled={!running || undefined}
        title="Stop the program (what it did so far is kept)"
      >
        {icons.stop}
        <span>Stop</span>
      </button>
      <span className="run-controls__gap" />
      <button
        type="button"
        className="button button--quiet"
        onClick={canReset ? onReset : undefined}
        aria-disabled={!canReset || undefined}
        title="Put the original program back in the editor"
      >
        {icons.reset}
        <span>Reset</span>
      </button>
      <button
        type="button"
        className="button button--quiet"
        onClick={onShare}
        title="Copy a link that opens this program at this step"
      >
        {icons.share}
        <span>Share</span>
      </button>
      <span className="run-controls__note" role="status" aria-label="Share">
        {shareNote}
      </span>
    </div>
  );
}
