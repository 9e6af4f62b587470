/**
 * Number formats only the timeline needs: axis tick labels and the slider's value text. Seconds
 * and counts themselves are spelled by words.ts, as everywhere else on the page.
 */
import { clockText, stepOf } from '../../../trace/index.ts';

/**
 * A tick label for the time axis, with as many decimals as the tick spacing needs: the ticks of
 * one axis share their decimals so they line up (`0.50 s`, `0.75 s`, `1.00 s`), which is why
 * an axis label is not spelled like a time in a sentence (`seconds` in words.ts).
 */
export function formatTick(t: number, spacing: number): string {
  const decimals = Math.max(0, Math.min(6, -Math.floor(Math.log10(spacing) + 1e-9)));
  return `${t.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals })} s`;
}

/** The slider's value text: "step 120 of 2,041, t = 4.0 s". */
export function positionText(step: number, last: number, time: number): string {
  return `${stepOf(step, last)}, ${clockText(time)}`;
}

/**
 * Round tick positions in [d0, d1) at least `minGap` domain units apart: 1, 2 or 5 × 10^k
 * (whole numbers only when `integer`).
 */
export function niceTicks(
  d0: number,
  d1: number,
  minGap: number,
  integer: boolean,
): { readonly spacing: number; readonly ticks: number[] } {
  const span = d1 - d0;
  if (!(span > 0) || !(minGap > 0)) return { spacing: 1, ticks: [] };
  const pow = 10 ** Math.floor(Math.log10(minGap));
  let spacing = pow;
  for (const m of [1, 2, 5, 10]) {
    spacing = m * pow;
    if (spacing >= minGap) break;
  }
  if (integer) spacing = Math.max(1, Math.round(spacing));
  const ticks: number[] = [];
  const first = Math.ceil(d0 / spacing - 1e-9) * spacing;
  for (let v = first; v < d1 && ticks.length < 1000; v += spacing) {
    // Multiply rather than accumulate, so 0.1-steps do not drift into 0.30000000000000004.
    ticks.push(Math.round(v / spacing) * spacing + 0); // + 0 turns -0 into 0
  }
  return { spacing, ticks };
}
