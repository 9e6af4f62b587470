/**
 * Lesson markdown → `Lesson` (docs/lesson-format.md is the author's side of this).
 *
 * remark parses the file (CommonMark + GFM + YAML front matter + block directives), then one
 * walk over the top-level nodes splits it into steps at `##` headings and lifts out what the
 * app needs as data: programs, highlights, open-at moments, notes, questions, exercises. What
 * is left of each step is prose, turned into a sanitized hast tree. Every problem names file,
 * line and field; the parser reports all it finds rather than stopping at the first.
 *
 * Pure: no file system. Folder lessons that keep programs in files pass `readFile`.
 * Not re-exported from index.ts: only the build (scripts/) needs remark, not the page.
 */
import type { Element, ElementContent, RootContent as HastContent, Root as HastRoot } from 'hast';
import { defaultSchema, sanitize } from 'hast-util-sanitize';
import type { Code, Heading, List, ListItem, Nodes, Root, RootContent } from 'mdast';
import type { ContainerDirective, LeafDirective } from 'mdast-util-directive';
import { directiveFromMarkdown } from 'mdast-util-directive';
import { toHast } from 'mdast-util-to-hast';
import { toString as mdToString } from 'mdast-util-to-string';
import { directive } from 'micromark-extension-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { type Processor, unified } from 'unified';
import * as v from 'valibot';
import { isMap, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { parseCheck } from './checks.ts';
import { parseMoment } from './moments.ts';
import { FRONT_MATTER_FIELDS, frontMatterSchema, type LessonMeta } from './schema.ts';
import type {
  CheckSpec,
  Choice,
  Exercise,
  Lesson,
  LessonProblem,
  LessonProgram,
  LessonStep,
  MomentRef,
  ProgramRole,
  Question,
  QuestionKind,
  RichText,
} from './types.ts';

export interface ParseOptions {
  /** The lesson's path as messages should show it, e.g. `lessons/03-await.md`. */
  readonly file: string;
  /** Reads a file beside the lesson (for `file=` programs); undefined when there is none. */
  readonly readFile?: (name: string) => string | undefined;
}

export interface ParseResult {
  /**
   * Null only when the file name is not a lesson's. A lesson with problems is still returned
   * (invalid front-matter fields get defaults), so that the rest of it can be checked and
   * previewed; `problems` says what is wrong, and a production build refuses it.
   */
  readonly lesson: Lesson | null;
  readonly problems: readonly LessonProblem[];
}

const QUESTION_KINDS: readonly QuestionKind[] = [
  'next-output',
  'next-task',
  'order',
  'time',
  'outcome',
  'choice',
];
const ROLES: readonly ProgramRole[] = ['program', 'starter', 'solution'];
const CONTAINERS = ['question', 'notes', 'exercise', 'hint'] as const;
const LEAVES = ['highlight', 'open'] as const;
const QUESTION_ATTRIBUTES = ['ask', 'at', 'task', 'proof'] as const;

/**
 * Block directives only (`:::name` and `::name`). Text directives (`:name` inside a sentence)
 * are left out on purpose: prose about Python is full of colons ("await: hands control back").
 */
function remarkBlockDirectives(this: Processor) {
  const data = this.data() as unknown as {
    micromarkExtensions?: unknown[];
    fromMarkdownExtensions?: unknown[];
  };
  data.micromarkExtensions = [...(data.micromarkExtensions ?? []), { flow: directive().flow }];
  data.fromMarkdownExtensions = [...(data.fromMarkdownExtensions ?? []), directiveFromMarkdown()];
}

const processor = unified()
  .use(remarkParse)
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkGfm)
  .use(remarkBlockDirectives);

/** `03-await-hands-control-back.md` or `03-await-hands-control-back/index.md` → order and slug. */
export function lessonFileInfo(path: string): { order: number; slug: string } | null {
  const parts = path.replace(/\\/g, '/').split('/');
  let name = parts.at(-1) ?? '';
  if (name === 'index.md') name = parts.at(-2) ?? '';
  else if (name.endsWith('.md')) name = name.slice(0, -3);
  else return null;
  const m = /^(\d+)-([a-z0-9]+(?:-[a-z0-9]+)*)$/.exec(name);
  return m ? { order: Number(m[1]), slug: m[2] as string } : null;
}

