/**
 * Branded ids. They are plain numbers at run time; the brand only stops a task id from being
 * passed where a handle id or a step is expected (they are all small integers in a trace, so
 * mixing them up would type-check and silently show the wrong thing).
 */
declare const brand: unique symbol;
type Brand<T, B extends string> = T & { readonly [brand]: B };

/** A task, numbered 1, 2, … in creation order. */
export type TaskId = Brand<number, 'TaskId'>;
/** The index of an event in `trace.events`; -1 is "before the first event". */
export type Step = Brand<number, 'Step'>;
/** A loop handle (ready-queue entry or timer), numbered in scheduling order. */
export type HandleId = Brand<number, 'HandleId'>;
/** An asyncio object (queue, future, lock, …) declared by an `object` event. */
export type ObjectId = Brand<number, 'ObjectId'>;
/** A program frame declared by a `frame` event. */
export type FrameId = Brand<number, 'FrameId'>;
/** A simulated thread (`th`), numbered 1, 2, … in order of creation. */
export type ThreadId = Brand<number, 'ThreadId'>;

export const asStep = (n: number): Step => n as Step;
export const asTaskId = (n: number): TaskId => n as TaskId;
export const asHandleId = (n: number): HandleId => n as HandleId;
export const asObjectId = (n: number): ObjectId => n as ObjectId;
export const asFrameId = (n: number): FrameId => n as FrameId;
