/** The timeline: swimlanes of who held control, by step or by virtual time. */
export type { Run } from './model/aggregate.ts';
export { aggregateSpans, runsOf } from './model/aggregate.ts';
export { buildTimeline } from './model/build-timeline.ts';
export type { Description, Probe, TimelineRow } from './model/describe.ts';
export { describeLane, laneSummary } from './model/describe.ts';
export { positionText } from './model/format.ts';
export type { LoopLane, Spans, TaskEnd, TaskLane, TimelineModel } from './model/lanes.ts';
export { holderAt, timeOfStep } from './model/lanes.ts';
export type { Axis, Scale } from './model/scale.ts';
export { fullDomain, stepAtX, stepsInX, xOfStep } from './model/scale.ts';
export type { TimelineProps } from './Timeline.tsx';
export { Timeline } from './Timeline.tsx';
