/**
 * The one place that puts a trace into English: numbers (seconds, counts, steps), names (tasks,
 * objects, callbacks, outcomes), what a task waits for, what a timer or a ready-queue entry will
 * do, who has control, why a run stopped, and what the loop is doing at this step.
 *
 * Pure functions (no React, no DOM): the simulator's cards, the editor's hovers, the timeline's
 * tooltips, the status bar, the narration (narration.ts) and the lessons all say things with
 * these words, so the same thing reads the same everywhere. Most come in two forms: `…Words`
 * returns parts (text, code, task references) that a view renders with task chips and code font;
 * the plain form flattens the same parts into one string.
 *
 * The words live in words/, one file per subject; import them from here.
 */
export * from './words/editor.ts';
export * from './words/lanes.ts';
export * from './words/moment.ts';
export * from './words/names.ts';
export * from './words/network.ts';
export * from './words/numbers.ts';
export * from './words/parts.ts';
export * from './words/streams.ts';
export * from './words/stuck.ts';
export * from './words/tasks.ts';
export * from './words/threads.ts';
export * from './words/waits.ts';
