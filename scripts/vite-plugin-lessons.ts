/**
 * `virtual:lessons`: every lesson under lessons/, parsed at build time, with the trace of each
 * program recorded in Node by the same tracer the browser runs (so a lesson shows its picture
 * before Pyodide has loaded). Types: src/lessons/virtual-lessons.d.ts.
 *
 * Dev: saving, adding or removing a lesson file re-parses and re-traces (programs whose source
 * did not change reuse their trace) and hot-updates the module; the page receives the new
 * lessons through `subscribe` without a reload. Problems are printed in the terminal and
 * exported as `problems`. Build: any problem fails the build, naming file, line and field;
 * drafts are left out.
 */
import { join, resolve } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import type { LessonBundle, LessonProblem } from '../src/lessons/types.ts';
import { formatProblem, verifyLesson } from '../src/lessons/verify.ts';
import { nodeTracer } from '../src/runtime/tracer.node.ts';
import { parseTrace, type Trace } from '../src/trace/index.ts';
import { loadLessons, overlayError, traceLesson } from './lessons-load.ts';

export const VIRTUAL_LESSONS = 'virtual:lessons';
const RESOLVED = `\0${VIRTUAL_LESSONS}`;

export interface LessonsPluginOptions {
  /** The lessons folder, relative to Vite's root (default `lessons`). */
  readonly dir?: string;
}

export function lessonsPlugin(options: LessonsPluginOptions = {}): Plugin {
  const dir = options.dir ?? 'lessons';
  let root = process.cwd();
  let isBuild = false;
  /** Program source → trace JSON: an edit re-traces only the programs it changed. */
  const traceCache = new Map<string, string>();
  /** Dev only: lesson problems also go to Vite's error overlay, with a code frame. */
  let devServer: ViteDevServer | undefined;

  async function build(): Promise<{ lessons: LessonBundle[]; problems: LessonProblem[] }> {
    const loaded = loadLessons(root, dir);
    const tracer = await nodeTracer();
    const problems: LessonProblem[] = [...loaded.problems];
    const lessons: LessonBundle[] = [];
    const used = new Set<string>();
    for (const lesson of loaded.lessons) {
      if (isBuild && lesson.meta.draft) continue;
      const traces = traceLesson(lesson, tracer, traceCache);
      const parsed: Record<string, Trace> = {};
      for (const [id, json] of Object.entries(traces)) {
        parsed[id] = parseTrace(json);
        used.add(lesson.programs.find((p) => p.id === id)?.source ?? '');
      }
      problems.push(...verifyLesson(lesson, parsed));
      lessons.push({ lesson, traces });
    }
    for (const source of traceCache.keys()) if (!used.has(source)) traceCache.delete(source);
    return { lessons, problems };
  }

  return {
    name: 'event-loop-lab:lessons',
    configResolved(config) {
      root = config.root;
      isBuild = config.command === 'build';
    },
    resolveId(id) {
      return id === VIRTUAL_LESSONS ? RESOLVED : undefined;
    },
    async load(id) {
      if (id !== RESOLVED) return undefined;
      const { lessons, problems } = await build();
      for (const lesson of lessons) this.addWatchFile(resolve(root, lesson.lesson.file));
      if (problems.length > 0) {
        const text = problems.map(formatProblem).join('\n');
        if (isBuild) this.error(`Lessons have problems (run npm run lessons:check):\n${text}`);
        this.warn(`Lessons have problems:\n${text}`);
        const err = overlayError(root, problems);
        if (devServer && err) devServer.ws.send({ type: 'error', err });
      }
      return moduleCode(lessons, problems);
    },
    configureServer(server) {
      devServer = server;
      const lessonsDir = resolve(root, dir);
      server.watcher.add(lessonsDir);
      const onChange = (file: string) => {
        if (isLessonFile(lessonsDir, file)) reload(server);
      };
      server.watcher.on('add', onChange);
      server.watcher.on('change', onChange);
      server.watcher.on('unlink', onChange);
    },
    handleHotUpdate(ctx) {
      // Lesson files are not modules: the watcher above reloads `virtual:lessons` for them.
      if (isLessonFile(resolve(root, dir), ctx.file)) return [];
      return undefined;
    },
  };
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
 * The module's code. Data goes through JSON.parse of one string (faster to load than an object
 * literal of the same size); `subscribe` keeps its listeners in `import.meta.hot.data`, which
 * survives hot updates, and the module accepts its own updates and hands them to the listeners.
 */
function moduleCode(lessons: readonly LessonBundle[], problems: readonly LessonProblem[]): string {
  const data = JSON.stringify({ lessons, problems });
  return `const data = JSON.parse(${JSON.stringify(data)});
export const lessons = data.lessons;
export const problems = data.problems;
const listeners = import.meta.hot ? (import.meta.hot.data.listeners ??= new Set()) : new Set();
export function subscribe(listener) {
  listeners.add(listener);
  return () => { listeners.delete(listener); };
}
if (import.meta.hot) {
  import.meta.hot.accept((next) => {
    if (next) for (const listener of listeners) listener({ lessons: next.lessons, problems: next.problems });
  });
}
`;
}
