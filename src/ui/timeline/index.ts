/** The timeline: swimlanes of who held control, by step or by virtual time. */
export type { Run } from './model/aggregate.ts';
export { aggregateSpans, runsOf } from './model/aggregate.ts';
export type { Description, Lane, Probe } from './model/describe.ts';
export { describeLane, laneSummary } from './model/describe.ts';
export { positionText } from './model/format.ts';
export type { LoopLane, Spans, TaskEnd, TaskLane, TimelineModel } from './model/lanes.ts';
export { buildTimeline, holderAt, timeAt } from './model/lanes.ts';
export type { Axis, Scale } from './model/scale.ts';
export { fullDomain, stepAtX, stepsInX, xOfStep } from './model/scale.ts';
export type { TimelineProps } from './Timeline.tsx';
export { Timeline } from './Timeline.tsx';
