import { motion } from 'motion/react';
import type { LoopState, TaskId, TaskView, Trace } from '../../trace/index.ts';
import {
  coroText,
  describeTaskNow,
  internalRunningText,
  isFinished,
  loopPhase,
  plain,
  startsLoop,
  taskCardLabel,
  taskStateGlyph,
  taskStateLabel,
} from '../../trace/words.ts';
import { taskStyle } from '../task-style.ts';
import { CardLocals } from './CardLocals.tsx';
import { TokenAnchor } from './ControlToken.tsx';
import {
  arrangementKey,
  LANE_TITLES,
  LANES,
  type Lane,
  type LaneSummary,
  laneSummary,
  shownCount,
  type TaskLanes,
} from './lanes.ts';
import { TaskChip } from './TaskChip.tsx';
import { WordsView } from './WordsView.tsx';

export interface TaskCardsProps {
  trace: Trace;
  state: LoopState;
  previous?: LoopState | null;
  lanes: TaskLanes;
  showInternal: boolean;
  onShowInternalChange(show: boolean): void;
  /** The task whose links are emphasised (hovered or selected), if any. */
  highlight: TaskId | null;
  /** Tasks linked to the highlighted one (it awaits them, or they await it). */
  related: ReadonlySet<TaskId>;
  selectedTask?: TaskId | null;
  onSelectTask?(id: TaskId): void;
  onHoverTask(id: TaskId | null): void;
  /** Long lanes show their first cards and a summary of the rest (many tasks). */
  collapsed?: boolean;
  /** Offered when there are many tasks: show every card, or the summary again. */
  onCollapsedChange?(collapsed: boolean): void;
}

/** Past this many task cards, each card is two short lines (fit-many.css), in fewer words. */
export const SHORT_CARDS = 6;

/** Cards a collapsed lane still shows before its summary. */
const COLLAPSED_CARDS = 2;

const EMPTY_LANE: Readonly<Record<Lane, string>> = {
  running: 'No task is running: the event loop has control.',
  ready: 'No task is ready.',
  waiting: 'No task is waiting.',
  finished: 'No task has finished yet.',
};

/**
 * One card per task, in lanes by state (running, ready, waiting, finished), each lane in task-id
 * order. A card keeps its identity across lanes (`layoutId`), so when a task changes state its
 * card glides to its new lane. (No AnimatePresence here: the old card must leave at once, so that
 * a task never has two cards, even for the length of an animation.)
 * Motion measures the cards only when the arrangement changes (`layoutDependency`): cards have a
 * fixed size, so a step that moves none (most steps) needs no measuring, which cost a layout.
 */
export function TaskCards(props: TaskCardsProps) {
  const { state, lanes } = props;
  const hiddenHolder =
    state.holder === null ? undefined : lanes.hidden.find((t) => t.id === state.holder);
  return (
    <div className="sim-tasks">
      <TasksHead {...props} />
      {state.tasks.length === 0 && !state.loopRunning ? (
        <p className="sim-empty sim-tasks__none">{noTasksText(props.trace, state)}</p>
      ) : null}
      {/* A list of cards grouped visually in lanes: the lanes are layout, the cards its items. */}
      {/* biome-ignore lint/a11y/useSemanticElements: lanes (plain divs) sit between the list and its items, which <ul> does not allow */}
      <div
        role="list"
        aria-label="Tasks"
        className="sim-lanes"
        hidden={state.tasks.length === 0 && !state.loopRunning}
      >
        {LANES.map((lane) => (
          <TaskLane key={lane} lane={lane} hiddenHolder={hiddenHolder} {...props} />
        ))}
      </div>
    </div>
  );
}

