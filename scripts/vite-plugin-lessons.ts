/**
 * `virtual:lessons`: every lesson under lessons/, parsed at build time, with the trace of each
 * program recorded in Node by the same tracer the browser runs (so a lesson shows its picture
 * before Pyodide has loaded). Types: src/lessons/virtual-lessons.d.ts.
 *
 * The lessons module itself is small: it ships every lesson without its traces, and
 * `loadTraces(slug)` imports that lesson's traces from a module of their own
 * (`virtual:lesson-traces/<hash>/<slug>`, one chunk per lesson in a build), so a page loads only
 * the traces of the lessons it opens. The hash in the id changes with the traces, so a dev update
 * never serves old ones. Traces are cached on disk by program and tracer hash
 * (scripts/trace-cache.ts): Pyodide is loaded only when some program has no cached trace.
 *
 * Dev: saving, adding or removing a lesson file re-parses and re-traces (programs whose source
 * did not change reuse their trace) and hot-updates the module; the page receives the new
 * lessons through `subscribe` without a reload. Problems are printed in the terminal and
 * exported as `problems`. Build: any problem fails the build, naming file, line and field;
 * drafts are left out.
 */
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import type { Lesson, LessonBundle, LessonProblem } from '../src/lessons/types.ts';
import { formatProblem, verifyLesson } from '../src/lessons/verify.ts';
import { type NodeTracer, nodeTracer } from '../src/runtime/tracer.node.ts';
import { parseTrace, type Trace } from '../src/trace/index.ts';
import { loadLessons, overlayError, traceProgram } from './lessons-load.ts';
import { defaultCacheDir, diskTraceCache, type TraceCache, tracerHash } from './trace-cache.ts';

export const VIRTUAL_LESSONS = 'virtual:lessons';
const RESOLVED = `\0${VIRTUAL_LESSONS}`;
/** Prefix of a lesson's traces module: `virtual:lesson-traces/<hash>/<slug>`. */
export const VIRTUAL_TRACES = 'virtual:lesson-traces/';
/**
 * `virtual:lesson-trace-loaders`: slug → import of that lesson's traces module, and nothing else,
 * so that the page's own chunk can start loading a lesson link's traces at once, beside the
 * lessons module instead of after it. Empty in dev (where traces modules change with every
 * save): the lessons module's `loadTraces` loads them there.
 */
export const VIRTUAL_TRACE_LOADERS = 'virtual:lesson-trace-loaders';
const LOADERS = `\0${VIRTUAL_TRACE_LOADERS}`;
const NO_LOADERS = 'export const loaders = {};';

export interface LessonsPluginOptions {
  /** The lessons folder, relative to Vite's root (default `lessons`). */
  readonly dir?: string;
  /** The disk cache of traces (default node_modules/.cache/event-loop-lab/traces); false: none. */
  readonly cacheDir?: string | false;
}

/** What one build of the lessons gives: the bundles, and each lesson's traces module. */
interface Built {
  lessons: LessonBundle[];
  problems: LessonProblem[];
  /** Lesson slug → id of its traces module. */
  traceIds: Map<string, string>;
}

export function lessonsPlugin(options: LessonsPluginOptions = {}): Plugin {
  const dir = options.dir ?? 'lessons';
  let root = process.cwd();
  let isBuild = false;
  /** Program source → trace JSON: an edit re-traces only the programs it changed. */
  const traceCache = new Map<string, string>();
  let disk: TraceCache | null = null;
  /** Traces module id → its traces (kept across dev updates: an old page may still ask). */
  const traceModules = new Map<string, Record<string, string>>();
  /** Dev only: lesson problems also go to Vite's error overlay, with a code frame. */
  let devServer: ViteDevServer | undefined;
  /** A build's lessons, built once for both modules that need them (dev builds at every load). */
  let built: Promise<Built> | null = null;

  async function build(): Promise<Built> {
    const loaded = loadLessons(root, dir);
    if (disk === null && options.cacheDir !== false) {
      disk = diskTraceCache(options.cacheDir ?? defaultCacheDir(root), tracerHash(root));
    }
    const problems: LessonProblem[] = [...loaded.problems];
    const lessons: LessonBundle[] = [];
    const traceIds = new Map<string, string>();
    const used = new Set<string>();
    for (const lesson of loaded.lessons) {
      if (isBuild && lesson.meta.draft) continue;
      const traces = await traceOf(lesson, nodeTracer, traceCache, disk);
      for (const program of lesson.programs) used.add(program.source);
      const checked = checkedTraces(lesson, traces);
      problems.push(...checked.problems);
      lessons.push({ lesson, traces });
      traceModules.set(checked.id, traces);
      traceIds.set(lesson.slug, checked.id);
    }
    for (const source of traceCache.keys()) if (!used.has(source)) traceCache.delete(source);
    return { lessons, problems, traceIds };
  }

  return {
    name: 'event-loop-lab:lessons',
    configResolved(config) {
      root = config.root;
      isBuild = config.command === 'build';
    },
    buildStart() {
      if (isBuild) built = build();
    },
    resolveId(id) {
      if (id === VIRTUAL_LESSONS) return RESOLVED;
      if (id === VIRTUAL_TRACE_LOADERS || id.startsWith(VIRTUAL_TRACES)) return `\0${id}`;
      return undefined;
    },
    async load(id) {
      if (id.startsWith(`\0${VIRTUAL_TRACES}`)) {
        const traces = traceModules.get(id.slice(1));
        if (!traces) this.error(`No lesson traces for ${id.slice(1)} (the lessons changed).`);
        return tracesModuleCode(traces);
      }
      if (id === LOADERS) return built ? loadersCode((await built).traceIds) : NO_LOADERS;
      if (id !== RESOLVED) return undefined;
      const lessons = await (built ?? build());
      for (const lesson of lessons.lessons) this.addWatchFile(resolve(root, lesson.lesson.file));
      if (lessons.problems.length > 0) {
        const text = lessons.problems.map(formatProblem).join('\n');
        if (isBuild) this.error(`Lessons have problems (run npm run lessons:check):\n${text}`);
        this.warn(`Lessons have problems:\n${text}`);
        showProblems(devServer, root, lessons.problems);
      }
      return moduleCode(lessons);
    },
    configureServer(server) {
      devServer = server;
      watchLessons(server, resolve(root, dir));
    },
    handleHotUpdate(ctx) {
      // Lesson files are not modules: the watcher above reloads `virtual:lessons` for them.
      if (isLessonFile(resolve(root, dir), ctx.file)) return [];
      return undefined;
    },
  };
}

