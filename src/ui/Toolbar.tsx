/** Run and Stop, and the status line that says in one sentence what the runtime is doing. */
export interface ToolbarProps {
  running: boolean;
  status: string;
  onRun: () => void;
  onStop: () => void;
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export function Toolbar({ running, status, onRun, onStop }: ToolbarProps) {
  return (
    <div className="toolbar">
      <button
        type="button"
        className="button button--primary"
        onClick={onRun}
        disabled={running}
        aria-keyshortcuts={isMac ? 'Meta+Enter' : 'Control+Enter'}
        title={isMac ? 'Run (⌘ Enter)' : 'Run (Ctrl+Enter)'}
      >
        Run
      </button>
      <button type="button" className="button" onClick={onStop} disabled={!running}>
        Stop
      </button>
      <p role="status" className="status" aria-live="polite">
        {status}
      </p>
    </div>
  );
}
