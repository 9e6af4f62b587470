/**
 * "Did you mean": the known word nearest to a misspelt one, for every name an author writes
 * (front-matter fields, directives, question kinds, check names).
 */

/** The option nearest to `word` (case aside), or null when none is near enough to be a typo. */
export function closest(word: string, options: Iterable<string>, maxDistance = 2): string | null {
  let best: string | null = null;
  let bestDistance = maxDistance + 1;
  const lower = word.toLowerCase();
  for (const o of options) {
    const d = editDistance(lower, o.toLowerCase());
    if (d < bestDistance) {
      best = o;
      bestDistance = d;
    }
  }
  return best;
}

/** ` (did you mean "fetch"?)`, or '' when nothing is near. */
export function didYouMean(word: string, options: Iterable<string>, prefix = ''): string {
  const guess = closest(word, options);
  return guess === null ? '' : ` (did you mean "${prefix}${guess}"?)`;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j] as number;
      row[j] = Math.min(
        (row[j] as number) + 1,
        (row[j - 1] as number) + 1,
        prev + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      prev = tmp;
    }
  }
  return row[b.length] as number;
}
