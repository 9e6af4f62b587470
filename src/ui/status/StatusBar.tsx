/**
 * The status bar: where the replay is (step n of N, virtual time), how the run went (loading,
 * running with its progress, completed, the limit that stopped it, the exception it raised), all
 * in words. The run status is a polite live region; the step counter is not (the narration
 * already says what each step does).
 */
export type RunTone = 'busy' | 'ok' | 'error' | 'limit' | 'idle';

export interface StatusBarProps {
  stepText: string;
  timeText: string;
  runText: string;
  tone: RunTone;
  progress: { value: number; max: number; text: string } | null;
  /** The editor's program is not the one whose run is shown. */
  stale: boolean;
  /** The coach's first sentence on the run (what went wrong, in the program's terms), if any. */
  coachText?: string;
}

/** Step limits above this get an indeterminate progress bar. */
const INDETERMINATE_ABOVE = 10_000_000;

const TONE_WORD: Record<RunTone, string> = {
  busy: '…',
  ok: '✓',
  error: '✕',
  limit: '■',
  idle: '○',
};

export function StatusBar({
  stepText,
  timeText,
  runText,
  tone,
  progress,
  stale,
  coachText,
}: StatusBarProps) {
  return (
    <div className="status-bar">
      <span className="status-bar__step">{stepText}</span>
      <span className="status-bar__time" title="Virtual time: the event loop's clock">
        <span className="status-bar__label">Time</span> {timeText}
      </span>
      <span className={`status-bar__run status-bar__run--${tone}`} title={runText}>
        <span className="status-bar__tone" aria-hidden="true">
          {TONE_WORD[tone]}
        </span>
        <span role="status" aria-label="Run status" aria-live="polite">
          {runText}
        </span>
      </span>
      {coachText && !stale && (
        <span className="status-bar__coach" title={coachText}>
          {coachText}
        </span>
      )}
      {progress && (
        // Against the step limit while that says something; a limit raised far beyond any
        // real run would leave the bar empty, so then it only shows that work goes on.
        <progress
          className="status-bar__progress"
          aria-label="Run progress"
          aria-valuetext={progress.text}
          value={progress.max <= INDETERMINATE_ABOVE ? progress.value : undefined}
          max={progress.max}
        />
      )}
      {stale && (
        <span className="status-bar__stale">
          The program has changed since this run: Run it again to see the new one.
        </span>
      )}
    </div>
  );
}
