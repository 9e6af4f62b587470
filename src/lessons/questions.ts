/**
 * Questions answered against the real run. Where the answer follows from the program it is
 * computed from the trace, never typed by the author, so a question cannot disagree with the
 * run; every answer carries the step that proves it, for the replay to jump to after answering.
 */
import type { Step, Trace } from '../trace/index.ts';
import {
  describeTask,
  formatNumber,
  quoteOutput,
  seconds,
  taskNameAt,
  traceFacts,
} from './facts.ts';
import { resolveMoment, tasksNamed } from './moments.ts';
import type { Question, QuestionKind } from './types.ts';

export interface QuestionAnswer {
  readonly kind: QuestionKind;
  /** Where the run is paused while the learner answers; null: the question needs no moment. */
  readonly at: Step | null;
  /**
   * What the learner picks from. For `order`: the lines in the order they are shown (the
   * author's order). Empty for a `time` question without choices: the learner types a number.
   */
  readonly choices: readonly string[];
  /** The right choice (one entry) or, for `order`, the lines in the order the run prints them. */
  readonly answer: readonly string[];
  /** The moment in the run that proves the answer (null only for a `choice` without `proof`). */
  readonly proof: Step | null;
  /** `order`: the step at which each line of `answer` is printed; otherwise `[proof]` or []. */
  readonly steps: readonly Step[];
  /** Why, in plain words, naming what happens at the proving step. */
  readonly why: string;
}

export type AnswerResult =
  | { readonly ok: true; readonly answer: QuestionAnswer }
  | { readonly ok: false; readonly error: string };

/** The outcome question's fixed choices, in this order. */
export const OUTCOME_CHOICES = [
  'It returns a result',
  'It raises an exception',
  'It is cancelled',
  'It never finishes',
] as const;