// ---------------------------------------------------------------------------------------------

interface StepDraft {
  index: number;
  title: string;
  line: number;
  prose: RootContent[];
  program: LessonProgram | null;
  highlight: { lines: number[]; line: number } | null;
  openAt: MomentRef | null;
  notes: RootContent[][];
  questions: { node: ContainerDirective }[];
  exercise: { node: ContainerDirective; goal: RootContent[] } | null;
  starter: { program: LessonProgram; passes: boolean } | null;
  solution: LessonProgram | null;
  hints: { node: ContainerDirective }[];
  checks: { specs: CheckSpec[]; line: number } | null;
  /** Exercise parts found outside an exercise step, reported when the step ends. */
  strays: { what: string; line: number }[];
}

export function parseLesson(source: string, options: ParseOptions): ParseResult {
  const { file } = options;
  const problems: LessonProblem[] = [];
  const problem = (line: number, field: string, message: string) => {
    problems.push({ file, line, field, message });
  };

  const info = lessonFileInfo(file);
  if (info === null) {
    problem(
      0,
      'file name',
      'a lesson file is named NN-slug.md (or NN-slug/index.md): a number, a dash, then lowercase words joined by dashes, e.g. 03-await-hands-control-back.md',
    );
  }

  const tree = processor.parse(source) as Root;
  const children = tree.children;
  const first = children[0];
  let meta: LessonMeta = fallbackMeta({}, info?.slug ?? file);
  const metaLines: Record<string, number> = {};
  if (first?.type !== 'yaml') {
    problem(
      1,
      'front matter',
      'the lesson must start with front matter: a block between two "---" lines holding title, summary, objectives, minutes and level',
    );
  } else {
    meta = parseFrontMatter(
      first.value,
      (first.position?.start.line ?? 1) + 1,
      problem,
      info?.slug ?? file,
      metaLines,
    );
  }

  const steps: StepDraft[] = [];
  const programs: LessonProgram[] = [];
  let current: StepDraft | null = null;
  let sawH1 = false;

  const newStep = (title: string, line: number): StepDraft => {
    const step: StepDraft = {
      index: steps.length,
      title,
      line,
      prose: [],
      program: null,
      highlight: null,
      openAt: null,
      notes: [],
      questions: [],
      exercise: null,
      starter: null,
      solution: null,
      hints: [],
      checks: null,
      strays: [],
    };
    steps.push(step);
    return step;
  };
  const stepFor = (node: RootContent): StepDraft => {
    current ??= newStep(meta?.title ?? 'Introduction', lineOf(node));
    return current;
  };

  const takeProgram = (step: StepDraft, node: Code, role: ProgramRole, opts: string[]) => {
    let passes = false;
    let fromFile: string | null = null;
    for (const opt of opts) {
      if (opt === 'passes' && role === 'starter') passes = true;
      else if (opt.startsWith('file=')) fromFile = opt.slice(5);
      else {
        problem(
          lineOf(node),
          role,
          `unknown option "${opt}" after "python ${role}" (known: file=NAME.py${role === 'starter' ? ', passes' : ''})`,
        );
      }
    }
    let text = node.value;
    if (fromFile !== null) {
      if (text.trim() !== '') {
        problem(
          lineOf(node),
          role,
          `a program read from ${fromFile} must leave its code block empty`,
        );
      }
      const read = options.readFile?.(fromFile);
      if (read === undefined) {
        problem(
          lineOf(node),
          role,
          `cannot read ${fromFile}: put it in the lesson's folder (lessons/NN-slug/${fromFile})`,
        );
        text = '';
      } else {
        text = read;
      }
    } else if (text.trim() === '') {
      problem(lineOf(node), role, `the python ${role} block is empty`);
    }
    const program: LessonProgram = {
      id: `s${step.index + 1}-${role}`,
      role,
      step: step.index,
      source: text.endsWith('\n') ? text : `${text}\n`,
      line: lineOf(node),
      file: fromFile,
    };
    if (role === 'program') {
      if (step.program) {
        problem(
          lineOf(node),
          'program',
          `step "${step.title}" already has a program (line ${step.program.line}); a step has at most one`,
        );
        return;
      }
      step.program = program;
    } else if (role === 'starter') {
      if (step.starter) {
        problem(
          lineOf(node),
          'starter',
          `step "${step.title}" already has a starter (line ${step.starter.program.line})`,
        );
        return;
      }
      step.starter = { program, passes };
    } else {
      if (step.solution) {
        problem(
          lineOf(node),
          'solution',
          `step "${step.title}" already has a solution (line ${step.solution.line})`,
        );
        return;
      }
      step.solution = program;
    }
    programs.push(program);
  };

  /** Lifts exercise parts (programs, checks, hints) out of a list of nodes; returns the rest. */
  const liftExerciseParts = (step: StepDraft, nodes: readonly RootContent[]): RootContent[] => {
    const rest: RootContent[] = [];
    for (const node of nodes) {
      if (node.type === 'code' && programRole(node) !== null) {
        const [role, ...opts] = (node.meta ?? '').trim().split(/\s+/) as [ProgramRole, ...string[]];
        takeProgram(step, node, role, opts);
      } else if (node.type === 'code' && node.lang === 'checks') {
        takeChecks(step, node);
      } else if (node.type === 'containerDirective' && node.name === 'hint') {
        step.hints.push({ node });
      } else {
        rest.push(node);
      }
    }
    return rest;
  };

  const takeChecks = (step: StepDraft, node: Code) => {
    if (step.checks) {
      problem(
        lineOf(node),
        'checks',
        `step "${step.title}" already has a checks block (line ${step.checks.line})`,
      );
      return;
    }
    const specs: CheckSpec[] = [];
    node.value.split('\n').forEach((raw, i) => {
      const text = raw.trim();
      if (text === '' || text.startsWith('#')) return;
      const line = lineOf(node) + 1 + i;
      const parsed = parseCheck(text);
      if (!parsed.ok) problem(line, 'checks', parsed.error);
      else specs.push({ text, line, check: parsed.check, implicit: false });
    });
    if (specs.length === 0)
      problem(lineOf(node), 'checks', 'the checks block has no checks: write one per line');
    step.checks = { specs, line: lineOf(node) };
  };

  for (const node of children) {
    if (node.type === 'yaml') continue;
    if (node.type === 'heading' && node.depth === 1) {
      if (current === null && !sawH1) {
        sawH1 = true; // a "# Title" for readers on GitHub; the front matter's title is shown
        continue;
      }
      problem(
        lineOf(node),
        'heading',
        'use "##" headings for steps and "###" or lower inside them; "#" may appear once, before the first step',
      );
      continue;
    }
    if (node.type === 'heading' && node.depth === 2) {
      if (current) finishStep(current);
      current = newStep(mdToString(node as Heading).trim(), lineOf(node));
      if (current.title === '') problem(lineOf(node), 'step', 'a step heading needs a title');
      continue;
    }
    const step = stepFor(node);
    checkNoRawHtml(node, problem);
    if (node.type === 'code' && programRole(node) !== null) {
      liftExerciseParts(step, [node]);
      continue;
    }
    if (node.type === 'code' && node.lang === 'checks') {
      takeChecks(step, node);
      continue;
    }
    if (node.type === 'leafDirective') {
      takeLeaf(step, node, problem);
      continue;
    }
    if (node.type === 'containerDirective') {
      switch (node.name) {
        case 'question':
          step.questions.push({ node });
          break;
        case 'notes':
          step.notes.push(body(node));
          break;
        case 'hint':
          step.hints.push({ node });
          break;
        case 'exercise':
          if (step.exercise) {
            problem(
              lineOf(node),
              'exercise',
              `step "${step.title}" already has an exercise (line ${lineOf(step.exercise.node)}); one per step`,
            );
          } else {
            step.exercise = { node, goal: liftExerciseParts(step, body(node)) };
          }
          break;
        default:
          problem(
            lineOf(node),
            `:::${node.name}`,
            `unknown block ":::${node.name}" (known: ${CONTAINERS.map((c) => `:::${c}`).join(', ')})`,
          );
      }
      continue;
    }
    if (node.type === 'textDirective') continue; // never produced: text directives are off
    if (node.type === 'paragraph') {
      const text = mdToString(node);
      if (/^:{2,}\s*[a-z]/i.test(text)) {
        problem(
          lineOf(node),
          'directive',
          `"${text.split('\n')[0]}" looks like a directive but could not be read: check its [label] and {attributes} (a value containing double quotes goes in single quotes: at='output "A 1"')`,
        );
      }
    }
    step.prose.push(node);
  }
  if (current) finishStep(current);

  function finishStep(step: StepDraft) {
    const isExercise = step.exercise !== null;
    if (!isExercise) {
      if (step.starter)
        step.strays.push({ what: 'a "python starter" program', line: step.starter.program.line });
      if (step.solution)
        step.strays.push({ what: 'a "python solution" program', line: step.solution.line });
      if (step.checks) step.strays.push({ what: 'a checks block', line: step.checks.line });
      for (const h of step.hints) step.strays.push({ what: 'a :::hint', line: lineOf(h.node) });
      for (const s of step.strays) {
        problem(
          s.line,
          'exercise',
          `${s.what} belongs to an exercise, but step "${step.title}" has no :::exercise block`,
        );
      }
    } else {
      const line = lineOf((step.exercise as { node: ContainerDirective }).node);
      if (!step.starter)
        problem(
          line,
          'exercise',
          'an exercise needs a starting program: a ```python starter block',
        );
      if (!step.solution)
        problem(line, 'exercise', 'an exercise needs a solution: a ```python solution block');
      if (!step.checks)
        problem(
          line,
          'exercise',
          'an exercise needs a ```checks block saying what a solution must do',
        );
      if (step.program && step.starter) {
        problem(
          step.program.line,
          'program',
          'an exercise step loads its starter into the editor, so it cannot also have a "python program"',
        );
      }
    }
  }

  // Second pass: resolve each step's program (own or inherited) and build the model.
  const built: LessonStep[] = [];
  let inherited: LessonProgram | null = null;
  for (const step of steps) {
    const own = step.starter?.program ?? step.program;
    const program = own ?? inherited;
    if (own) inherited = own;
    const lineCount = program ? program.source.split('\n').length - 1 : 0;

    let highlight: number[] = [];
    if (step.highlight) {
      if (!program) {
        problem(
          step.highlight.line,
          'highlight',
          'there is no program to highlight: this step and the steps before it have none',
        );
      } else {
        const outside = step.highlight.lines.filter((l) => l > lineCount);
        if (outside.length > 0) {
          problem(
            step.highlight.line,
            'highlight',
            `line ${outside[0]} is past the end of the program (${lineCount} lines)`,
          );
        }
        highlight = step.highlight.lines.filter((l) => l <= lineCount);
      }
    }
    if (step.openAt && !program) {
      problem(
        step.openAt.line,
        'open',
        'there is no run to open: this step and the steps before it have no program',
      );
    }

    const questions: Question[] = [];
    step.questions.forEach(({ node }, i) => {
      const q = buildQuestion(node, `s${step.index + 1}-q${i + 1}`, program, problem);
      if (q) questions.push(q);
    });

    let exercise: Exercise | null = null;
    if (step.exercise && step.starter && step.solution) {
      const specs = step.checks?.specs ?? [];
      const mentionsErrors = specs.some(
        (s) => s.check.kind === 'completes' || s.check.kind === 'raises',
      );
      const checks: CheckSpec[] = mentionsErrors
        ? specs
        : [
            {
              text: 'runs without error',
              line: step.checks?.line ?? lineOf(step.exercise.node),
              check: { kind: 'completes' },
              implicit: true,
            },
            ...specs,
          ];
      exercise = {
        id: `s${step.index + 1}-exercise`,
        line: lineOf(step.exercise.node),
        goal: rich(step.exercise.goal),
        starter: step.starter.program.id,
        solution: step.solution.id,
        starterPasses: step.starter.passes,
        hints: step.hints.map((h) => rich(body(h.node))),
        checks,
      };
      if (mdToString({ type: 'root', children: step.exercise.goal } as Root).trim() === '') {
        problem(exercise.line, 'exercise', 'say the goal in words inside the :::exercise block');
      }
      if (exercise.hints.length === 0)
        problem(exercise.line, 'hint', 'an exercise needs at least one :::hint');
    }

    built.push({
      index: step.index,
      title: step.title,
      line: step.line,
      body: rich(step.prose),
      program: program?.id ?? null,
      loadsProgram: own !== null,
      highlight,
      openAt: step.openAt,
      notes: step.notes.length > 0 ? rich(step.notes.flat()) : null,
      questions,
      exercise,
    });
  }

  if (built.length === 0)
    problem(0, 'step', 'the lesson has no steps: start each with a "##" heading');

  if (info === null) return { lesson: null, problems };
  return {
    lesson: { slug: info.slug, order: info.order, file, meta, metaLines, steps: built, programs },
    problems,
  };
}

