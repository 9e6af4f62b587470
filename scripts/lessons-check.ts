// size: one CLI (check, goldens, watch) whose parts share its options; split if it grows further
/**
 * `npm run lessons:check [-- --update] [--watch] [NAME…]`: checks every lesson under lessons/.
 *
 * For each lesson: validates the front matter and the markdown, traces every program, starter
 * and solution with the same tracer the browser uses (twice, to prove the run is
 * deterministic), verifies that every moment resolves, every question's answer follows from
 * the run (and agrees with the author's), every solution passes its checks and every starter
 * fails them; then compares each trace with its golden file under tests/golden/lessons/.
 * A run with problems is never compared with its goldens nor written to them. A new lesson (no
 * golden folder yet) gets its goldens written on its first clean check; `--update` rewrites
 * the goldens of every selected lesson whose run is clean (review them as a diff). NAMEs limit the run to lessons
 * whose file name contains one of them.
 *
 * `--watch` keeps running and checks a lesson again each time it is saved (the tracer stays
 * loaded, so a re-check takes seconds).
 *
 * Prints one line per lesson, its problems beneath it (file:line: field: message), and a final
 * "N passed, N failed" line; exits 1 when anything failed, 2 on a usage error.
 */
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  watch as watchFs,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluateChecks } from '../src/lessons/checks.ts';
import { answerQuestion } from '../src/lessons/questions.ts';
import type { Lesson, LessonProblem } from '../src/lessons/types.ts';
import { formatProblem, verifyLesson } from '../src/lessons/verify.ts';
import { nodeTracer } from '../src/runtime/tracer.node.ts';
import { parseTrace, type Trace } from '../src/trace/index.ts';
import { loadLessons, traceProgram } from './lessons-load.ts';

const PROJECT = join(dirname(fileURLToPath(import.meta.url)), '..');
// LESSONS_ROOT: another folder holding lessons/ and tests/golden/lessons/ (the check's own tests).
const ROOT = process.env.LESSONS_ROOT ?? PROJECT;
const GOLDEN = join(ROOT, 'tests', 'golden', 'lessons');
const USAGE = 'Usage: npm run lessons:check [-- --update] [--watch] [NAME…]';

const args = process.argv.slice(2);
const update = args.includes('--update');
const watch = args.includes('--watch');
const unknown = args.find((a) => a.startsWith('-') && a !== '--update' && a !== '--watch');
if (unknown) {
  process.stderr.write(`Unknown option ${unknown}. ${USAGE}\n`);
  process.exit(2);
}
const filters = args.filter((a) => !a.startsWith('-'));
const tracer = await nodeTracer();

const first = checkLessons(filters);
if (!watch) process.exit(first.failed > 0 ? 1 : 0);
watchLessons();

// ---------------------------------------------------------------------------------------------

/** Checks the lessons whose file name contains one of `only` (all when empty); prints a total. */
function checkLessons(only: readonly string[]): { passed: number; failed: number } {
  const loaded = loadLessons(ROOT);
  const selected = loaded.sources.filter(
    (s) => only.length === 0 || only.some((f) => s.file.includes(f)),
  );
  if (selected.length === 0) {
    process.stdout.write(
      only.length > 0
        ? `No lesson matches ${only.join(', ')}.\n`
        : 'No lessons found under lessons/.\n',
    );
    process.stdout.write('0 passed, 1 failed\n');
    return { passed: 0, failed: 1 };
  }
  let passed = 0;
  let failed = 0;
  const seenGoldenDirs = new Set<string>();
  for (const source of selected) {
    const lesson = loaded.lessons.find((l) => l.file === source.file);
    if (lesson) {
      seenGoldenDirs.add(join(GOLDEN, `${String(lesson.order).padStart(2, '0')}-${lesson.slug}`));
    }
    if (checkOne(source.file, lesson, loaded.byFile.get(source.file) ?? [])) passed++;
    else failed++;
  }
  // Golden folders of lessons that no longer exist (only when checking every lesson).
  if (only.length === 0) failed += orphanGoldens(seenGoldenDirs);
  process.stdout.write(`${passed} passed, ${failed} failed\n`);
  return { passed, failed };
}