/** The section's title, the internal-tasks toggle and (with many tasks) the expand button. */
function TasksHead({
  state,
  lanes,
  showInternal,
  onShowInternalChange,
  collapsed,
  onCollapsedChange,
}: TaskCardsProps) {
  const hiddenCount = lanes.hidden.length;
  const internalCount = state.tasks.filter((t) => !t.user).length;
  return (
    <div className="sim-section-head">
      <h3 className="sim-section-title">Tasks</h3>
      {internalCount > 0 ? (
        <label className="sim-toggle">
          <input
            type="checkbox"
            checked={showInternal}
            onChange={(e) => onShowInternalChange(e.currentTarget.checked)}
          />
          show internal tasks{hiddenCount > 0 ? ` (${hiddenCount} hidden)` : ''}
        </label>
      ) : null}
      {onCollapsedChange ? (
        <button
          type="button"
          className="sim-toggle sim-expand"
          onClick={() => onCollapsedChange?.(!collapsed)}
        >
          {collapsed ? 'Show every task' : 'Summarise long lanes'}
        </button>
      ) : null}
    </div>
  );
}

/** One lane: its cards, a summary of the folded rest, or a line saying why it is empty. */
function TaskLane(props: TaskCardsProps & { lane: Lane; hiddenHolder: TaskView | undefined }) {
  const { lane, hiddenHolder, ...cardProps } = props;
  const all = props.lanes.lanes[lane];
  const folded =
    props.collapsed && all.length > COLLAPSED_CARDS + 1 ? all.slice(COLLAPSED_CARDS) : [];
  const cards = folded.length > 0 ? all.slice(0, COLLAPSED_CARDS) : all;
  const arrangement = arrangementKey(props.lanes, props.collapsed);
  return (
    <div className="sim-lane" data-lane={lane}>
      <div className="sim-lane__title" aria-hidden="true">
        {LANE_TITLES[lane]}
      </div>
      <div className="sim-lane__cards">
        {cards.map((task) => (
          <TaskCard key={task.id} task={task} arrangement={arrangement} {...cardProps} />
        ))}
        {folded.length > 0 ? (
          // biome-ignore lint/a11y/useSemanticElements: an item of the lanes' list (see above)
          <div role="listitem" className="sim-lane__summary">
            <FoldedSummary summary={laneSummary(lane, folded)} />
          </div>
        ) : null}
        {cards.length === 0 ? (
          <div className="sim-lane__empty" aria-hidden="true">
            {lane === 'running' && hiddenHolder ? (
              <>
                <span className="sim-lane__token">
                  <TokenAnchor at="internal" />
                </span>
                {internalRunningText(hiddenHolder)}
              </>
            ) : (
              EMPTY_LANE[lane]
            )}
          </div>
        ) : null}
      </div>
    </div>
  );
}

/** The folded cards' summary: the short form on screen, the spoken one for screen readers. */
function FoldedSummary({ summary }: { summary: LaneSummary }) {
  return (
    <>
      <span aria-hidden="true">{summary.shown}</span>
      <span className="sr-only">{summary.spoken}</span>
    </>
  );
}

/** Why there are no cards while no loop runs: tasks live only inside a running event loop. */
function noTasksText(trace: Trace, state: LoopState): string {
  if (!startsLoop(trace))
    return 'No tasks: this program never starts an event loop, and tasks only run inside one.';
  return loopPhase(trace, state) === 'before'
    ? 'No tasks yet: they appear once asyncio.run starts the event loop.'
    : 'No tasks: the event loop is not running.';
}

/** How a card shows the highlight: the highlighted task itself, one linked to it, or another. */
function cardEmphasis(
  task: TaskView,
  highlight: TaskId | null,
  related: ReadonlySet<TaskId>,
): 'self' | 'related' | 'dim' | undefined {
  if (highlight === null) return undefined;
  if (highlight === task.id) return 'self';
  return related.has(task.id) ? 'related' : 'dim';
}

