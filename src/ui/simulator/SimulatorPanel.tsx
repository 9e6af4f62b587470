import { LayoutGroup, MotionConfig, motion } from 'motion/react';
import { useId, useMemo, useState } from 'react';
import {
  findTask,
  type LoopState,
  type ObjectId,
  type TaskId,
  type Trace,
} from '../../trace/index.ts';
import { ConnectionsView } from './ConnectionsView.tsx';
import { ControlToken } from './ControlToken.tsx';
import { EventLoopView } from './EventLoopView.tsx';
import { type TaskLanes, taskLanes } from './lanes.ts';
import { ObjectsView } from './ObjectsView.tsx';
import { ReadyQueueView } from './ReadyQueueView.tsx';
import { SHORT_CARDS, TaskCards } from './TaskCards.tsx';
import { ThreadsView } from './ThreadsView.tsx';
import { TimersView } from './TimersView.tsx';
import { useFit } from './use-fit.ts';
import { WaitArrows } from './WaitArrows.tsx';
import { type WaitLink, waitLinks } from './wait-links.ts';
import './simulator.css';
import './fit.css';
import './fit-many.css';

export interface SimulatorPanelProps {
  trace: Trace;
  /** The picture to show: `stateAt(trace, step)`. */
  state: LoopState;
  /** The picture shown before this one, if any (changed locals are marked, clock jumps say from where). */
  previous?: LoopState | null;
  /**
   * Show asyncio's own tasks (`user: false`, e.g. the shutdown tasks of asyncio.run). Controlled
   * when `onShowInternalChange` is given too; otherwise only the initial value (default false).
   */
  showInternal?: boolean;
  onShowInternalChange?(show: boolean): void;
  /** The task the app has selected (emphasised with its links). */
  selectedTask?: TaskId | null;
  /** Clicking a task card's name selects it. */
  onSelectTask?(id: TaskId): void;
  /** `auto` (default) follows prefers-color-scheme. */
  theme?: 'auto' | 'light' | 'dark';
  className?: string;
}

/** Up to this many task cards keep their locals; more get compact cards. */
const ROOMY_TASKS = 3;
/** With short cards, the ready queue shows this many entries and "+N more". */
const READY_SHOWN = 4;
/** Past this many task cards, long lanes collapse into a summary. */
export const MANY_TASKS = 12;

/** Controlled when both the value and its callback are given; otherwise the panel's own state. */
function useShowInternal(
  showInternalProp: boolean | undefined,
  onShowInternalChange: ((show: boolean) => void) | undefined,
): [boolean, (show: boolean) => void] {
  const [ownShowInternal, setOwnShowInternal] = useState(showInternalProp ?? false);
  const controlled = onShowInternalChange !== undefined && showInternalProp !== undefined;
  const showInternal = controlled ? showInternalProp : ownShowInternal;
  const setShowInternal = (show: boolean) => {
    if (!controlled) setOwnShowInternal(show);
    onShowInternalChange?.(show);
  };
  return [showInternal, setShowInternal];
}

/** The ids of the tasks that have a card in some lane. */
function shownTasks(lanes: TaskLanes): Set<TaskId> {
  const ids = new Set<TaskId>();
  for (const lane of Object.values(lanes.lanes)) for (const t of lane) ids.add(t.id);
  return ids;
}

/** The tasks and objects the highlighted task awaits, and the tasks that await it. */
function relatedTo(
  links: readonly WaitLink[],
  highlight: TaskId | null,
): { relatedTasks: Set<TaskId>; relatedObjects: Set<ObjectId> } {
  const tasks = new Set<TaskId>();
  const objects = new Set<ObjectId>();
  if (highlight !== null) {
    for (const l of links) {
      if (l.from === highlight) {
        if ('task' in l.to) tasks.add(l.to.task);
        else objects.add(l.to.object);
      } else if ('task' in l.to && l.to.task === highlight) {
        tasks.add(l.from);
      }
    }
  }
  return { relatedTasks: tasks, relatedObjects: objects };
}

/** Where the control token sits: the running task's card, asyncio's internals, the loop or the program. */
function tokenPlace(state: LoopState, holderShown: boolean): string {
  if (state.holder !== null) return holderShown ? `task-${state.holder}` : 'internal';
  return state.loopRunning ? 'loop' : 'program';
}

