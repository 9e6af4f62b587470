/** The labels column beside the plot: how many internal tasks are hidden, then a label per lane. */
import { memo } from 'react';
import { LOOP_STYLE, taskStyle } from '../task-style.ts';
import { laneSummary, laneTitle, type TimelineRow } from './model/describe.ts';
import type { ThreadLane } from './model/lanes.ts';

export function LabelColumn({
  lanes,
  active,
  hiddenCount,
}: {
  lanes: readonly TimelineRow[];
  active: TimelineRow | null;
  hiddenCount: number;
}) {
  return (
    <div className="timeline__labels">
      {/* Heights from the lanes' geometry: --tl-axis-h and --tl-row-h (Timeline.tsx). */}
      <div className="timeline__corner">
        {hiddenCount > 0 && (
          <span title="asyncio's own tasks, e.g. the ones asyncio.run starts to shut down">
            {hiddenCount} internal task{hiddenCount === 1 ? '' : 's'} hidden
          </span>
        )}
      </div>
      <LaneLabels lanes={lanes} active={active} />
    </div>
  );
}

/**
 * The lane labels (a list, so screen readers get the lanes too). Memoised: while playing, the
 * step changes every frame but the labels only when control changes hands.
 */
const LaneLabels = memo(function LaneLabels({
  lanes,
  active,
}: {
  lanes: readonly TimelineRow[];
  active: TimelineRow | null;
}) {
  return (
    <ul aria-label="Lanes" className="timeline__lane-list">
      {lanes.map((lane) => (
        <LaneLabel key={laneKey(lane)} lane={lane} active={lane === active} />
      ))}
    </ul>
  );
});

const laneKey = (lane: TimelineRow) =>
  lane.kind === 'loop' ? 'loop' : lane.kind === 'thread' ? `thread-${lane.thread}` : lane.task;

function LaneLabel({ lane, active }: { lane: TimelineRow; active: boolean }) {
  if (lane.kind === 'thread') return <ThreadLabel lane={lane} />;
  const style = lane.kind === 'loop' ? LOOP_STYLE : taskStyle(lane.task);
  return (
    <li
      className={`timeline__lane${lane.kind === 'loop' ? ' timeline__lane--loop' : ''}${active ? ' timeline__lane--active' : ''}`}
    >
      <span
        className="timeline__chip"
        style={{ background: style.color, color: style.onColor }}
        aria-hidden="true"
      >
        {style.letter} {style.shape}
      </span>
      <span className="timeline__name">{lane.kind === 'loop' ? 'event loop' : lane.name}</span>
      {lane.kind === 'task' && (
        <span className="timeline__coro" aria-hidden="true">
          {lane.coro}()
        </span>
      )}
      <span className="visually-hidden">
        {` — ${laneSummary(lane)}${active ? ' Holds control now.' : ''}`}
      </span>
    </li>
  );
}

/**
 * A thread's label: a chip of its own (threads are not tasks: no letter, no task colour). Named,
 * as the Threads box's items are, so the lane reads as the thread and what it ran.
 */
function ThreadLabel({ lane }: { lane: ThreadLane }) {
  return (
    <li
      className="timeline__lane timeline__lane--thread"
      aria-label={`${laneTitle(lane)}: ${laneSummary(lane)}`}
    >
      <span className="timeline__chip timeline__chip--thread" aria-hidden="true">
        ⇉
      </span>
      <span className="timeline__name">thread {lane.name}</span>
    </li>
  );
}
