/**
 * The console: what the program printed, each line marked with the colour, shape and letter of
 * the task that printed it. Lines printed by the current step are shown normally (the newest one
 * highlighted); later output is greyed and labelled "not printed yet", so the console never
 * jumps while stepping. Clicking (or pressing Enter on) a line moves the cursor to the step that
 * printed it. stderr is red, and tracebacks keep the program's own frames bold while Python's
 * library frames are dimmed.
 *
 * The lines are one tab stop: the arrow keys move between them (a roving tabindex).
 */
import { type KeyboardEvent, memo, type RefObject, useEffect, useRef } from 'react';
import type { ConsoleLine, ConsoleSegment, ConsoleView } from '../../store/index.ts';
import { type Advice, formatCount, outputOriginText, type TaskId } from '../../trace/index.ts';
import { TaskChip } from '../simulator/TaskChip.tsx';
import { taskStyle } from '../task-style.ts';
import { CoachNotes } from './CoachNotes.tsx';

export interface ConsolePanelProps {
  /** Null before the first run. */
  view: ConsoleView | null;
  /** The step the cursor is at. */
  step: number;
  taskName(id: TaskId): string;
  onSeek(step: number): void;
  /** The coach's advice on the run (`coach(trace)`), shown above the output. */
  advice?: readonly Advice[];
  /**
   * Output may still come after this step (later lines are hidden, or the run is still going):
   * an empty console then says "Nothing printed yet." rather than that nothing was printed, and a
   * console with no run yet does not ask for a run that is already on its way.
   */
  moreToCome?: boolean;
}

function Segment({ segment }: { segment: ConsoleSegment }) {
  const cls = `console__seg console__seg--${segment.stream} console__seg--${segment.tone}`;
  return <span className={cls}>{segment.text}</span>;
}

/** A line re-renders only when its own state changes (printed, current, focusable). */
const Line = memo(function Line({
  line,
  later,
  current,
  focusable,
  taskName,
  onSeek,
}: {
  line: ConsoleLine;
  later: boolean;
  current: boolean;
  focusable: boolean;
  taskName(id: TaskId): string;
  onSeek(step: number): void;
}) {
  const first = line.segments[0] as ConsoleSegment;
  const task = first.task;
  const who = task === null ? null : taskName(task);
  const style = task === null ? undefined : taskStyle(task);
  const stderr = first.stream === 'stderr';
  return (
    <li
      className={[
        'console__line',
        later ? 'console__line--later' : 'console__line--printed',
        current ? 'console__line--current' : '',
        stderr ? 'console__line--stderr' : '',
      ].join(' ')}
      style={style ? { ['--task-color' as string]: style.color } : undefined}
      data-step={line.step}
    >
      <button
        type="button"
        className="console__button"
        tabIndex={focusable ? 0 : -1}
        data-line={line.index}
        title={`${outputOriginText(stderr, who, line.step)}. Click to go there.`}
        onClick={() => onSeek(line.lastStep)}
      >
        <span className="console__gutter">
          {task === null ? (
            <span className="console__nochip" aria-hidden="true" />
          ) : (
            <TaskChip task={task} />
          )}
        </span>
        <span className="console__text">
          {later && <span className="sr-only">Not printed yet: </span>}
          {line.segments.map((segment, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: segments of a line never reorder
            <Segment key={i} segment={segment} />
          ))}
          {first.text === '' && line.segments.length === 1 ? '\u00a0' : null}
        </span>
      </button>
    </li>
  );
});

/**
 * Keeps the newest printed line in view (and the first later one, when there is room) by
 * scrolling the console itself, never the page.
 */
function useScrollToCurrent(scroller: RefObject<HTMLDivElement | null>, view: ConsoleView | null) {
  // biome-ignore lint/correctness/useExhaustiveDependencies: scroller is a ref; view is the re-scroll signal
  useEffect(() => {
    const box = scroller.current;
    if (!box || !view) return;
    const target =
      box.querySelector<HTMLElement>('.console__line--current') ??
      box.querySelector<HTMLElement>('.console__line');
    if (!target) return;
    const inner = box.getBoundingClientRect();
    const line = target.getBoundingClientRect();
    if (line.top < inner.top) box.scrollTop += line.top - inner.top - 8;
    else if (line.bottom > inner.bottom) box.scrollTop += line.bottom - inner.bottom + 8;
  }, [view]);
}

/** The arrow keys move focus between the lines' buttons (a roving tabindex). */
function moveBetweenLines(event: KeyboardEvent<HTMLOListElement>, list: HTMLOListElement | null) {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const buttons = Array.from(list?.querySelectorAll<HTMLButtonElement>('.console__button') ?? []);
  const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
  if (at < 0) return;
  event.preventDefault();
  const next =
    buttons[Math.max(0, Math.min(buttons.length - 1, at + (event.key === 'ArrowDown' ? 1 : -1)))];
  if (!next) return;
  for (const b of buttons) b.tabIndex = b === next ? 0 : -1;
  next.focus();
}

export function ConsolePanel({
  view,
  step,
  taskName,
  onSeek,
  advice,
  moreToCome = false,
}: ConsolePanelProps) {
  const scroller = useRef<HTMLDivElement>(null);
  useScrollToCurrent(scroller, view);
  return (
    <section className="panel console" aria-label="Console">
      <h2 className="panel__title">
        Console
        {view && view.total > 0 && (
          <span className="panel__note">
            {' '}
            {formatCount(view.printed)} of {formatCount(view.total)} lines printed
          </span>
        )}
      </h2>
      {advice && <CoachNotes advice={advice} onSeek={onSeek} />}
      <div className="console__scroller" ref={scroller}>
        {!view ? (
          <p className="console__empty">
            {moreToCome
              ? 'What the program prints appears here as it runs.'
              : 'Run the program to see what it prints.'}
          </p>
        ) : view.total === 0 ? (
          <p className="console__empty">
            {moreToCome ? 'Nothing printed yet.' : 'The program printed nothing.'}
          </p>
        ) : (
          <ConsoleLines view={view} step={step} taskName={taskName} onSeek={onSeek} />
        )}
      </div>
    </section>
  );
}

/** The printed (and later) lines, between notes on the lines left out before and after. */
function ConsoleLines({
  view,
  step,
  taskName,
  onSeek,
}: {
  view: ConsoleView;
  step: number;
  taskName(id: TaskId): string;
  onSeek(step: number): void;
}) {
  const list = useRef<HTMLOListElement>(null);
  const current = view.current;
  const firstShown = view.lines[0]?.index ?? 0;
  const focusIndex = Math.max(firstShown, current);
  return (
    <>
      {view.hiddenBefore > 0 && (
        <p className="console__more">
          … {formatCount(view.hiddenBefore)} earlier lines (step back to see them)
        </p>
      )}
      <ol
        className="console__lines"
        aria-label="Console output"
        ref={list}
        onKeyDown={(event) => moveBetweenLines(event, list.current)}
      >
        {view.lines.map((line) => (
          <Line
            key={line.index}
            line={line}
            later={line.step > step}
            current={line.index === current}
            focusable={line.index === focusIndex}
            taskName={taskName}
            onSeek={onSeek}
          />
        ))}
      </ol>
      {view.hiddenAfter > 0 && (
        <p className="console__more">
          … {formatCount(view.hiddenAfter)} more lines later in the run
        </p>
      )}
    </>
  );
}
