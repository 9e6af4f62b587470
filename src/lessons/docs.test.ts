/**
 * docs/lesson-format.md is written for authors who never read this code: keep it in step with
 * the schema, the question kinds, the checks and the moment grammar.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCheck } from './checks.ts';
import { QUESTION_KINDS } from './markdown/question.ts';
import { MOMENT_EVENTS, parseMoment } from './moments.ts';
import { FRONT_MATTER_FIELDS } from './schema.ts';

const doc = readFileSync(new URL('../../docs/lesson-format.md', import.meta.url), 'utf8');

/** The rows of the markdown table that follows `heading`, first cell of each. */
function tableAfter(heading: string): string[] {
  const start = doc.indexOf(heading);
  expect(start, `"${heading}" in docs/lesson-format.md`).toBeGreaterThanOrEqual(0);
  const lines = doc.slice(start).split('\n');
  const first = lines.findIndex((l) => l.startsWith('|'));
  const rows: string[] = [];
  for (const line of lines.slice(first + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(line.split('|')[1]?.trim() ?? '');
  }
  return rows;
}

describe('docs/lesson-format.md', () => {
  it('documents every front-matter field, with its description', () => {
    const rows = tableAfter('## Front matter');
    expect(rows).toEqual(Object.keys(FRONT_MATTER_FIELDS).map((f) => `\`${f}\``));
    for (const field of Object.values(FRONT_MATTER_FIELDS)) {
      expect(doc).toContain(field.description);
    }
  });

  it('documents every kind of question', () => {
    expect(tableAfter('| `ask=` |'.slice(0, 9))).toEqual(QUESTION_KINDS.map((k) => `\`${k}\``));
  });

  it('lists only checks that parse, and every kind of check', () => {
    const rows = tableAfter('## Checks').flatMap((cell) => cell.split(' / '));
    const kinds = new Set<string>();
    for (const cell of rows) {
      const example = cell
        .replace(/`/g, '')
        .replace(/"TEXT"/g, '"x"')
        .replace(/\bN\b/g, '2')
        .replace(/\bT\b/g, '3')
        .replace(/\bNAME\b/g, 'worker');
      const parsed = parseCheck(example);
      expect(parsed, example).toMatchObject({ ok: true });
      if (parsed.ok) kinds.add(parsed.check.kind);
    }
    expect([...kinds].sort()).toEqual(
      [
        'output-contains',
        'output-lacks',
        'output-equals',
        'time',
        'tasks-at-once',
        'task-count',
        'requests-at-once',
        'request-count',
        'every-task-finishes',
        'no-task-fails',
        'no-task-cancelled',
        'no-blocking',
        'no-warnings',
        'completes',
        'raises',
        'uses',
        'not-uses',
      ].sort(),
    );
  });

  it('lists only moments that parse, and every event', () => {
    const rows = tableAfter('| moment |').flatMap((cell) => cell.split(/ \/ | \(or /));
    for (const cell of rows) {
      const text = cell.replace(/`/g, '').replace(/\)$/, '').replace(/…/, 'worker-2').trim();
      expect(parseMoment(text), text).toMatchObject({ ok: true });
    }
    for (const event of MOMENT_EVENTS) expect(doc).toContain(`\`${event}`);
  });
});
