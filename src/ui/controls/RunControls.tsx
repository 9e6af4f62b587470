/**
 * Run and Stop (the program), Reset (the editor) and Share (a link to what is open). Unavailable
 * buttons are aria-disabled rather than disabled, so they keep the keyboard focus.
 */
import type { ReactNode } from 'react';
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

/** A labelled button; unavailable ones stay focusable (aria-disabled) and do nothing. */
interface ActionProps {
  icon: ReactNode;
  label: string;
  className: string;
  title: string;
  keys?: string;
  available?: boolean;
  onClick(): void;
}

function ActionButton({
  icon,
  label,
  className,
  title,
  keys,
  available = true,
  onClick,
}: ActionProps) {
  return (
    <button
      type="button"
      className={className}
      onClick={available ? onClick : undefined}
      aria-disabled={!available || undefined}
      aria-keyshortcuts={keys}
      title={title}
    >
      {icon}
      <span>{label}</span>
    </button>
  );
}

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
  // The program's buttons, then (after a gap) the editor's and the page's.
  const program: ActionProps[] = [
    {
      icon: icons.run,
      label: 'Run',
      className: 'button button--primary',
      keys: isMac ? 'Meta+Enter' : 'Control+Enter',
      title: `Run the program (${isMac ? '⌘ Enter' : 'Ctrl+Enter'})${loading ? ' — it starts as soon as Python has loaded' : ''}`,
      available: !running,
      onClick: onRun,
    },
    {
      icon: icons.stop,
      label: 'Stop',
      className: 'button',
      title: 'Stop the program (what it did so far is kept)',
      available: running,
      onClick: onStop,
    },
  ];
  const page: ActionProps[] = [
    {
      icon: icons.reset,
      label: 'Reset',
      className: 'button button--quiet',
      title: 'Put the original program back in the editor',
      available: canReset,
      onClick: onReset,
    },
    {
      icon: icons.share,
      label: 'Share',
      className: 'button button--quiet',
      title: 'Copy a link that opens this program at this step',
      onClick: onShare,
    },
  ];
  return (
    <div className="run-controls">
      {program.map((b) => (
        <ActionButton key={b.label} {...b} />
      ))}
      <span className="run-controls__gap" />
      {page.map((b) => (
        <ActionButton key={b.label} {...b} />
      ))}
      <span className="run-controls__note" role="status" aria-label="Share">
        {shareNote}
      </span>
    </div>
  );
}