/**
 * A lesson's traces checked against it, and the id of its traces module: the hash changes with
 * the traces, and the slug comes last (a build names the lesson's chunk after it).
 */
function checkedTraces(
  lesson: Lesson,
  traces: Record<string, string>,
): { problems: LessonProblem[]; id: string } {
  const parsed: Record<string, Trace> = {};
  for (const [id, json] of Object.entries(traces)) parsed[id] = parseTrace(json);
  const hash = createHash('sha256').update(JSON.stringify(traces)).digest('hex').slice(0, 12);
  return { problems: verifyLesson(lesson, parsed), id: `${VIRTUAL_TRACES}${hash}/${lesson.slug}` };
}

/** Dev: the problems in Vite's error overlay too, with a code frame. */
function showProblems(
  server: ViteDevServer | undefined,
  root: string,
  problems: readonly LessonProblem[],
): void {
  const err = overlayError(root, problems);
  if (server && err) server.ws.send({ type: 'error', err });
}

/** The traces of `lesson`'s programs: from memory, then disk, then Pyodide (loaded lazily). */
async function traceOf(
  lesson: Lesson,
  tracer: () => Promise<NodeTracer>,
  memory: Map<string, string>,
  disk: TraceCache | null,
): Promise<Record<string, string>> {
  const traces: Record<string, string> = {};
  for (const program of lesson.programs) {
    let json = memory.get(program.source) ?? disk?.get(program.source);
    if (json === undefined) {
      json = traceProgram(await tracer(), program.source);
      disk?.set(program.source, json);
    }
    memory.set(program.source, json);
    traces[program.id] = json;
  }
  return traces;
}

/** Lesson files are not modules: a save reloads `virtual:lessons` (the page updates in place). */
function watchLessons(server: ViteDevServer, lessonsDir: string): void {
  server.watcher.add(lessonsDir);
  const onChange = (file: string) => {
    if (isLessonFile(lessonsDir, file)) reload(server);
  };
  server.watcher.on('add', onChange);
  server.watcher.on('change', onChange);
  server.watcher.on('unlink', onChange);
}

function isLessonFile(lessonsDir: string, file: string): boolean {
  const f = resolve(file);
  return f.startsWith(join(lessonsDir, '/')) && (f.endsWith('.md') || f.endsWith('.py'));
}

function reload(server: ViteDevServer): void {
  const mod = server.moduleGraph.getModuleById(RESOLVED);
  if (mod) void server.reloadModule(mod);
}

/**
 * The lessons module's code. Data goes through JSON.parse of one string (faster to load than an
 * object literal of the same size); the lessons ship with empty `traces`, and `loadTraces` imports
 * a lesson's traces module (a separate chunk). `subscribe` keeps its listeners in
 * `import.meta.hot.data`, which survives hot updates, and the module accepts its own updates and
 * hands them to the listeners.
 */
function moduleCode(built: Built): string {
  const lessons = built.lessons.map((b) => ({ lesson: b.lesson, traces: {} }));
  const data = JSON.stringify({ lessons, problems: built.problems });
  return `const data = JSON.parse(${JSON.stringify(data)});
export const lessons = data.lessons;
export const problems = data.problems;
${loadersCode(built.traceIds, 'const')}
export function loadTraces(slug) {
  const load = Object.hasOwn(loaders, slug) ? loaders[slug] : undefined;
  return load ? load().then((m) => m.traces) : Promise.resolve({});
}
const listeners = import.meta.hot ? (import.meta.hot.data.listeners ??= new Set()) : new Set();
export function subscribe(listener) {
  listeners.add(listener);
  return () => { listeners.delete(listener); };
}
if (import.meta.hot) {
  import.meta.hot.accept((next) => {
    if (next) for (const listener of listeners) listener({ lessons: next.lessons, problems: next.problems, loadTraces: next.loadTraces });
  });
}
`;
}

/** `loaders`: slug → a function importing that lesson's traces module (exported, or a const). */
function loadersCode(traceIds: ReadonlyMap<string, string>, declare = 'export const'): string {
  const loaders = [...traceIds]
    .map(([slug, id]) => `  ${JSON.stringify(slug)}: () => import(${JSON.stringify(id)}),`)
    .join('\n');
  return `${declare} loaders = {\n${loaders}\n};\n`;
}

/** One lesson's traces module: program id → trace JSON text. */
function tracesModuleCode(traces: Record<string, string>): string {
  return `export const traces = JSON.parse(${JSON.stringify(JSON.stringify(traces))});\n`;
}
