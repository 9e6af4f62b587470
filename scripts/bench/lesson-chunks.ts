/**
 * Lesson chunk sizes in a build (`dist/`): the lessons module (every lesson, no traces) and the
 * traces chunk of each lesson (named after its slug), which a page loads only when it opens that
 * lesson. Run alone with `npx tsx scripts/bench/lesson-chunks.ts` after `npx vite build`.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadLessons } from '../lessons-load.ts';

export interface ChunkRow {
  measure: string;
  value: number;
  unit: string;
}

export function lessonChunkRows(root = process.cwd()): ChunkRow[] {
  const assets = join(root, 'dist', 'assets');
  const files = readdirSync(assets).filter((f) => f.endsWith('.js'));
  const size = (f: string) => statSync(join(assets, f)).size / 1000;
  const index = files.find((f) => f.startsWith('_virtual_lessons-'));
  const slugs = loadLessons(root).lessons.map((l) => l.slug);
  const traces = slugs.flatMap((slug) => {
    const file = files.find((f) => f.startsWith(`${slug}-`) && /^[\w-]+-[\w-]{8}\.js$/.test(f));
    return file ? [size(file)] : [];
  });
  return [
    { measure: 'lessons chunk (no traces)', value: index ? size(index) : Number.NaN, unit: 'kB' },
    { measure: 'lesson traces chunks', value: traces.length, unit: 'chunks' },
    { measure: 'largest lesson traces chunk', value: Math.max(0, ...traces), unit: 'kB' },
    { measure: 'all lesson traces chunks', value: traces.reduce((a, b) => a + b, 0), unit: 'kB' },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of lessonChunkRows()) console.log(`${r.measure}: ${r.value.toFixed(1)} ${r.unit}`);
}
