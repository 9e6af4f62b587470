/**
 * A persistent table from small integer ids (tasks, objects, frames) to values, for the
 * replay's checkpoints. Ids are split into chunks of 64; a copy shares every chunk, and a chunk
 * is copied on its first change in a working state other than the one that made it (`gen`,
 * as for task records). So a checkpoint of a program with 10,000 tasks costs ~160 pointers
 * plus the chunks that changed, not 10,000 entries.
 */

const WIDTH = 64;

interface Chunk<T> {
  readonly gen: number;
  readonly items: (T | undefined)[];
}

export interface IdTable<T> {
  readonly chunks: (Chunk<T> | undefined)[];
  size: number;
}

export function emptyTable<T>(): IdTable<T> {
  return { chunks: [], size: 0 };
}

export function copyTable<T>(table: IdTable<T>): IdTable<T> {
  return { chunks: table.chunks.slice(), size: table.size };
}

export function tableGet<T>(table: IdTable<T>, id: number): T | undefined {
  // Division, not bit shifts: ids are validated integers but not bounded by 2^32.
  return table.chunks[Math.floor(id / WIDTH)]?.items[id % WIDTH];
}

/** Sets `id`, copying its chunk first unless working state `gen` made it. */
export function tableSet<T>(table: IdTable<T>, gen: number, id: number, value: T): void {
  const c = Math.floor(id / WIDTH);
  let chunk = table.chunks[c];
  if (chunk === undefined) {
    chunk = { gen, items: [] };
    table.chunks[c] = chunk;
  } else if (chunk.gen !== gen) {
    chunk = { gen, items: chunk.items.slice() };
    table.chunks[c] = chunk;
  }
  const i = id % WIDTH;
  if (chunk.items[i] === undefined) table.size++;
  chunk.items[i] = value;
}

/** The values in id order. */
export function tableValues<T>(table: IdTable<T>): T[] {
  const out: T[] = [];
  // forEach skips holes: a stray huge id must not make this walk millions of empty slots.
  table.chunks.forEach((chunk) => {
    chunk?.items.forEach((value) => {
      if (value !== undefined) out.push(value);
    });
  });
  return out;
}
