/**
 * What the editor marks, as plain data: where each party is in the program at a step
 * (`editorMarkers`) and what went wrong in a run (`traceDiagnostics`). Pure functions of the
 * trace and a `LoopState` (no React, no Monaco), so that they are tested without a browser and
 * the editor only has to draw them.
 */

import { adviceText, coach } from '../../trace/coach.ts';
import {
  findFrame,
  type LoopState,
  type TaskId,
  type TaskView,
  type Trace,
  upperBound,
} from '../../trace/index.ts';
import {
  blocksLoopClause,
  callbackLabel,
  callbackLineText,
  describeWaitWords,
  isFinished,
  markdown,
  moduleLineText,
  readyTurnText,
  runningLineText,
  suspendedLineText,
  waitsText,
} from '../../trace/words.ts';

/** One party's place in the program at a step. */
export interface EditorMarker {
  /** 1-based program line. */
  readonly line: number;
  /** The task, or null for code that runs with no task holding control (module level, callbacks). */
  readonly task: TaskId | null;
  /** The task's name, or words for the no-task party ("the program", "callback say()"). */
  readonly name: string;
  /** True for the party holding control (the strong highlight); false for suspended tasks. */
  readonly running: boolean;
  /** `running`, or how a suspended task waits: `ready` (its turn is queued) or `waiting`. */
  readonly status: 'running' | 'ready' | 'waiting';
  /** One sentence for the hover: what it does or waits for. May contain `code` in backticks. */
  readonly hover: string;
}

/** A problem the run found in the program, for editor markers and the problems list. */
export interface Diagnostic {
  /** 1-based program line. */
  readonly line: number;
  /** 1-based column, when known (syntax errors). */
  readonly column?: number;
  /** As Python says it: "ValueError: boom". */
  readonly message: string;
  /** `error`: the run stopped on it; `warning`: asyncio reported it and the run went on. */
  readonly severity: 'error' | 'warning';
  /** Who says it, for the marker's hover: `Python` when absent; `Coach` for the coach's notes. */
  readonly source?: string;
}

/** The name the editor gives module-level code. */
export const PROGRAM_NAME = 'the program';

/**
 * How far back `editorMarkers` looks for the event that gave control to a plain callback. A
 * callback that runs longer than this without the loop taking control back is still marked by
 * its task-less line only when the loop is not running (a cheap bound for huge traces).
 */
const CALLBACK_LOOKBACK = 50_000;

/**
 * Where everyone is at `state`: one marker per task that is not finished and has run a line
 * (running or suspended), plus the no-task party's line while it holds control and runs program
 * code: module-level code (the loop is not running) or a plain callback the loop runs.
 * Ordered by task id, the no-task marker last.
 */
export function editorMarkers(trace: Trace, state: LoopState): EditorMarker[] {
  const markers: EditorMarker[] = [];
  for (const task of state.tasks) {
    if (task.line === null || isFinished(task.state)) continue;
    const running = state.holder === task.id;
    markers.push({
      line: task.line,
      task: task.id,
      name: task.name,
      running,
      status: running ? 'running' : task.state === 'ready' ? 'ready' : 'waiting',
      hover: running ? runningHover(state, task) : suspendedHover(state, task),
    });
  }
  if (state.holder === null && state.mainLine !== null) {
    if (!state.loopRunning) {
      const line = moduleLine(trace, state.step, state.mainLine);
      markers.push({
        line,
        task: null,
        name: PROGRAM_NAME,
        running: true,
        status: 'running',
        hover: moduleLineText(line, blockedBy(state, null)),
      });
    } else if (callbackRunsCode(trace, state.step)) {
      const line = state.mainLine;
      const fn = state.mainFrame === null ? null : findFrame(state, state.mainFrame)?.fn;
      const name = callbackLabel(fn ?? null);
      markers.push({
        line,
        task: null,
        name,
        running: true,
        status: 'running',
        hover: callbackLineText(name, line, blockedBy(state, null)),
      });
    }
  }
  return markers;
}

function runningHover(state: LoopState, task: TaskView): string {
  return runningLineText(task.name, task.line, blockedBy(state, task.id));
}

function blockedBy(state: LoopState, party: TaskId | null): string {
  const b = state.blocked;
  if (b === null || b.task !== party) return '';
  return blocksLoopClause(b.by, b.until);
}

function suspendedHover(state: LoopState, task: TaskView): string {
  if (task.state === 'ready') {
    const at = state.ready.findIndex((r) => r.task === task.id);
    return readyTurnText(task.name, at < 0 ? null : at);
  }
  if (task.wait !== null)
    return waitsText(task.name, markdown(describeWaitWords(state, task.wait)));
  return suspendedLineText(task.name, task.line);
}

/**
 * True when the latest hand-over of control (looking back from `step`) ran a plain callback and
 * program lines ran since: a callback such as `loop.call_soon(say)` is executing program code.
 */
function callbackRunsCode(trace: Trace, step: number): boolean {
  let sawLine = false;
  const stop = Math.max(0, step - CALLBACK_LOOKBACK);
  for (let i = step; i >= stop; i--) {
    const raw = trace.events[i];
    if (typeof raw === 'number') {
      sawLine = true;
      continue;
    }
    const kind = raw?.k;
    if (kind === 'callback') return sawLine;
    // The loop itself acts between callbacks: a callback that ran before these has returned.
    if (
      kind === 'resume' ||
      kind === 'suspend' ||
      kind === 'task-done' ||
      kind === 'loop' ||
      kind === 'clock' ||
      kind === 'due'
    ) {
      return false;
    }
  }
  return false;
}

