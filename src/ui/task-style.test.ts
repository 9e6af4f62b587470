import { describe, expect, it } from 'vitest';
import { LOOP_STYLE, taskStyle } from './task-style.ts';

/** WCAG's relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe('task styles', () => {
  it('the letter on every task colour (and the loop’s) reads at 4.5:1 or more', () => {
    const styles = [...Array.from({ length: 8 }, (_, i) => taskStyle(i + 1)), LOOP_STYLE];
    for (const s of styles) {
      expect(contrast(s.color, s.onColor), `${s.colorName} ${s.letter}`).toBeGreaterThanOrEqual(
        4.5,
      );
    }
  });
});
