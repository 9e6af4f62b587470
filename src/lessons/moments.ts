/**
 * Moment selectors ("first suspend of worker-2", `time 2`, `end`): the grammar and parser in
 * moments/syntax.ts, resolving against a trace in moments/resolve.ts.
 */
export type { MomentResolution } from './moments/resolve.ts';
export { resolveMoment, tasksNamed } from './moments/resolve.ts';
export type { Moment, MomentBase, MomentEvent, MomentParse } from './moments/syntax.ts';
export { LAST, MOMENT_EVENTS, ordinalText, parseMoment } from './moments/syntax.ts';
