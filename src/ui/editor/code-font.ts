/**
 * The code's type size for a window width: 14 px on a laptop, larger on a wide screen, in the
 * same steps as the narration beside it grows (a projector's 1920 px reads from the back row).
 * Presenter mode's zoom scales the whole stage, code included, on top of this.
 */
const STEPS: readonly (readonly [minWidth: number, px: number])[] = [
  [1900, 18],
  [1600, 16],
  [1400, 15],
];

export const BASE_CODE_PX = 14;

export function codeFontSize(windowWidth: number): number {
  for (const [minWidth, px] of STEPS) if (windowWidth >= minWidth) return px;
  return BASE_CODE_PX;
}
