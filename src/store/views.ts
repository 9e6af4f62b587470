/**
 * View models: what the panels show at a step, as pure functions of (trace, step). Each is
 * memoised so that re-rendering at the same step costs nothing and moving the cursor costs one
 * `stateAt` (which has checkpoints) plus a binary search or two. Per-trace indexes are built once
 * and kept in WeakMaps, so a trace that is replaced is collected with its indexes.
 */
import type { Trace } from '../runtime/run-trace.ts';
import {
  cap,
  type LoopState,
  narrate,
  outputs,
  seconds,
  stateAt,
  stepOf,
  type TaskId,
  traceIndex,
  upperBound,
} from '../trace/index.ts';
import { clampStep } from './slices/playback.ts';

// ---------------------------------------------------------------------------------------------
// The picture at a step
// ---------------------------------------------------------------------------------------------

/** The step the panels show for cursor `step`: -1 when the trace has no events at all. */
export function shownStep(trace: Trace, step: number): number {
  return trace.events.length === 0 ? -1 : clampStep(trace, step);
}

/**
 * A few recent pictures per trace: the current one, and the one before it (the simulator marks
 * what changed), so stepping back and forth does not replay anything twice.
 */
const recentStates = new WeakMap<Trace, Map<number, LoopState>>();
const RECENT = 8;

export function stateAtStep(trace: Trace, step: number): LoopState {
  const s = shownStep(trace, step);
  let recent = recentStates.get(trace);
  if (!recent) {
    recent = new Map();
    recentStates.set(trace, recent);
  }
  const hit = recent.get(s);
  if (hit) return hit;
  const state = stateAt(trace, s);
  recent.set(s, state);
  if (recent.size > RECENT) recent.delete(recent.keys().next().value as number);
  return state;
}

/** The picture one step before (null at the first step). */
export function previousState(trace: Trace, step: number): LoopState | null {
  const s = shownStep(trace, step);
  return s <= 0 ? null : stateAtStep(trace, s - 1);
}

// ---------------------------------------------------------------------------------------------
// Narration and status
// ---------------------------------------------------------------------------------------------

const narrations = new WeakMap<Trace, { step: number; text: string }>();

/** One plain sentence for the step (memoised for the last step asked). */
export function narrationAt(trace: Trace, step: number): string {
  const s = shownStep(trace, step);
  const hit = narrations.get(trace);
  if (hit?.step === s) return hit.text;
  const text =
    s < 0
      ? trace.status === 'error' && trace.error
        ? `The program could not start: ${trace.error.type}${trace.error.message ? `: ${trace.error.message}` : ''}.`
        : 'The program did nothing.'
      : narrate(trace, s);
  narrations.set(trace, { step: s, text });
  return text;
}

/**
 * "Step 24 of 115": step numbers are event indexes, as in links and the timeline; the run status
 * says how many there are with their range ("116 steps (0–115)", words.ts `stepCount`).
 */
export function stepText(trace: Trace | null, step: number): string {
  if (!trace) return 'No run yet';
  if (trace.events.length === 0) return 'No steps';
  return cap(stepOf(shownStep(trace, step), trace.events.length - 1));
}

/** The virtual clock at the step, as people say it: "4.0 s". */
export function timeText(trace: Trace | null, step: number): string {
  if (!trace || trace.events.length === 0) return seconds(0);
  return seconds(stateAtStep(trace, step).time);
}

// ---------------------------------------------------------------------------------------------
// The console
// ---------------------------------------------------------------------------------------------

/**
 * How a piece of output reads: ordinary output, or a part of a traceback: a frame of the
 * program (`File "main.py", line 6, in boom` and its code), a frame inside Python's own library
 * (dimmed: the learner's frames are what matter), or the exception line itself.
 */
export type OutputTone = 'plain' | 'header' | 'frame' | 'library' | 'exception';

export interface ConsoleSegment {
  /** Index of the `out` event in `outputs(trace)`. */
  readonly entry: number;
  /** The step that wrote it. */
  readonly step: number;
  /** The task that held control when it was written (null: module level, the loop, a callback). */
  readonly task: TaskId | null;
  readonly stream: 'stdout' | 'stderr';
  readonly text: string;
  readonly tone: OutputTone;
}

/** One visual line of the console: usually one print, but `print(end="")` pieces share a line. */
export interface ConsoleLine {
  readonly index: number;
  readonly segments: readonly ConsoleSegment[];
  /** The step of its first segment: where clicking the line goes. */
  readonly step: number;
  /** The line's last step: it is complete once the cursor reaches it. */
  readonly lastStep: number;
}

export interface ConsoleModel {
  readonly lines: readonly ConsoleLine[];
  /** lines[i].step, for binary search. */
  readonly firstSteps: Int32Array;
}

const consoleModels = new WeakMap<Trace, ConsoleModel>();

const FRAME_LINE = /^\s*File "([^"]+)", line \d+/;

/** Classifies stderr lines as traceback parts, keeping state from line to line. */
function tracebackToner(file: string) {
  let inTraceback = false;
  let inLibrary = false;
  return (line: string): OutputTone => {
    if (/^(Traceback \(most recent call last\)|Exception Group Traceback)/.test(line.trim())) {
      inTraceback = true;
      inLibrary = false;
      return 'header';
    }
    if (!inTraceback) return 'plain';
    const frame = FRAME_LINE.exec(line);
    if (frame) {
      inLibrary = frame[1] !== file;
      return inLibrary ? 'library' : 'frame';
    }
    if (/^[\s|+]/.test(line) && line.trim() !== '') return inLibrary ? 'library' : 'frame';
    if (line.trim() === '') return 'plain';
    // The first unindented line after the frames names the exception; a chained traceback
    // ("During handling of the above exception…") starts another block.
    inLibrary = false;
    if (/^(During handling|The above exception)/.test(line)) {
      inTraceback = false;
      return 'plain';
    }
    inTraceback = false;
    return 'exception';
  };
}

