import { LayoutGroup, MotionConfig, motion } from 'motion/react';
import { useId, useMemo, useState } from 'react';
import {
  findTask,
  type LoopState,
  type ObjectId,
  type TaskId,
  type Trace,
} from '../../trace/index.ts';
import { waitTargets } from '../../trace/words.ts';
import { taskStyle } from '../task-style.ts';
import { ControlToken } from './ControlToken.tsx';
import { EventLoopView } from './EventLoopView.tsx';
import { taskLanes } from './lanes.ts';
import { ObjectsView } from './ObjectsView.tsx';
import { ReadyQueueView } from './ReadyQueueView.tsx';
import { TaskCards } from './TaskCards.tsx';
import { TimersView } from './TimersView.tsx';
import { WaitArrows, type WaitLink } from './WaitArrows.tsx';
import './simulator.css';
import './fit.css';

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
/** Past this many task cards, long lanes collapse into a summary. */
export const MANY_TASKS = 12;

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
  const [ownShowInternal, setOwnShowInternal] = useState(showInternalProp ?? false);
  const controlled = onShowInternalChange !== undefined && showInternalProp !== undefined;
  const showInternal = controlled ? showInternalProp : ownShowInternal;
  const setShowInternal = (show: boolean) => {
    if (!controlled) setOwnShowInternal(show);
    onShowInternalChange?.(show);
  };
  const [hovered, setHovered] = useState<TaskId | null>(null);
  const highlight = hovered ?? selectedTask;

  const lanes = useMemo(() => taskLanes(state, showInternal), [state, showInternal]);
  const shown = useMemo(() => {
    const ids = new Set<TaskId>();
    for (const lane of Object.values(lanes.lanes)) for (const t of lane) ids.add(t.id);
    return ids;
  }, [lanes]);

  const links = useMemo(() => {
    const out: WaitLink[] = [];
    for (const t of state.tasks) {
      if (t.state !== 'waiting' || !t.wait || !shown.has(t.id)) continue;
      const color = taskStyle(t.id).color;
      const targets = waitTargets(state, t.wait);
      for (const id of targets.tasks) {
        if (shown.has(id)) out.push({ from: t.id, to: { task: id }, color });
      }
      for (const id of targets.objects) out.push({ from: t.id, to: { object: id }, color });
    }
    return out;
  }, [state, shown]);

  const { relatedTasks, relatedObjects } = useMemo(() => {
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
  }, [links, highlight]);

  // The whole picture fits the pane: cards get compact when there are many, and past
  // MANY_TASKS the long lanes collapse into a summary the learner can expand.
  const [expanded, setExpanded] = useState(false);
  const density =
    shown.size <= ROOMY_TASKS ? 'roomy' : shown.size <= MANY_TASKS ? 'compact' : 'many';

  const holderShown = state.holder !== null && shown.has(state.holder);
  // Outside a loop (before asyncio.run, or a program without one) no loop can be blocked.
  const loopBlocked = state.blocked !== null && state.loopRunning;
  const holderTask = state.holder === null ? undefined : findTask(state, state.holder);

  return (
    <MotionConfig reducedMotion="user">
      <LayoutGroup id={groupId}>
        <motion.div
          layoutScroll
          className={`simulator${className ? ` ${className}` : ''}`}
          data-theme={theme === 'auto' ? undefined : theme}
          data-blocked={loopBlocked ? 'true' : undefined}
          data-density={density}
          data-holder={holderTask ? holderTask.id : undefined}
        >
          <div className="sim-canvas" ref={setCanvas}>
            <div className="sim-top">
              <EventLoopView
                trace={trace}
                state={state}
                previous={previous}
                holderShown={holderShown}
              />
              <ReadyQueueView trace={trace} state={state} />
              <TimersView trace={trace} state={state} />
            </div>
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
            <WaitArrows container={canvas} links={links} highlight={highlight} measureKey={state} />
            <ControlToken
              container={canvas}
              at={
                state.holder !== null
                  ? holderShown
                    ? `task-${state.holder}`
                    : 'internal'
                  : state.loopRunning
                    ? 'loop'
                    : 'program'
              }
              blocked={loopBlocked}
              measureKey={state}
            />
          </div>
        </motion.div>
      </LayoutGroup>
    </MotionConfig>
  );
}
