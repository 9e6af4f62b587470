/**
 * What a decoration layer must change in Monaco to go from the decorations it shows to the next
 * ones, line by line. Replacing them all (a collection's `set`) makes Monaco lay out again every
 * line that has a chip (injected text) and redraw every highlight, even when a step moved one
 * marker: most of a seek's editor time. A line's decorations go and come back together, in
 * their order: chips after one line keep the order they were given in (Monaco orders injected
 * text at one place by when it was added). Pure, so it is tested without Monaco.
 */

/** What a decoration needs here: the line it starts on. */
export interface Placed {
  readonly range: { readonly startLineNumber: number };
}

/** The lines shown, by what they show (their decorations' JSON), with their Monaco ids. */
export type Shown = ReadonlyMap<string, readonly string[]>;

export interface DecorationDelta<D> {
  /** Ids of the shown lines' decorations that the next ones no longer have. */
  readonly remove: string[];
  /** Decorations of the lines not shown yet as they are now, to add, line after line. */
  readonly add: D[];
  /** The lines that stay, by key, with their ids. */
  readonly kept: Map<string, string[]>;
  /** The key and number of decorations of each line in `add`, in order. */
  readonly added: { readonly key: string; readonly count: number }[];
}

/** The decorations of each line, in the order given, with the line's key. */
function byLine<D extends Placed>(next: readonly D[]): { key: string; decorations: D[] }[] {
  const lines = new Map<number, D[]>();
  for (const d of next) {
    const at = lines.get(d.range.startLineNumber);
    if (at) at.push(d);
    else lines.set(d.range.startLineNumber, [d]);
  }
  return [...lines.values()].map((decorations) => ({
    key: JSON.stringify(decorations),
    decorations,
  }));
}

export function decorationDelta<D extends Placed>(
  shown: Shown,
  next: readonly D[],
): DecorationDelta<D> {
  const kept = new Map<string, string[]>();
  const add: D[] = [];
  const added: { key: string; count: number }[] = [];
  for (const line of byLine(next)) {
    const ids = shown.get(line.key);
    if (ids) kept.set(line.key, [...ids]);
    else {
      add.push(...line.decorations);
      added.push({ key: line.key, count: line.decorations.length });
    }
  }
  const remove = [...shown].filter(([key]) => !kept.has(key)).flatMap(([, ids]) => ids);
  return { remove, add, kept, added };
}

/** `kept` with the ids Monaco gave the added decorations (in `add` order). */
export function withAdded(
  kept: Map<string, string[]>,
  added: DecorationDelta<unknown>['added'],
  ids: readonly string[],
): Map<string, string[]> {
  let at = 0;
  for (const { key, count } of added) {
    kept.set(key, ids.slice(at, at + count));
    at += count;
  }
  return kept;
}
