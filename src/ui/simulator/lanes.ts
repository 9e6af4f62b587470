/**
 * Which lane a task card sits in, and which cards are shown. Pure, so the layout rules are
 * tested without rendering: lanes in a fixed order, cards in each lane by task id (creation
 * order), so a card only ever moves when its task changes state.
 */
import { isFinished, type LoopState, type TaskState, type TaskView } from '../../trace/index.ts';
import { taskStateLabel, waitKindText } from '../../trace/words.ts';

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

/** What a folded lane's summary shows, and what a screen reader hears instead. */
export interface LaneSummary {
  /** `+11 more ready (Task-4 … Task-14)`, `+9 more waiting: 6 asleep, 3 getting from a queue (…)`. */
  readonly shown: string;
  /** `11 more ready tasks; Task-4 to Task-14.`: no "+", and no ellipsis read out as "dot dot dot". */
  readonly spoken: string;
}

/** What a folded task does, in the summary's breakdown: its wait's kind, or its state. */
function foldedKind(lane: Lane, task: TaskView): string {
  if (lane !== 'waiting') return taskStateLabel(task.state);
  return task.wait === null ? 'not started' : waitKindText(task.wait);
}

/**
 * The summary of a lane's folded cards, each number said once: when every task does what the
 * lane is named for, the breakdown goes ("+11 more ready", not "+11 more ready: 11 ready"), and
 * when they all do one other thing, "all" stands for a count that would repeat the total.
 */
export function laneSummary(lane: Lane, tasks: readonly TaskView[]): LaneSummary {
  const counts = new Map<string, number>();
  for (const t of tasks) {
    const what = foldedKind(lane, t);
    counts.set(what, (counts.get(what) ?? 0) + 1);
  }
  const kinds = [...counts];
  const only = kinds.length === 1 ? kinds[0]?.[0] : undefined;
  const breakdown =
    only === undefined
      ? `: ${kinds.map(([what, n]) => `${n} ${what}`).join(', ')}`
      : only === lane
        ? ''
        : `, all ${only}`;
  const n = tasks.length;
  const first = tasks[0]?.name ?? '';
  const last = tasks[n - 1]?.name ?? '';
  return {
    shown: `+${n} more ${lane}${breakdown} (${first} … ${last})`,
    spoken: `${n} more ${lane} ${n === 1 ? 'task' : 'tasks'}${breakdown}; ${first} to ${last}.`,
  };
}