function TaskCard({
  task,
  trace,
  state,
  previous,
  lanes,
  highlight,
  related,
  selectedTask,
  onSelectTask,
  onHoverTask,
  arrangement,
}: TaskCardsProps & { task: TaskView; arrangement: string }) {
  const style = taskStyle(task.id);
  const isNew = previous != null && !previous.tasks.some((t) => t.id === task.id);
  const finished = isFinished(task.state);
  const running = task.state === 'running';
  const blocking = running && state.blocked !== null && state.blocked.task === task.id;
  return (
    <motion.div
      layoutId={`sim-task-${task.id}`}
      layout="position"
      layoutDependency={arrangement}
      role="listitem"
      aria-label={taskCardLabel(task)}
      aria-current={selectedTask === task.id ? 'true' : undefined}
      className={`sim-card${finished ? ' sim-card--finished' : ''}`}
      data-sim-task={task.id}
      data-state={task.state}
      data-blocking={blocking ? 'true' : undefined}
      data-internal={task.user ? undefined : 'true'}
      data-emphasis={cardEmphasis(task, highlight, related)}
      style={{ '--task-color': style.color } as React.CSSProperties}
      // Only a task created at this step fades in; a card that changes lanes glides instead.
      initial={isNew ? { opacity: 0, scale: 0.9 } : false}
      animate={{ opacity: 1, scale: 1 }}
      transition={{ type: 'spring', stiffness: 380, damping: 38 }}
      onMouseEnter={() => onHoverTask(task.id)}
      onMouseLeave={() => onHoverTask(null)}
      onFocus={() => onHoverTask(task.id)}
      onBlur={() => onHoverTask(null)}
    >
      <CardHead task={task} onSelectTask={onSelectTask} />
      {task.user ? null : (
        <div className="sim-card__coro">
          <span className="sim-internal-tag">asyncio internal</span>
        </div>
      )}
      <CardNow task={task} trace={trace} state={state} short={shownCount(lanes) > SHORT_CARDS} />
      {finished ? null : <CardLocals task={task} state={state} previous={previous} />}
      {running ? (
        <span className="sim-card__token">
          <TokenAnchor at={`task-${task.id}`} />
        </span>
      ) : null}
    </motion.div>
  );
}

/** The chip, the task's name (a button when tasks can be selected), its coroutine and state. */
function CardHead({ task, onSelectTask }: { task: TaskView; onSelectTask?(id: TaskId): void }) {
  return (
    <div className="sim-card__head">
      <TaskChip task={task.id} size="large" />
      {/* The task's name with its coroutine's (`Task-3 · consumer()`): lessons speak of both. */}
      {onSelectTask ? (
        <button
          type="button"
          className="sim-card__name sim-card__select"
          onClick={() => onSelectTask(task.id)}
          title={`${task.name}: ${coroText(task)}`}
        >
          {task.name}
        </button>
      ) : (
        <span className="sim-card__name" title={`${task.name}: ${coroText(task)}`}>
          {task.name}
        </span>
      )}
      {task.name === task.coro ? null : (
        <span className="sim-card__coroname">
          {' · '}
          <code className="sim-code">{coroText(task)}</code>
        </span>
      )}
      <span className="sim-card__state" data-state={task.state}>
        <span aria-hidden="true">{taskStateGlyph(task.state)}</span> {taskStateLabel(task.state)}
      </span>
    </div>
  );
}

/** What the task is doing now (what it awaits), and the line it is paused at. */
function CardNow({
  task,
  trace,
  state,
  short,
}: {
  task: TaskView;
  trace: Trace;
  state: LoopState;
  short: boolean;
}) {
  const now = describeTaskNow(state, task, trace, short);
  const awaits = task.state === 'waiting' && task.wait !== null;
  const nowText = `${awaits ? 'awaits ' : ''}${plain(now)}`;
  const paused = !isFinished(task.state) && task.state !== 'running';
  return (
    <div className="sim-card__now" data-state={task.state} title={nowText}>
      {awaits ? <span className="sim-card__awaits">awaits </span> : null}
      <WordsView words={now} />
      {task.line !== null && paused ? (
        <span className="sim-card__line"> · line {task.line}</span>
      ) : null}
    </div>
  );
}
