/**
 * One plain sentence for the current step, big enough to read from the back of a classroom, and
 * announced to screen readers through a polite live region. While playing, announcements are
 * paused (a sentence every 20 ms would drown the reader); the sentence where playing stops is
 * announced.
 */
import type { TaskId } from '../../trace/index.ts';
import { TaskChip } from '../simulator/TaskChip.tsx';

export interface NarrationBarProps {
  /** The sentence, or a hint when there is nothing to narrate yet. */
  text: string;
  /** The task holding control, shown beside the sentence (null: the event loop). */
  holder: TaskId | null;
  playing: boolean;
  /** False before the first run: no chip for who holds control. */
  started: boolean;
}

export function NarrationBar({ text, holder, playing, started }: NarrationBarProps) {
  return (
    <section className="narration" aria-label="Narration">
      <div className="narration__who" aria-hidden="true">
        {started &&
          (holder === null ? (
            <span className="narration__loop">∞</span>
          ) : (
            <TaskChip task={holder} size="large" />
          ))}
      </div>
      {/* Two lines at most, so the panes never move; the title has a longer sentence whole. */}
      <p
        className="narration__text"
        aria-live={playing ? 'off' : 'polite'}
        aria-atomic="true"
        title={text}
      >
        {text}
      </p>
    </section>
  );
}