/** The lanes, the tasks shown in them, the arrows between them and what the highlight touches. */
function useWaitGraph(state: LoopState, showInternal: boolean, highlight: TaskId | null) {
  const lanes = useMemo(() => taskLanes(state, showInternal), [state, showInternal]);
  const shown = useMemo(() => shownTasks(lanes), [lanes]);
  const links = useMemo(() => waitLinks(state, shown), [state, shown]);
  const { relatedTasks, relatedObjects } = useMemo(
    () => relatedTo(links, highlight),
    [links, highlight],
  );
  return { lanes, shown, links, relatedTasks, relatedObjects };
}

/** Roomy cards keep their locals, compact ones do not; past MANY_TASKS long lanes may fold. */
function densityFor(shownCount: number): 'roomy' | 'compact' | 'many' {
  if (shownCount <= ROOMY_TASKS) return 'roomy';
  return shownCount <= MANY_TASKS ? 'compact' : 'many';
}

/** The top row: the event loop with its clock, the ready queue and the timers. */
function LoopRow({
  trace,
  state,
  previous,
  holderShown,
  cards,
}: {
  trace: Trace;
  state: LoopState;
  previous: LoopState | null;
  holderShown: boolean;
  /** How many task cards are shown: with short ones, the ready queue is short too. */
  cards: number;
}) {
  const limit = cards > SHORT_CARDS ? READY_SHOWN : undefined;
  return (
    <div className="sim-top">
      <EventLoopView trace={trace} state={state} previous={previous} holderShown={holderShown} />
      <ReadyQueueView trace={trace} state={state} limit={limit} />
      <TimersView trace={trace} state={state} />
    </div>
  );
}

/**
 * The simulator: the event loop with its clock and control token, the ready queue and timers,
 * one card per task in lanes by state with arrows to what each awaits, and the asyncio objects.
 * Props in, callbacks out: it reads no store.
 */
export function SimulatorPanel({
  trace,
  state,
  previous = null,
  showInternal: showInternalProp,
  onShowInternalChange,
  selectedTask = null,
  onSelectTask,
  theme = 'auto',
  className,
}: SimulatorPanelProps) {
  const groupId = useId();
  const [canvas, setCanvas] = useState<HTMLDivElement | null>(null);
  const [pane, setPane] = useState<HTMLDivElement | null>(null);
  const [showInternal, setShowInternal] = useShowInternal(showInternalProp, onShowInternalChange);
  const [hovered, setHovered] = useState<TaskId | null>(null);
  const highlight = hovered ?? selectedTask;

  const { lanes, shown, links, relatedTasks, relatedObjects } = useWaitGraph(
    state,
    showInternal,
    highlight,
  );

  // The picture fits the pane: compact cards when many, past MANY_TASKS a summary to expand.
  const [expanded, setExpanded] = useState(false);
  const density = densityFor(shown.size);

  const holderShown = state.holder !== null && shown.has(state.holder);
  useFit(pane, canvas, state);
  // Outside a loop (before asyncio.run, or a program without one) no loop can be blocked.
  const loopBlocked = state.blocked !== null && state.loopRunning;
  const holderTask = state.holder === null ? undefined : findTask(state, state.holder);

  return (
    <MotionConfig reducedMotion="user">
      <LayoutGroup id={groupId}>
        <motion.div
          ref={setPane}
          layoutScroll
          className={`simulator${className ? ` ${className}` : ''}`}
          data-theme={theme === 'auto' ? undefined : theme}
          data-blocked={loopBlocked ? 'true' : undefined}
          data-density={density}
          data-cards={shown.size > SHORT_CARDS ? 'short' : undefined}
          data-holder={holderTask ? holderTask.id : undefined}
        >
          <div className="sim-canvas" ref={setCanvas}>
            <LoopRow {...{ trace, state, previous, holderShown }} cards={shown.size} />
            <TaskCards
              trace={trace}
              state={state}
              previous={previous}
              lanes={lanes}
              showInternal={showInternal}
              onShowInternalChange={setShowInternal}
              highlight={highlight}
              related={relatedTasks}
              selectedTask={selectedTask}
              onSelectTask={onSelectTask}
              onHoverTask={setHovered}
              collapsed={density === 'many' && !expanded}
              onCollapsedChange={density === 'many' ? (c) => setExpanded(!c) : undefined}
            />
            <ObjectsView trace={trace} state={state} related={relatedObjects} />
            <ThreadsView trace={trace} state={state} />
            <ConnectionsView trace={trace} state={state} />
            <WaitArrows container={canvas} links={links} highlight={highlight} measureKey={state} />
            <ControlToken
              container={canvas}
              at={tokenPlace(state, holderShown)}
              blocked={loopBlocked}
              measureKey={state}
            />
          </div>
        </motion.div>
      </LayoutGroup>
    </MotionConfig>
  );
}
