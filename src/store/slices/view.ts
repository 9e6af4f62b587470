/**
 * The view slice: how the learner looks at the run, shared by the panels that show it (the
 * simulator and the timeline hide or show asyncio's own tasks together; a task picked in one is
 * picked in the other).
 */
import type { StateCreator } from 'zustand/vanilla';
import type { TaskId } from '../../trace/index.ts';
import type { LabState } from '../lab-state.ts';

export type TimelineAxis = 'steps' | 'time';

export interface ViewSlice {
  /** Show asyncio's own tasks (the shutdown tasks of asyncio.run, …) besides the program's. */
  showInternal: boolean;
  selectedTask: TaskId | null;
  timelineAxis: TimelineAxis;
  setShowInternal(show: boolean): void;
  selectTask(task: TaskId | null): void;
  setTimelineAxis(axis: TimelineAxis): void;
}

export function createViewSlice(): StateCreator<LabState, [], [], ViewSlice> {
  return (set, get) => ({
    showInternal: false,
    selectedTask: null,
    timelineAxis: 'steps',
    setShowInternal: (showInternal) => set({ showInternal }),
    selectTask: (task) => set({ selectedTask: get().selectedTask === task ? null : task }),
    setTimelineAxis: (timelineAxis) => set({ timelineAxis }),
  });
}