/** Checks one lesson file and prints its verdict, problems and notes; true when it passed. */
function checkOne(
  file: string,
  lesson: Lesson | undefined,
  parseProblems: readonly LessonProblem[],
): boolean {
  const problems: LessonProblem[] = [...parseProblems];
  const notes: string[] = [];
  let summary = '';
  if (lesson) {
    const goldenDir = join(GOLDEN, `${String(lesson.order).padStart(2, '0')}-${lesson.slug}`);
    const { traces, texts, problems: traceProblems } = traceAll(lesson);
    problems.push(...traceProblems);
    problems.push(...verifyLesson(lesson, traces));
    // Goldens record a good run: a run with problems is neither compared nor written.
    if (problems.length === 0) {
      const golden = checkGoldens(lesson, goldenDir, texts, answersSummary(lesson, traces));
      if (golden.problem) problems.push(golden.problem);
      if (golden.note) notes.push(golden.note);
    } else if (update) {
      notes.push('goldens not written: this run has the problems above; fix them first');
    }
    summary = summaryOf(lesson, traces);
  }
  const name = file.replace(/^lessons\//, '');
  process.stdout.write(`${problems.length === 0 ? 'PASS' : 'FAIL'} ${name}${summary}\n`);
  for (const p of problems) process.stdout.write(`  ${formatProblem(p)}\n`);
  for (const note of notes) process.stdout.write(`  ${note}\n`);
  return problems.length === 0;
}

/** Golden folders no lesson owns: removed with --update, else a failure each. */
function orphanGoldens(seen: ReadonlySet<string>): number {
  if (!existsSync(GOLDEN)) return 0;
  let failed = 0;
  for (const name of readdirSync(GOLDEN)) {
    const dir = join(GOLDEN, name);
    if (seen.has(dir)) continue;
    if (update) {
      rmSync(dir, { recursive: true, force: true });
      process.stdout.write(`removed tests/golden/lessons/${name}: no lesson has that name\n`);
    } else {
      failed++;
      process.stdout.write(
        `FAIL tests/golden/lessons/${name}\n  tests/golden/lessons/${name}: golden: no lesson has that name; delete it or run with --update\n`,
      );
    }
  }
  return failed;
}

/** `--watch`: re-checks a lesson when its file (or a file in its folder) is saved. */
function watchLessons(): void {
  const dir = join(ROOT, 'lessons');
  const pending = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  process.stdout.write('Watching lessons/ (Ctrl-C to stop): a saved lesson is checked again.\n');
  watchFs(dir, { recursive: true }, (_event, name) => {
    const lesson = name ? String(name).split(/[\\/]/)[0] : undefined;
    if (!lesson || !/^\d+-/.test(lesson)) return;
    pending.add(lesson.replace(/\.md$/, ''));
    clearTimeout(timer);
    // Editors save in several writes: wait for the last one.
    timer = setTimeout(() => {
      const names = [...pending];
      pending.clear();
      process.stdout.write(`\n${new Date().toLocaleTimeString()}: ${names.join(', ')} changed\n`);
      checkLessons(names);
    }, 200);
  });
}

function traceAll(lesson: Lesson): {
  traces: Record<string, Trace>;
  texts: Record<string, string>;
  problems: LessonProblem[];
} {
  const traces: Record<string, Trace> = {};
  const texts: Record<string, string> = {};
  const problems: LessonProblem[] = [];
  for (const program of lesson.programs) {
    const first = traceProgram(tracer, program.source);
    const second = traceProgram(tracer, program.source);
    if (first !== second) {
      problems.push({
        file: lesson.file,
        line: program.line,
        field: program.role,
        message: `the ${program.role} ${program.id} traces differently from one run to the next (${firstDifference(first, second)}); lessons need deterministic programs`,
      });
    }
    try {
      traces[program.id] = parseTrace(first);
      texts[program.id] = first;
    } catch (err) {
      problems.push({
        file: lesson.file,
        line: program.line,
        field: program.role,
        message: `the tracer produced an invalid trace: ${(err as Error).message}`,
      });
    }
  }
  return { traces, texts, problems };
}

/** The trace as reviewable JSON: header fields one per line, then one event per line. */
function goldenText(json: string): string {
  const trace = JSON.parse(json) as Record<string, unknown>;
  const lines: string[] = [];
  for (const [key, value] of Object.entries(trace)) {
    if (key === 'events') continue;
    lines.push(`  ${JSON.stringify(key)}: ${JSON.stringify(value)}`);
  }
  const events = (trace.events as unknown[]).map((e) => `    ${JSON.stringify(e)}`);
  lines.push(`  "events": [\n${events.join(',\n')}\n  ]`);
  return `{\n${lines.join(',\n')}\n}\n`;
}

function firstDifference(a: string, b: string): string {
  const ea = (JSON.parse(a) as { events: unknown[] }).events;
  const eb = (JSON.parse(b) as { events: unknown[] }).events;
  for (let i = 0; i < Math.max(ea.length, eb.length); i++) {
    const x = JSON.stringify(ea[i]);
    const y = JSON.stringify(eb[i]);
    if (x !== y) return `first at step ${i}: ${x ?? 'nothing'} vs ${y ?? 'nothing'}`;
  }
  return 'the header differs';
}

/** What each question answers and each check says, per lesson: a readable diff when runs change. */
function answersSummary(lesson: Lesson, traces: Record<string, Trace>): string {
  const out: Record<string, unknown> = {};
  for (const step of lesson.steps) {
    for (const q of step.questions) {
      const trace = traces[q.program];
      if (!trace) continue;
      const r = answerQuestion(q, trace);
      const steps = (text: string) =>
        text.replace(/\b(step) (\d+)/gi, (_m, word: string, n: string) => `${word} ${n}`);
      out[q.id] = r.ok
        ? {
            kind: q.kind,
            at: r.answer.at,
            answer: r.answer.answer,
            proof: r.answer.proof,
            why: steps(r.answer.why),
          }
        : { kind: q.kind, error: r.error };
    }
    const ex = step.exercise;
    if (ex) {
      for (const id of [ex.starter, ex.solution]) {
        const trace = traces[id];
        if (!trace) continue;
        out[id] = evaluateChecks(ex.checks, trace).results.map(
          (r) => `${r.pass ? 'pass' : 'FAIL'}: ${r.description} ${r.reason}`,
        );
      }
    }
  }
  return `${JSON.stringify(out, null, 2)}\n`;
}

/**
 * Compares the run with the lesson's golden files: one problem at most (every difference in
 * it), or a note when goldens were written: always for a new lesson (no golden folder yet), and
 * for every lesson with --update. Only called for a run without problems.
 */
function checkGoldens(
  lesson: Lesson,
  dir: string,
  texts: Record<string, string>,
  answers: string,
): { problem?: LessonProblem; note?: string } {
  const rel = dir
    .slice(ROOT.length + 1)
    .split('\\')
    .join('/');
  const wanted = new Map<string, string>();
  for (const program of lesson.programs) {
    const text = texts[program.id];
    if (text !== undefined) wanted.set(`${program.id}.trace.json`, goldenText(text));
  }
  wanted.set('answers.json', answers);
  const isNew = !existsSync(dir) || readdirSync(dir).length === 0;
  if (update || isNew) {
    const written = writeGoldens(dir, wanted);
    if (isNew)
      return { note: `wrote the goldens of this new lesson to ${rel}/: review and commit them` };
    return written.length > 0 ? { note: `updated ${written.join(', ')} in ${rel}/` } : {};
  }
  const differences: string[] = [];
  let line = 0;
  for (const [name, text] of wanted) {
    const path = join(dir, name);
    const program = lesson.programs.find((p) => `${p.id}.trace.json` === name);
    const old = existsSync(path) ? readFileSync(path, 'utf8') : null;
    if (old !== null && sameContent(old, text)) continue;
    if (line === 0) line = program?.line ?? 0;
    if (old === null) differences.push(`${name} is missing`);
    else if (name.endsWith('.trace.json'))
      differences.push(`${name}: ${goldenDifference(old, text)}`);
    else differences.push(`${name}: ${answersDifference(old, text)}`);
  }
  for (const name of readdirSync(dir)) {
    if (!wanted.has(name)) differences.push(`${name} belongs to no program of the lesson`);
  }
  if (differences.length === 0) return {};
  const only = lesson.file.replace(/^lessons\//, '').replace(/(\/index)?\.md$/, '');
  return {
    problem: {
      file: lesson.file,
      line,
      field: 'golden',
      message: `${rel}/ differs from this run (${differences.join('; ')}); if the change is intended, run \`npm run lessons:check -- --update ${only}\` and review the diff`,
    },
  };
}

/** Writes the golden files that changed (as data) and removes the others; returns their names. */
function writeGoldens(dir: string, wanted: ReadonlyMap<string, string>): string[] {
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(dir)) if (!wanted.has(name)) rmSync(join(dir, name));
  const written: string[] = [];
  for (const [name, text] of wanted) {
    const path = join(dir, name);
    // Rewrite only what changed (as data), so that formatting alone never churns a golden file.
    const old = existsSync(path) ? readFileSync(path, 'utf8') : null;
    if (old === null || !sameContent(old, text)) {
      writeFileSync(path, text);
      written.push(name);
    }
  }
  formatJson(written.map((name) => join(dir, name)));
  return written;
}

/** Golden files are compared as data (formatting aside): traces repeat exactly, run to run. */
function sameContent(goldenFile: string, now: string): boolean {
  try {
    const a = JSON.stringify(JSON.parse(goldenFile));
    const b = JSON.stringify(JSON.parse(now));
    return a === b;
  } catch {
    return false;
  }
}

/** Formats written golden files the way the project's formatter (Biome) wants them. */
function formatJson(paths: readonly string[]): void {
  // Biome formats only files of the project (not a LESSONS_ROOT elsewhere).
  if (paths.length === 0 || ROOT !== PROJECT) return;
  const biome = join(
    PROJECT,
    'node_modules',
    '.bin',
    process.platform === 'win32' ? 'biome.cmd' : 'biome',
  );
  const result = spawnSync(biome, ['format', '--write', ...paths], {
    cwd: PROJECT,
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    process.stderr.write(
      `note: could not format the golden files with Biome: ${result.stderr || result.error}\n`,
    );
  }
}

/** Where a trace differs from its golden file: the first differing field or event, in context. */
function goldenDifference(old: string, now: string): string {
  let a: Record<string, unknown>;
  let b: Record<string, unknown>;
  try {
    a = JSON.parse(old) as Record<string, unknown>;
    b = JSON.parse(now) as Record<string, unknown>;
  } catch {
    return 'the golden file is not valid JSON';
  }
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (key === 'events') continue;
    const x = JSON.stringify(a[key]) ?? 'nothing';
    const y = JSON.stringify(b[key]) ?? 'nothing';
    if (x !== y) return `"${key}": ${around(x, y)}`;
  }
  const ea = (a.events as unknown[]) ?? [];
  const eb = (b.events as unknown[]) ?? [];
  for (let i = 0; i < Math.max(ea.length, eb.length); i++) {
    const x = JSON.stringify(ea[i]) ?? 'nothing';
    const y = JSON.stringify(eb[i]) ?? 'nothing';
    if (x !== y) return `event ${i}: golden ${x}, now ${y}`;
  }
  return 'formatting only';
}

/** The first difference of two texts, with a little context. */
function around(x: string, y: string): string {
  let i = 0;
  while (i < x.length && x[i] === y[i]) i++;
  const from = Math.max(0, i - 20);
  const cut = (t: string) =>
    `${from > 0 ? '…' : ''}${t.slice(from, i + 30)}${t.length > i + 30 ? '…' : ''}`;
  return `golden ${cut(x)}, now ${cut(y)}`;
}

/** Which questions or exercises changed their answers or verdicts. */
function answersDifference(old: string, now: string): string {
  try {
    const a = JSON.parse(old) as Record<string, unknown>;
    const b = JSON.parse(now) as Record<string, unknown>;
    const changed = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter(
      (k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]),
    );
    return `the answers or check results of ${changed.join(', ')} changed`;
  } catch {
    return 'the golden file is not valid JSON';
  }
}

function summaryOf(lesson: Lesson, traces: Record<string, Trace>): string {
  const questions = lesson.steps.reduce((n, s) => n + s.questions.length, 0);
  const exercises = lesson.steps.filter((s) => s.exercise).length;
  const longest = Math.max(0, ...Object.values(traces).map((t) => t.events.length));
  const n = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  return ` (${n(lesson.steps.length, 'step')}, ${n(lesson.programs.length, 'program')}, ${n(questions, 'question')}, ${n(exercises, 'exercise')}; longest run ${n(longest, 'step')})`;
}
