/**
 * How a task looks everywhere (editor markers, cards, timeline, console): a colour from the
 * Okabe–Ito palette, which stays distinguishable under the common colour-vision deficiencies,
 * plus a letter and a shape, so that colour is never the only cue (WCAG 1.4.1).
 */
import type { TaskId } from '../trace/index.ts';

export interface TaskStyle {
  /** CSS colour for fills, bars and borders (readable on light and dark backgrounds). */
  readonly color: string;
  /** Text colour to put on top of `color`. */
  readonly onColor: string;
  /** A single letter: A for the first task, B for the second… */
  readonly letter: string;
  /** A shape glyph, repeated every palette cycle with the letter. */
  readonly shape: string;
  /** Name of the colour, for tests and tooltips. */
  readonly colorName: string;
}

// Each onColor is the one of black or white that reads at 4.5:1 or more on its colour (WCAG AA,
// checked by task-style.test.ts): white on the green or vermillion is only 3.4:1 and 3.9:1.
const PALETTE = [
  { color: '#0072B2', onColor: '#ffffff', colorName: 'blue' },
  { color: '#E69F00', onColor: '#000000', colorName: 'orange' },
  { color: '#009E73', onColor: '#000000', colorName: 'green' },
  { color: '#CC79A7', onColor: '#000000', colorName: 'pink' },
  { color: '#56B4E9', onColor: '#000000', colorName: 'sky blue' },
  { color: '#D55E00', onColor: '#000000', colorName: 'vermillion' },
  { color: '#F0E442', onColor: '#000000', colorName: 'yellow' },
  { color: '#999999', onColor: '#000000', colorName: 'grey' },
] as const;

const SHAPES = ['●', '■', '▲', '◆', '★', '⬟', '⬢', '✚'] as const;

/** The style of task `id` (ids start at 1, in creation order, so Task-1 is always blue ●). */
export function taskStyle(id: TaskId | number): TaskStyle {
  const i = Math.max(0, id - 1);
  const p = PALETTE[i % PALETTE.length] as (typeof PALETTE)[number];
  return {
    ...p,
    letter: String.fromCharCode(65 + (i % 26)) + (i >= 26 ? String(Math.floor(i / 26)) : ''),
    shape: SHAPES[Math.floor(i / PALETTE.length) % SHAPES.length] as string,
  };
}

/** The event loop's own style (control held by no task). */
export const LOOP_STYLE: TaskStyle = {
  color: '#6b7280',
  onColor: '#ffffff',
  letter: '∞',
  shape: '◎',
  colorName: 'grey',
};
