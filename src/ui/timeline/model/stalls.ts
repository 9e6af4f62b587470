/**
 * Stalls on the timeline: the turns in which a task held the loop so long that nothing else
 * could run, as the coach finds them (coach-stalls.ts), grouped by task as spans, each with the
 * coach's own sentence ("worker-1 held the loop for 2.0 s at line 7; nothing else could run.").
 * The coach scans each trace once (its result is cached), so the console, the status bar and the
 * timeline share one scan.
 */
import { stallAdvice } from '../../../trace/coach-stalls.ts';
import { adviceSummary, type Stall, stalls, type Trace } from '../../../trace/index.ts';
import { SpanBuilder, type Spans } from './spans.ts';

export interface LaneStalls {
  /** [resume step, the step that ended the turn), with the virtual time the turn took. */
  readonly spans: Spans;
  /** The coach's sentence for each span, in the same order. */
  readonly words: readonly string[];
}

export const NO_STALLS: LaneStalls = { spans: new SpanBuilder().build(), words: [] };

/** Each stalling task's stalls, by task id. */
export function stallsByTask(trace: Trace): Map<number, LaneStalls> {
  const found = stalls(trace);
  const out = new Map<number, LaneStalls>();
  if (found.length === 0) return out;
  const words = stallWords(trace);
  const grouped = new Map<number, Stall[]>();
  for (const s of found) {
    const list = grouped.get(s.task);
    if (list) list.push(s);
    else grouped.set(s.task, [s]);
  }
  for (const [task, list] of grouped) {
    const spans = new SpanBuilder();
    // Not merged: two stalls back to back are two turns, each with its own sentence.
    for (const s of list) spans.addApart(s.from, s.to, s.start, s.end);
    out.set(task, { spans: spans.build(), words: list.map((s) => words.get(s.from) ?? '') });
  }
  return out;
}

/** The coach's first sentence about each stall, by the step where it starts. */
function stallWords(trace: Trace): Map<number, string> {
  const out = new Map<number, string>();
  // Only the stall advice: the whole coach (errors, warnings) would cost a cold build far more.
  for (const a of stallAdvice(trace)) if (a.step !== null) out.set(a.step, adviceSummary(a));
  return out;
}