/**
 * Where the loop runs of a trace end, and what module-level line was waiting for each: while a
 * loop runs, `LoopState.mainLine` follows plain callbacks too, so after the loop stops it may
 * name a callback's line instead of the `asyncio.run(…)` line the program is at.
 */
interface LoopRuns {
  /** Steps of the `loop` events with `run: false`, ascending. */
  readonly stops: readonly number[];
  /** The last line run before the matching `run: true` (module level), or 0 if none. */
  readonly lineBefore: readonly number[];
  /** The step of the first line event after each stop, or Infinity. */
  readonly nextLine: readonly number[];
}

const loopRunsCache = new WeakMap<Trace, LoopRuns>();

function loopRuns(trace: Trace): LoopRuns {
  const cached = loopRunsCache.get(trace);
  if (cached) return cached;
  const stops: number[] = [];
  const lineBefore: number[] = [];
  const nextLine: number[] = [];
  let lastModuleLine = 0;
  let lineAtStart = 0;
  let running = false;
  let waitingForLine = false;
  const events = trace.events;
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    if (typeof e === 'number') {
      if (!running) lastModuleLine = e;
      if (waitingForLine) {
        nextLine[nextLine.length - 1] = i;
        waitingForLine = false;
      }
    } else if (e?.k === 'loop') {
      if (e.run && !running) lineAtStart = lastModuleLine;
      if (!e.run && running) {
        stops.push(i);
        lineBefore.push(lineAtStart);
        nextLine.push(Number.POSITIVE_INFINITY);
        waitingForLine = true;
      }
      running = e.run;
    }
  }
  const runs = { stops, lineBefore, nextLine };
  loopRunsCache.set(trace, runs);
  return runs;
}

/** The module-level line at `step` (no loop running), given the state's `mainLine`. */
function moduleLine(trace: Trace, step: number, mainLine: number): number {
  const { stops, lineBefore, nextLine } = loopRuns(trace);
  // The last loop stop at or before `step`.
  const i = upperBound(stops, step) - 1;
  if (i < 0 || (nextLine[i] as number) <= step) return mainLine;
  return (lineBefore[i] as number) || mainLine;
}

// ---------------------------------------------------------------------------------------------
// Diagnostics
// ---------------------------------------------------------------------------------------------

const SYNTAX_ERRORS = new Set(['SyntaxError', 'IndentationError', 'TabError']);

/**
 * What went wrong in the run, by program line: the exception that stopped it (a syntax error
 * with its column), and, as warnings, exceptions asyncio reported on stderr while the run went
 * on ("Task exception was never retrieved", "Exception in callback …"). Sorted by line.
 */
export function traceDiagnostics(trace: Trace): Diagnostic[] {
  const out: Diagnostic[] = [];
  const error = trace.error;
  if (error !== null && error.line !== null && error.line > 0) {
    const message = error.message ? `${error.type}: ${error.message}` : error.type;
    const d: Diagnostic = { line: error.line, message, severity: 'error' };
    out.push(
      SYNTAX_ERRORS.has(error.type) && error.column !== undefined
        ? { ...d, column: error.column }
        : d,
    );
  }
  for (const report of asyncioReports(trace.stderr, trace.file)) {
    if (!out.some((d) => d.line === report.line && d.message === report.message)) out.push(report);
  }
  // Stable: the stopping error comes before warnings on the same line.
  return out.sort((a, b) => a.line - b.line);
}

const REPORT_HEADERS: readonly { re: RegExp; title: (m: RegExpExecArray) => string }[] = [
  { re: /^Task exception was never retrieved$/, title: () => 'task exception never retrieved' },
  {
    re: /^Exception in callback (.+?)(?: at \S+:\d+)?$/,
    title: (m) => `exception in callback ${m[1]}`,
  },
];

/**
 * Exceptions asyncio's default exception handler wrote to stderr, located at the innermost
 * frame of the program in their traceback (CPython's traceback text: `  File "main.py", line 6`).
 */
function asyncioReports(stderr: string, file: string): Diagnostic[] {
  if (!stderr) return [];
  const lines = stderr.split('\n');
  const found: Diagnostic[] = [];
  const fileLine = /^ {2}File "(.*)", line (\d+)/;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i] as string;
    let title: string | null = null;
    for (const h of REPORT_HEADERS) {
      const m = h.re.exec(text);
      if (m) title = h.title(m);
    }
    if (title === null) continue;
    // The traceback follows within a few lines ("future: <Task …>", "handle: <Handle …>").
    let j = i + 1;
    while (j < lines.length && j <= i + 3 && lines[j] !== 'Traceback (most recent call last):') j++;
    if (lines[j] !== 'Traceback (most recent call last):') continue;
    let line: number | null = null;
    let k = j + 1;
    for (; k < lines.length && (lines[k] as string).startsWith(' '); k++) {
      const m = fileLine.exec(lines[k] as string);
      if (m && m[1] === file) line = Number(m[2]);
    }
    const exception = lines[k]?.trim();
    if (line !== null && line > 0 && exception) {
      found.push({ line, message: `${exception} (${title})`, severity: 'warning' });
    }
    i = k;
  }
  return found;
}

/**
 * The coach's notes as diagnostics, one per line it points at (beside Python's own, which keep
 * CPython's message exactly): the explanation and the fix, as plain-text warnings from "Coach".
 */
export function coachDiagnostics(trace: Trace): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const a of coach(trace)) {
    for (const line of a.lines) {
      // Plain text (markers and the problems list show no Markdown): code marks dropped.
      const message = adviceText(a).replace(/`/g, '');
      out.push({ line, message, severity: 'warning', source: 'Coach' });
    }
  }
  return out.sort((a, b) => a.line - b.line);
}