// ---------------------------------------------------------------------------------------------
// Front matter
// ---------------------------------------------------------------------------------------------

type Problem = (line: number, field: string, message: string) => void;

/**
 * The front matter, validated. When it has problems they are reported, and the fields that are
 * valid are kept (the others get defaults), so that the rest of the lesson can still be checked.
 */
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
  const root = doc.contents;
  if (!isMap(root)) {
    problem(
      firstLine - 1,
      'front matter',
      'the front matter must be a list of "field: value" lines',
    );
    return fallbackMeta({}, slug);
  }
  for (const pair of root.items) {
    const key = (pair.key as { value?: unknown } | null)?.value;
    if (typeof key === 'string') lines[key] = lineAt((pair.key as YamlNode).range?.[0]);
  }
  const raw = doc.toJS() as Record<string, unknown>;
  const result = v.safeParse(frontMatterSchema, raw);
  if (result.success) return result.output;
  const known = Object.keys(FRONT_MATTER_FIELDS);
  for (const issue of result.issues) {
    const path = (issue.path ?? []).map((p) => p.key as string | number);
    const field =
      path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('') ||
      'front matter';
    const node = doc.getIn(path, true) as YamlNode | undefined;
    let line = lineAt(node?.range?.[0]);
    const isField = typeof path[0] === 'string' && path[0] in FRONT_MATTER_FIELDS;
    if (
      issue.kind === 'schema' &&
      issue.type === 'strict_object' &&
      typeof path[0] === 'string' &&
      !isField
    ) {
      const pair = root.items.find((p) => (p.key as { value?: unknown })?.value === path[0]);
      line = lineAt((pair?.key as YamlNode | undefined)?.range?.[0]);
      const guess = closest(path[0], known);
      problem(
        line,
        path[0],
        `"${path[0]}" is not a front-matter field${guess ? ` (did you mean "${guess}"?)` : ''}; the fields are ${known.join(', ')}`,
      );
      continue;
    }
    if (issue.input === undefined && path.length === 1) {
      problem(
        firstLine - 1,
        field,
        `the field "${field}" is missing: ${FRONT_MATTER_FIELDS[field as keyof typeof FRONT_MATTER_FIELDS]?.description ?? ''}`.trim(),
      );
      continue;
    }
    problem(line, field, `"${field}" ${issue.message}`);
  }
  return fallbackMeta(raw, slug);
}