/** Every visual line of the run's output, built once per trace. */
export function consoleModel(trace: Trace): ConsoleModel {
  const cached = consoleModels.get(trace);
  if (cached) return cached;
  const entries = outputs(trace);
  // Who held control at each output: the per-trace index's holder (no scan of the events).
  const { holder } = traceIndex(trace);
  const toneOf = tracebackToner(trace.file);
  const lines: ConsoleLine[] = [];
  let current: ConsoleSegment[] = [];
  /** stderr tone of the visual line in progress (decided by its start). */
  let pendingTone: OutputTone | null = null;
  const close = () => {
    if (current.length === 0) return;
    lines.push({
      index: lines.length,
      segments: current,
      step: (current[0] as ConsoleSegment).step,
      lastStep: (current[current.length - 1] as ConsoleSegment).step,
    });
    current = [];
    pendingTone = null;
  };
  entries.forEach((entry, i) => {
    const pieces = entry.text.split('\n');
    pieces.forEach((piece, j) => {
      if (piece !== '') {
        let tone: OutputTone = 'plain';
        if (entry.stream === 'stderr') {
          // Tracebacks arrive whole, one out event each; a line split over several writes takes
          // the tone of its first piece.
          pendingTone ??= toneOf(piece);
          tone = pendingTone;
        }
        current.push({
          entry: i,
          step: entry.step,
          task: (holder[entry.step] || null) as TaskId | null,
          stream: entry.stream,
          text: piece,
          tone,
        });
      }
      if (j < pieces.length - 1) {
        if (current.length === 0) {
          // An empty line is still a line (print() with no arguments).
          current.push({
            entry: i,
            step: entry.step,
            task: (holder[entry.step] || null) as TaskId | null,
            stream: entry.stream,
            text: '',
            tone: 'plain',
          });
        }
        close();
      }
    });
  });
  close();
  const model: ConsoleModel = {
    lines,
    firstSteps: Int32Array.from(lines, (line) => line.step),
  };
  consoleModels.set(trace, model);
  return model;
}

/** Number of lines whose first segment was written at or before `step`. */
function linesStartedBy(model: ConsoleModel, step: number): number {
  return upperBound(model.firstSteps, step);
}

export interface ConsoleView {
  /** The lines to render: a window around the cursor (all of them for lesson-sized runs). */
  readonly lines: readonly ConsoleLine[];
  /** Lines started at or before the cursor (the rest are later output, shown greyed). */
  readonly printed: number;
  /** The index of the newest printed line, or -1 if nothing is printed yet. */
  readonly current: number;
  /** Lines left out of the window before and after it. */
  readonly hiddenBefore: number;
  readonly hiddenAfter: number;
  readonly total: number;
}

/** How many lines the console renders at most: older and later output is summarised. */
export const CONSOLE_WINDOW = { before: 200, after: 100 } as const;

const consoleViews = new WeakMap<Trace, { step: number; view: ConsoleView }>();

/** The console at `step`: what has been printed, and (greyed) what is still to come. */
export function consoleView(trace: Trace, step: number): ConsoleView {
  const s = shownStep(trace, step);
  const hit = consoleViews.get(trace);
  if (hit?.step === s) return hit.view;
  const model = consoleModel(trace);
  const printed = linesStartedBy(model, s);
  const from = Math.max(0, printed - CONSOLE_WINDOW.before);
  const to = Math.min(model.lines.length, printed + CONSOLE_WINDOW.after);
  const view: ConsoleView = {
    lines: model.lines.slice(from, to),
    printed,
    current: printed - 1,
    hiddenBefore: from,
    hiddenAfter: model.lines.length - to,
    total: model.lines.length,
  };
  consoleViews.set(trace, { step: s, view });
  return view;
}

// ---------------------------------------------------------------------------------------------
// Limits and progress
// ---------------------------------------------------------------------------------------------

/** The tracer's default step limit (docs/trace-format.md). */
export const DEFAULT_MAX_STEPS = 2_000_000;

/** The step limit a program runs with: `# lab: max-steps=N` in its leading comments, or the default. */
export function maxStepsOf(source: string): number {
  for (const raw of source.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    if (!line.startsWith('#')) break;
    const m = /^#\s*lab:\s*(.*)$/.exec(line);
    if (!m) continue;
    for (const part of (m[1] as string).replace(/,/g, ' ').split(/\s+/)) {
      const [key, value] = part.split('=');
      if (key?.trim() === 'max-steps' && value && /^\d+$/.test(value.trim())) {
        return Number(value.trim());
      }
    }
  }
  return DEFAULT_MAX_STEPS;
}

/** The console without the lines still to come (a question asks what they are). */
export function withoutLaterOutput(view: ConsoleView): ConsoleView {
  const shown = Math.max(0, view.printed - view.hiddenBefore);
  return { ...view, lines: view.lines.slice(0, shown), hiddenAfter: 0, total: view.printed };
}
