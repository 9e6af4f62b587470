/**
 * Which lane a task card sits in, and which cards are shown. Pure, so the layout rules are
 * tested without rendering: lanes in a fixed order, cards in each lane by task id (creation
 * order), so a card only ever moves when its task changes state.
 */
import { isFinished, type LoopState, type TaskState, type TaskView } from '../../trace/index.ts';

export type Lane = 'running' | 'ready' | 'waiting' | 'finished';

export const LANES: readonly Lane[] = ['running', 'ready', 'waiting', 'finished'];

export const LANE_TITLES: Readonly<Record<Lane, string>> = {
  running: 'Running',
  ready: 'Ready',
  waiting: 'Waiting',
  finished: 'Finished',
};

/** The lane of a task state: its own, or `finished` for done, failed and cancelled alike. */
export function laneOf(state: TaskState): Lane {
  return isFinished(state) ? 'finished' : state;
}

export interface TaskLanes {
  readonly lanes: Readonly<Record<Lane, readonly TaskView[]>>;
  /** Tasks left out because their coroutine is asyncio's own (`user: false`). */
  readonly hidden: readonly TaskView[];
}

/** The visible tasks by lane, each lane ordered by task id. */
export function taskLanes(state: LoopState, showInternal: boolean): TaskLanes {
  const lanes: Record<Lane, TaskView[]> = { running: [], ready: [], waiting: [], finished: [] };
  const hidden: TaskView[] = [];
  const tasks = [...state.tasks].sort((a, b) => a.id - b.id);
  for (const t of tasks) {
    if (!t.user && !showInternal) hidden.push(t);
    else lanes[laneOf(t.state)].push(t);
  }
  return { lanes, hidden };
}

/** How many cards the lanes show. */
export function shownCount(lanes: TaskLanes): number {
  return LANES.reduce((n, lane) => n + lanes.lanes[lane].length, 0);
}

/**
 * Where every shown card sits, as a string (`running:3|ready:5|waiting:1,2,4|finished:`): equal
 * for two steps exactly when no card changed lane or place in its lane and none came or went.
 * Cards have a fixed size, so with the same arrangement (and the same scale) they stand where
 * they stood.
 */
export function arrangementKey(lanes: TaskLanes, collapsed = false): string {
  const key = LANES.map((lane) => `${lane}:${lanes.lanes[lane].map((t) => t.id).join(',')}`);
  return `${key.join('|')}${collapsed ? '|collapsed' : ''}`;
}
