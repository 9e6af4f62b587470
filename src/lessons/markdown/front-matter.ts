/**
 * The front matter, validated by the schema in ../schema.ts. When it has problems they are
 * reported (with the line of the field concerned), and the fields that are valid are kept (the
 * others get defaults), so that the rest of the lesson can still be checked.
 */

import type { RootContent } from 'mdast';
import * as v from 'valibot';
import { type Document, isMap, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { closest } from '../closest.ts';
import { FRONT_MATTER_FIELDS, frontMatterSchema, type LessonMeta } from '../schema.ts';
import type { Problem } from './nodes.ts';

/**
 * The lesson's metadata from its first node, which must be the front matter. `lines` receives
 * the line of each field, for messages about the lesson as a whole.
 */
export function readFrontMatter(
  first: RootContent | undefined,
  problem: Problem,
  slug: string,
  lines: Record<string, number>,
): LessonMeta {
  if (first?.type !== 'yaml') {
    problem(
      1,
      'front matter',
      'the lesson must start with front matter: a block between two "---" lines holding title, summary, objectives, minutes and level',
    );
    return fallbackMeta({}, slug);
  }
  const firstLine = (first.position?.start.line ?? 1) + 1;
  return parseFrontMatter(first.value, firstLine, problem, slug, lines);
}

function parseFrontMatter(
  yamlText: string,
  firstLine: number,
  problem: Problem,
  slug: string,
  lines: Record<string, number>,
): LessonMeta {
  const counter = new LineCounter();
  const doc = parseDocument(yamlText, {
    lineCounter: counter,
    prettyErrors: false,
    uniqueKeys: true,
  });
  const lineAt = (offset: number | undefined) =>
    offset === undefined ? firstLine - 1 : firstLine - 1 + counter.linePos(offset).line;
  if (doc.errors.length > 0) {
    for (const err of doc.errors) {
      problem(
        lineAt(err.pos[0]),
        'front matter',
        `the YAML does not parse: ${err.message.split('\n')[0]} (a text that contains ": " or starts with a special character such as [ { * & ! | > ' " % @ must be in double quotes)`,
      );
    }
    return fallbackMeta({}, slug);
  }
  if (!isMap(doc.contents)) {
    problem(
      firstLine - 1,
      'front matter',
      'the front matter must be a list of "field: value" lines',
    );
    return fallbackMeta({}, slug);
  }
  for (const pair of doc.contents.items) {
    const key = (pair.key as { value?: unknown } | null)?.value;
    if (typeof key === 'string') lines[key] = lineAt((pair.key as YamlNode).range?.[0]);
  }
  const raw = doc.toJS() as Record<string, unknown>;
  const result = v.safeParse(frontMatterSchema, raw);
  if (result.success) return result.output;
  for (const issue of result.issues) reportIssue(issue, { doc, lineAt, firstLine, problem });
  return fallbackMeta(raw, slug);
}

interface IssueContext {
  readonly doc: Document;
  readonly lineAt: (offset: number | undefined) => number;
  readonly firstLine: number;
  readonly problem: Problem;
}

/** One schema issue as a problem: an unknown field (with a guess), a missing one, a bad value. */
function reportIssue(issue: v.BaseIssue<unknown>, ctx: IssueContext): void {
  const { doc, lineAt, problem } = ctx;
  const known = Object.keys(FRONT_MATTER_FIELDS);
  const path = (issue.path ?? []).map((p) => p.key as string | number);
  const field =
    path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('') ||
    'front matter';
  const isField = typeof path[0] === 'string' && path[0] in FRONT_MATTER_FIELDS;
  if (
    issue.kind === 'schema' &&
    issue.type === 'strict_object' &&
    typeof path[0] === 'string' &&
    !isField
  ) {
    const root = doc.contents as { items: { key: unknown }[] };
    const pair = root.items.find((p) => (p.key as { value?: unknown })?.value === path[0]);
    const guess = closest(path[0], known);
    problem(
      lineAt((pair?.key as YamlNode | undefined)?.range?.[0]),
      path[0],
      `"${path[0]}" is not a front-matter field${guess ? ` (did you mean "${guess}"?)` : ''}; the fields are ${known.join(', ')}`,
    );
    return;
  }
  if (issue.input === undefined && path.length === 1) {
    // "minuets" already says "did you mean minutes": "minutes is missing" would only echo it.
    if (misspeltAs(doc, field, known)) return;
    problem(
      ctx.firstLine - 1,
      field,
      `the field "${field}" is missing: ${FRONT_MATTER_FIELDS[field as keyof typeof FRONT_MATTER_FIELDS]?.description ?? ''}`.trim(),
    );
    return;
  }
  const node = doc.getIn(path, true) as YamlNode | undefined;
  problem(lineAt(node?.range?.[0]), field, `"${field}" ${issue.message}`);
}

/** Whether the front matter has an unknown field whose nearest known field is `field`. */
function misspeltAs(doc: Document, field: string, known: readonly string[]): boolean {
  const items = (doc.contents as { items?: { key: unknown }[] } | null)?.items ?? [];
  return items.some((p) => {
    const key = (p.key as { value?: unknown } | null)?.value;
    return typeof key === 'string' && !known.includes(key) && closest(key, known) === field;
  });
}

/** The valid fields of `raw`, and defaults for the rest. */
export function fallbackMeta(raw: Record<string, unknown>, slug: string): LessonMeta {
  const meta: Record<string, unknown> = {
    title: slug,
    summary: '',
    objectives: [],
    minutes: 1,
    level: 'beginner',
    tags: [],
    requires: [],
    draft: false,
  };
  for (const [key, schema] of Object.entries(frontMatterSchema.entries)) {
    const field = v.safeParse(schema, raw[key]);
    if (field.success && field.output !== undefined) meta[key] = field.output;
  }
  return meta as LessonMeta;
}
