/**
 * Numbers as the page spells them: virtual seconds, counts and step numbers, plurals. One
 * function per idea, so the same time or count reads the same in every pane.
 */

const SECONDS = new Intl.NumberFormat('en-US', {
  minimumFractionDigits: 1,
  maximumFractionDigits: 3,
  signDisplay: 'negative',
});
/** Below 10 ms, more decimals: a sleep(0.0005) must not read as 0.001 or 0.0. */
const SMALL_SECONDS = new Intl.NumberFormat('en-US', {
  minimumFractionDigits: 1,
  maximumFractionDigits: 6,
  signDisplay: 'negative',
});
const COUNT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/**
 * Virtual seconds, spelled one way everywhere (status bar, narration, simulator, timeline, lesson
 * checks): at least one decimal, as Python prints a float (`4.0`, `0.25`), thousands grouped as
 * every other number on screen (`86,400.0`). Rounded to the millisecond, so float sums such as
 * 0.1 + 0.2 read `0.3`; times under 10 ms keep up to six decimals (`0.0005`).
 */
export function formatSeconds(t: number): string {
  return (t !== 0 && Math.abs(t) < 0.01 ? SMALL_SECONDS : SECONDS).format(t);
}

/** `4.0 s`: the number with its unit; `never` for a timer at infinity (or none). */
export function seconds(t: number | null): string {
  return t === null || !Number.isFinite(t) ? 'never' : `${formatSeconds(t)} s`;
}

/** `0.0 → 1.0 s`: a span of virtual time, one unit for both ends (the one spelling of a span). */
export function secondsSpan(t0: number, t1: number): string {
  return `${formatSeconds(t0)} → ${formatSeconds(t1)} s`;
}

/** `t = 4.0 s`, the clock. */
export function clockText(time: number): string {
  return `t = ${seconds(time)}`;
}

/** A count or a step number: `2,041`. */
export function formatCount(n: number): string {
  return COUNT.format(n);
}

/** `1 step`, `2,041 steps`. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** The sentence with its first letter capitalised. */
export function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * `step 24 of 115`: where the replay is. Steps are event indexes (as in links, the slider and the
 * timeline), so the last step of a run of 116 events is 115; `stepCount` says both numbers.
 */
export function stepOf(step: number, last: number): string {
  return `step ${formatCount(step)} of ${formatCount(last)}`;
}

/**
 * `116 steps (0–115)`: how long a run is. A count alone ("116 steps") would read as if the
 * player's `step 46 of 115` were off by one; naming the range shows they count the same events.
 */
export function stepCount(n: number): string {
  return n > 0 ? `${plural(n, 'step')} (0–${formatCount(n - 1)})` : plural(n, 'step');
}

/** `1st`, `2nd`, `3rd`, `4th`, … */
export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  switch (n % 10) {
    case 1:
      return `${n}st`;
    case 2:
      return `${n}nd`;
    case 3:
      return `${n}rd`;
    default:
      return `${n}th`;
  }
}