/** Normalises an answer for comparison: trims, drops surrounding quotes and backticks, folds spaces. */
export function normalizeAnswer(s: string): string {
  let t = s.trim().replace(/\s+/g, ' ');
  for (;;) {
    const m = /^(["'`“‘])(.*)(["'`”’])$/.exec(t);
    if (!m) break;
    t = (m[2] as string).trim();
  }
  return t;
}

/** Stdout split into lines, each with the step of the output that completes it. */
export function stdoutLines(trace: Trace): readonly { text: string; step: Step }[] {
  const lines: { text: string; step: Step }[] = [];
  let pending = '';
  trace.events.forEach((e, i) => {
    if (typeof e !== 'object' || e.k !== 'out' || e.e === 1) return;
    const parts = (pending + e.s).split('\n');
    pending = parts.pop() as string;
    for (const text of parts) lines.push({ text, step: i as Step });
  });
  if (pending !== '') lines.push({ text: pending, step: lastOutStep(trace) as Step });
  return lines;
}

function lastOutStep(trace: Trace): number {
  for (let i = trace.events.length - 1; i >= 0; i--) {
    const e = trace.events[i];
    if (typeof e === 'object' && e.k === 'out' && e.e !== 1) return i;
  }
  return trace.events.length - 1;
}

/** Who holds control at `step`, in words: a task's name, a callback, or the main program. */
function holderWords(trace: Trace, step: number): string {
  const id = traceFacts(trace).holder[step] ?? 0;
  if (id !== 0) return taskNameAt(trace, id, step);
  const events = trace.events;
  for (let i = step; i >= 0; i--) {
    const e = events[i];
    if (typeof e !== 'object') continue;
    if (e.k === 'resume' || e.k === 'suspend' || e.k === 'task-done' || e.k === 'loop') break;
    if (e.k === 'callback') {
      for (let j = i - 1; j >= 0; j--) {
        const r = events[j];
        if (typeof r === 'object' && (r.k === 'ready' || r.k === 'timer') && r.h === e.h && r.cb) {
          return `the callback ${r.cb}`;
        }
      }
      return 'a callback';
    }
  }
  return 'the main program (outside any task)';
}

export function answerQuestion(q: Question, trace: Trace): AnswerResult {
  let at: Step | null = null;
  if (q.at !== null) {
    const r = resolveMoment(q.at.text, trace);
    if (!r.ok) return { ok: false, error: `"at": ${r.error}` };
    at = r.step;
  }
  const computed = compute(q, trace, at);
  if ('error' in computed) return { ok: false, error: computed.error };
  return { ok: true, answer: computed };
}

function compute(q: Question, trace: Trace, at: Step | null): QuestionAnswer | { error: string } {
  const authored = q.choices?.map((c) => c.text) ?? null;
  switch (q.kind) {
    case 'next-output': {
      if (at === null)
        return { error: 'a next-output question needs "at": the moment after which to ask' };
      const next = stdoutLines(trace).find((l) => l.step > at);
      if (!next) return { error: 'nothing is printed after that moment' };
      const others = distinct(stdoutLines(trace).map((l) => l.text)).filter((t) => t !== next.text);
      const choices = authored ?? suggest(next.text, others);
      return withChoices(q, {
        kind: q.kind,
        at,
        choices,
        answer: [next.text],
        proof: next.step,
        steps: [next.step],
        why: `At step ${next.step}, ${holderWords(trace, next.step)} prints ${quoteOutput(next.text)}.`,
      });
    }
    case 'next-task': {
      if (at === null)
        return { error: 'a next-task question needs "at": the moment after which to ask' };
      const events = trace.events;
      let step = -1;
      for (let i = at + 1; i < events.length; i++) {
        const e = events[i];
        if (typeof e === 'object' && e.k === 'resume') {
          step = i;
          break;
        }
      }
      if (step < 0) return { error: 'no task gets control after that moment' };
      const id = (events[step] as { t: number }).t;
      const name = taskNameAt(trace, id, step);
      const alive = traceFacts(trace)
        .tasks.filter(
          (t) =>
            t.created <= Math.max(at, 0) &&
            (t.done === null || t.done > at) &&
            (!t.coro.startsWith('BaseEventLoop.') || t.id === id),
        )
        .map((t) => taskNameAt(trace, t.id, at));
      const choices = authored ?? distinct(alive.includes(name) ? alive : [...alive, name]);
      return withChoices(q, {
        kind: q.kind,
        at,
        choices,
        answer: [name],
        proof: step as Step,
        steps: [step as Step],
        why: `At step ${step}, the loop hands control to ${name}.`,
      });
    }
    case 'order': {
      if (authored === null || authored.length < 2) {
        return {
          error: 'an order question needs a list of at least two output lines to put in order',
        };
      }
      const lines = stdoutLines(trace);
      const placed: { text: string; step: Step; index: number }[] = [];
      for (const item of authored) {
        const want = normalizeAnswer(item);
        const found = lines
          .map((l, index) => ({ ...l, index }))
          .filter((l) => normalizeAnswer(l.text) === want);
        if (found.length === 0)
          return { error: `the run never prints the line ${quoteOutput(want)}` };
        if (found.length > 1) {
          return {
            error: `the run prints ${quoteOutput(want)} ${found.length} times, so its place in the order is ambiguous`,
          };
        }
        placed.push({
          text: item,
          step: (found[0] as { step: Step }).step,
          index: (found[0] as { index: number }).index,
        });
      }
      placed.sort((a, b) => a.index - b.index);
      const last = placed.at(-1) as { step: Step };
      return {
        kind: q.kind,
        at,
        choices: authored,
        answer: placed.map((p) => p.text),
        proof: last.step,
        steps: placed.map((p) => p.step),
        why: `The run prints them in this order: ${placed.map((p) => `${quoteOutput(p.text)} (step ${p.step})`).join(', ')}.`,
      };
    }
    case 'time': {
      const facts = traceFacts(trace);
      const end = facts.endTime;
      let step = trace.events.length - 1;
      for (let i = 0; i < facts.time.length; i++) {
        if ((facts.time[i] as number) >= end - 1e-9) {
          step = i;
          break;
        }
      }
      const answerText = formatNumber(end);
      let answer = [answerText];
      if (authored !== null) {
        const hits = authored.filter((c) => {
          const x = leadingNumber(c);
          return x !== null && Math.abs(x - end) < 1e-6;
        });
        if (hits.length === 0) {
          return { error: `the run takes ${seconds(end)} of virtual time, and no choice says so` };
        }
        answer = [hits[0] as string];
      }
      return withChoices(q, {
        kind: q.kind,
        at,
        choices: authored ?? [],
        answer,
        proof: step as Step,
        steps: [step as Step],
        why: `At step ${step} the virtual clock reaches ${seconds(end)}, the time the whole run takes.`,
      });
    }
    case 'outcome': {
      if (q.task === null)
        return { error: 'an outcome question needs "task": the task it asks about' };
      if (authored !== null) {
        return {
          error: 'an outcome question offers its own four choices; remove the list of choices',
        };
      }
      const tasks = tasksNamed(trace, q.task);
      if (typeof tasks === 'string') return { error: `"task": ${tasks}` };
      if (tasks.length > 1) {
        return {
          error: `"task": "${q.task}" names ${tasks.length} tasks (${tasks.map((t) => t.name).join(', ')}); name one task`,
        };
      }
      const task = tasks[0] as (typeof tasks)[number];
      const index =
        task.outcome === 'result'
          ? 0
          : task.outcome === 'exception'
            ? 1
            : task.outcome === 'cancelled'
              ? 2
              : 3;
      const proof = (task.done ?? trace.events.length - 1) as Step;
      const what =
        task.outcome === 'result'
          ? `returns ${task.value}`
          : task.outcome === 'exception'
            ? `raises ${task.value}`
            : task.outcome === 'cancelled'
              ? 'is cancelled'
              : 'has still not finished when the run ends';
      return {
        kind: q.kind,
        at,
        choices: OUTCOME_CHOICES,
        answer: [OUTCOME_CHOICES[index] as string],
        proof,
        steps: [proof],
        why: `At step ${proof}, ${describeTask(task)} ${what}.`,
      };
    }
    case 'choice': {
      if (q.choices === null || q.choices.length < 2) {
        return { error: 'a choice question needs a list of at least two choices' };
      }
      const marked = q.choices.filter((c) => c.marked === true);
      if (marked.length !== 1) {
        return {
          error: `a choice question needs exactly one answer marked "- [x]" (found ${marked.length})`,
        };
      }
      let proof: Step | null = at;
      if (q.proof !== null) {
        const r = resolveMoment(q.proof.text, trace);
        if (!r.ok) return { error: `"proof": ${r.error}` };
        proof = r.step;
      }
      return {
        kind: q.kind,
        at,
        choices: q.choices.map((c) => c.text),
        answer: [(marked[0] as { text: string }).text],
        proof,
        steps: proof === null ? [] : [proof],
        why: proof === null ? '' : `Step ${proof} of the run shows it.`,
      };
    }
  }
}

/**
 * For questions the run answers: the author's choices must include the computed answer, and an
 * author's `- [x]` must agree with it.
 */
function withChoices(q: Question, a: QuestionAnswer): QuestionAnswer | { error: string } {
  if (q.choices === null) return a;
  const want = normalizeAnswer(a.answer[0] as string);
  const match = q.choices.find(
    (c) => normalizeAnswer(c.text) === want || (q.kind === 'time' && c.text === a.answer[0]),
  );
  if (!match) {
    return {
      error: `the run's answer is ${quoteOutput(a.answer[0] as string)} (${a.why}), and it is not among the choices`,
    };
  }
  const wrong = q.choices.find((c) => c.marked === true && c !== match);
  if (wrong) {
    return {
      error: `the choice marked [x], ${quoteOutput(wrong.text)}, disagrees with the run: ${a.why}`,
    };
  }
  return { ...a, answer: [match.text] };
}

function leadingNumber(s: string): number | null {
  const m = /-?\d+(?:\.\d+)?/.exec(s);
  return m ? Number(m[0]) : null;
}

function distinct(items: readonly string[]): string[] {
  return [...new Set(items)];
}

/** Up to six choices: the answer and other lines of the same run, in a neutral (sorted) order. */
function suggest(answer: string, others: readonly string[]): string[] {
  return [answer, ...others.slice(0, 5)].sort((a, b) => a.localeCompare(b));
}

export interface Grade {
  readonly correct: boolean;
  /** The right answer, as shown to the learner. */
  readonly expected: readonly string[];
  readonly proof: Step | null;
  /** One sentence for the learner. */
  readonly message: string;
}

/** Grades a learner's response: one choice (or typed text), or for `order` the lines in order. */
export function gradeAnswer(answer: QuestionAnswer, response: string | readonly string[]): Grade {
  const given = typeof response === 'string' ? [response] : response;
  let correct: boolean;
  if (answer.kind === 'order') {
    correct =
      given.length === answer.answer.length &&
      given.every((g, i) => normalizeAnswer(g) === normalizeAnswer(answer.answer[i] as string));
  } else if (answer.kind === 'time') {
    const x = leadingNumber(given[0] ?? '');
    const want = leadingNumber(answer.answer[0] as string);
    correct = x !== null && want !== null && Math.abs(x - want) < 1e-6;
  } else {
    correct =
      given.length === 1 &&
      normalizeAnswer(given[0] as string) === normalizeAnswer(answer.answer[0] as string);
  }
  const shown =
    answer.kind === 'order'
      ? answer.answer.map((a) => quoteOutput(a)).join(', ')
      : quoteOutput(answer.answer[0] as string);
  return {
    correct,
    expected: answer.answer,
    proof: answer.proof,
    message: correct
      ? `Right. ${answer.why}`.trim()
      : `Not quite: the answer is ${shown}. ${answer.why}`.trim(),
  };
}
