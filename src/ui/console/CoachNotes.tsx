/**
 * The coach beside the console: for each problem the run showed, CPython's own message (kept
 * exactly, as code, labelled as Python's) or, when the lab stopped the run, the lab's sentence
 * (labelled as the lab's, in plain text); what it means for this program, the fix, the lines, and
 * the lesson step that covers it. The advice comes from `coach(trace)` (src/trace/coach.ts); this only draws it.
 */
import type { Advice } from '../../trace/index.ts';
import './coach.css';

export interface CoachNotesProps {
  advice: readonly Advice[];
  /** Go to a program line (the editor shows it). */
  onLine?(line: number): void;
  /** Go to the moment of the run the advice is about. */
  onSeek?(step: number): void;
}

/** `a \`b\` c` → text and <code> parts. */
function Rich({ text }: { text: string }) {
  return (
    <>
      {text.split(/(`[^`]*`)/).map((part, i) =>
        i % 2 === 1 ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts of a fixed sentence
          <code key={i}>{part.slice(1, -1)}</code>
        ) : (
          part
        ),
      )}
    </>
  );
}

export function CoachNotes({ advice, onLine, onSeek }: CoachNotesProps) {
  if (advice.length === 0) return null;
  return (
    <aside className="coach" aria-label="Coach">
      <ul className="coach__list">
        {advice.map((a, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the list is rebuilt per trace
          <li key={i} className={`coach__item coach__item--${a.topic}`}>
            {a.cpython &&
              (a.by === 'lab' ? (
                // The lab's own sentence (a limit, a deadlock): never passed off as Python's.
                <p className="coach__lab">
                  <span className="coach__label">Event Loop Lab says</span> {a.cpython}
                </p>
              ) : (
                <p className="coach__cpython">
                  <span className="coach__label">Python says</span> <code>{a.cpython}</code>
                </p>
              ))}
            <p className="coach__explanation">
              <span className="coach__label">What it means</span> <Rich text={a.explanation} />
            </p>
            <p className="coach__fix">
              <span className="coach__label">Fix</span> <Rich text={a.fix} />
            </p>
            {(a.lines.length > 0 || a.lesson || a.step !== null) && (
              <p className="coach__links">
                {a.lines.map((line) =>
                  onLine ? (
                    <button
                      key={line}
                      type="button"
                      className="coach__line"
                      onClick={() => onLine(line)}
                    >
                      Line {line}
                    </button>
                  ) : (
                    <span key={line} className="coach__where">
                      Line {line}
                    </span>
                  ),
                )}
                {a.step !== null && onSeek && (
                  <button
                    type="button"
                    className="coach__line"
                    onClick={() => onSeek(a.step as number)}
                  >
                    Go to step {a.step}
                  </button>
                )}
                {a.lesson && (
                  <a className="coach__lesson" href={a.lesson.href}>
                    Lesson: {a.lesson.title}
                  </a>
                )}
              </p>
            )}
          </li>
        ))}
      </ul>
    </aside>
  );
}
