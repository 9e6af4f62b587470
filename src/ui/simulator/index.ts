/**
 * The simulator panels: the event loop, ready queue, timers, task cards and asyncio objects of
 * one `LoopState`, plus the plain-English words they use (reusable by narration).
 */

export * from '../../trace/words.ts';
export type { Connector, Rect } from './arrows.ts';
export { connector } from './arrows.ts';
export type { ControlTokenProps } from './ControlToken.tsx';
export { ControlToken, TokenAnchor } from './ControlToken.tsx';
export type { EventLoopViewProps } from './EventLoopView.tsx';
export { EventLoopView } from './EventLoopView.tsx';
export type { Lane, TaskLanes } from './lanes.ts';
export { LANES, laneOf, taskLanes } from './lanes.ts';
export type { LocalsNote } from './locals-note.ts';
export { LocalsNoteContext, WORKING_OUT_LOCALS } from './locals-note.ts';
export type { ObjectsViewProps } from './ObjectsView.tsx';
export { ObjectsView } from './ObjectsView.tsx';
export type { ReadyQueueViewProps } from './ReadyQueueView.tsx';
export { ReadyQueueView } from './ReadyQueueView.tsx';
export type { SimulatorPanelProps } from './SimulatorPanel.tsx';
export { SimulatorPanel } from './SimulatorPanel.tsx';
export type { TaskCardsProps } from './TaskCards.tsx';
export { TaskCards } from './TaskCards.tsx';
export { TaskChip, TaskRef } from './TaskChip.tsx';
export type { TimersViewProps } from './TimersView.tsx';
export { TimersView } from './TimersView.tsx';
export type { WaitArrowsProps } from './WaitArrows.tsx';
export { WaitArrows } from './WaitArrows.tsx';
export type { WaitLink } from './wait-links.ts';
export { waitLinks } from './wait-links.ts';