/** The valid fields of `raw`, and defaults for the rest. */
function fallbackMeta(raw: Record<string, unknown>, slug: string): LessonMeta {
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

function closest(word: string, options: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = 3;
  for (const o of options) {
    const d = editDistance(word.toLowerCase(), o);
    if (d < bestDistance) {
      best = o;
      bestDistance = d;
    }
  }
  return best;
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

// ---------------------------------------------------------------------------------------------
// Directives, questions
// ---------------------------------------------------------------------------------------------

function lineOf(node: { position?: { start: { line: number } } | undefined }): number {
  return node.position?.start.line ?? 0;
}

function programRole(node: Code): ProgramRole | null {
  if (node.lang !== 'python' && node.lang !== 'py') return null;
  const role = (node.meta ?? '').trim().split(/\s+/)[0] as ProgramRole;
  return ROLES.includes(role) ? role : null;
}

/** A container's content without its `[label]` paragraph. */
function body(node: ContainerDirective): RootContent[] {
  return node.children.filter(
    (c) =>
      !(
        c.type === 'paragraph' &&
        (c.data as { directiveLabel?: boolean } | undefined)?.directiveLabel
      ),
  ) as RootContent[];
}

function leafText(node: LeafDirective): string {
  return mdToString(node).trim();
}

function takeLeaf(step: StepDraft, node: LeafDirective, problem: Problem) {
  const attrs = node.attributes ?? {};
  const line = lineOf(node);
  if (node.name === 'highlight') {
    const text = leafText(node) || (attrs.lines ?? '');
    const lines = parseLineList(text);
    if (typeof lines === 'string') {
      problem(line, 'highlight', lines);
      return;
    }
    if (step.highlight)
      problem(
        line,
        'highlight',
        `step "${step.title}" already has ::highlight (line ${step.highlight.line})`,
      );
    step.highlight = { lines, line };
    return;
  }
  if (node.name === 'open') {
    const text = leafText(node) || (attrs.at ?? '');
    const parsed = parseMoment(text);
    if (!parsed.ok) {
      problem(line, 'open', `::open[${text}]: ${parsed.error}`);
      return;
    }
    if (step.openAt)
      problem(line, 'open', `step "${step.title}" already has ::open (line ${step.openAt.line})`);
    step.openAt = { text, line };
    return;
  }
  problem(
    line,
    `::${node.name}`,
    `unknown directive "::${node.name}" (known: ${LEAVES.map((l) => `::${l}`).join(', ')})`,
  );
}

/** "3-5, 8" → [3, 4, 5, 8]. */
export function parseLineList(text: string): number[] | string {
  const lines = new Set<number>();
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length === 0) return 'give the lines to highlight, e.g. ::highlight[3-5, 8]';
  for (const part of parts) {
    const m = /^(\d+)(?:\s*-\s*(\d+))?$/.exec(part);
    if (!m) return `"${part}" is not a line number or a range like 3-5`;
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (from < 1 || to < from)
      return `"${part}" is not a valid range: lines count from 1, and a range goes up (3-5)`;
    for (let l = from; l <= to; l++) lines.add(l);
  }
  return [...lines].sort((a, b) => a - b);
}

function buildQuestion(
  node: ContainerDirective,
  id: string,
  program: LessonProgram | null,
  problem: Problem,
): Question | null {
  const line = lineOf(node);
  const attrs = node.attributes ?? {};
  for (const key of Object.keys(attrs)) {
    if (!(QUESTION_ATTRIBUTES as readonly string[]).includes(key)) {
      problem(
        line,
        `question.${key}`,
        `unknown question attribute "${key}" (known: ${QUESTION_ATTRIBUTES.join(', ')})`,
      );
    }
  }
  const kind = attrs.ask as QuestionKind | undefined;
  if (kind === undefined || !QUESTION_KINDS.includes(kind)) {
    problem(
      line,
      'question.ask',
      kind === undefined
        ? `a question needs ask="…", one of ${QUESTION_KINDS.join(', ')}`
        : `ask="${kind}" is not a kind of question; use one of ${QUESTION_KINDS.join(', ')}`,
    );
    return null;
  }
  if (!program) {
    problem(
      line,
      'question',
      'a question is about a run, but this step and the steps before it have no program',
    );
    return null;
  }
  const moment = (key: 'at' | 'proof'): MomentRef | null => {
    const text = attrs[key];
    if (text === undefined || text === null) return null;
    const parsed = parseMoment(text);
    if (!parsed.ok) {
      problem(line, `question.${key}`, `${key}="${text}": ${parsed.error}`);
      return null;
    }
    return { text, line };
  };
  const at = moment('at');
  const proof = moment('proof');
  if ((kind === 'next-output' || kind === 'next-task') && attrs.at === undefined) {
    problem(
      line,
      'question.at',
      `ask="${kind}" needs at="…": the moment after which the learner predicts`,
    );
  }
  if (kind === 'outcome' && !attrs.task) {
    problem(
      line,
      'question.task',
      'ask="outcome" needs task="…": the task (name or coroutine) it asks about',
    );
  }
  if (attrs.task !== undefined && kind !== 'outcome') {
    problem(line, 'question.task', `task="…" is only for ask="outcome"`);
  }
  if (attrs.proof !== undefined && kind !== 'choice') {
    problem(
      line,
      'question.proof',
      `proof="…" is only for ask="choice"; the run gives other questions their proof`,
    );
  }

  const content = body(node);
  const listAt = content.findIndex((c) => c.type === 'list');
  const promptNodes = listAt < 0 ? content : content.slice(0, listAt);
  const list = listAt < 0 ? null : (content[listAt] as List);
  const after = listAt < 0 ? [] : content.slice(listAt + 1);
  if (mdToString({ type: 'root', children: promptNodes } as Root).trim() === '') {
    problem(line, 'question', 'a question needs a prompt: the words before its list of choices');
  }
  const choices: Choice[] | null = list
    ? list.children.map((item: ListItem) => ({
        text: mdToString(item).trim(),
        rich: richInline(item),
        marked: item.checked ?? null,
        line: lineOf(item),
      }))
    : null;
  if (kind === 'choice') {
    if (!choices || choices.length < 2) {
      problem(
        line,
        'question',
        'ask="choice" needs a list of at least two choices, the right one marked "- [x]"',
      );
    } else if (choices.filter((c) => c.marked === true).length !== 1) {
      problem(
        line,
        'question',
        'ask="choice" needs exactly one choice marked "- [x]" (and the others "- [ ]")',
      );
    }
  }
  if (kind === 'order' && (!choices || choices.length < 2)) {
    problem(
      line,
      'question',
      'ask="order" needs a list of at least two output lines, in a scrambled order',
    );
  }
  if (kind === 'outcome' && choices) {
    problem(
      lineOf(list as List),
      'question',
      'ask="outcome" offers its own four choices; remove the list',
    );
  }
  return {
    id,
    kind,
    line,
    program: program.id,
    prompt: rich(promptNodes),
    at,
    task: attrs.task ?? null,
    proof,
    choices,
    explanation: after.length > 0 ? rich(after) : null,
  };
}

function checkNoRawHtml(node: Nodes, problem: Problem) {
  if (node.type === 'html') {
    if (!/^\s*<!--[\s\S]*-->\s*$/.test(node.value)) {
      problem(
        lineOf(node),
        'html',
        'raw HTML is not allowed in a lesson (it would be dropped); write markdown instead',
      );
    }
    return;
  }
  if ('children' in node) {
    for (const child of node.children as Nodes[]) {
      const hintInExercise =
        node.type === 'containerDirective' &&
        node.name === 'exercise' &&
        child.type === 'containerDirective' &&
        child.name === 'hint';
      if (
        (child.type === 'leafDirective' || child.type === 'containerDirective') &&
        !hintInExercise
      ) {
        problem(
          lineOf(child),
          `:${child.name}`,
          `"${child.name}" must stand at the top level of a step, not inside a list or quote`,
        );
      }
      checkNoRawHtml(child, problem);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Prose → sanitized hast
// ---------------------------------------------------------------------------------------------

/** Markdown nodes → sanitized hast without positions: safe to render, small to ship. */
export function rich(nodes: readonly RootContent[]): RichText {
  const hast = toHast({ type: 'root', children: [...nodes] } as Root) as HastRoot;
  const clean = sanitize(hast, defaultSchema) as HastRoot;
  return strip(clean) as HastRoot;
}

/** A list item as inline content (its single paragraph unwrapped). */
function richInline(item: ListItem): RichText {
  const only = item.children.length === 1 ? item.children[0] : undefined;
  if (only?.type === 'paragraph') return rich(only.children as unknown as RootContent[]);
  return rich(item.children as RootContent[]);
}

function strip<T extends HastRoot | HastContent | ElementContent>(node: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'position' || key === 'data') continue;
    out[key] = value;
  }
  if ('children' in node) {
    out.children = (node.children as (Element | ElementContent)[]).map((c) => strip(c));
  }
  return out as T;
}
