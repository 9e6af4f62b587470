/**
 * Questions answered against the real run. Where the answer follows from the program it is
 * computed from the trace, never typed by the author, so a question cannot disagree with the
 * run; every answer carries the step that proves it, for the replay to jump to after answering.
 */
import {
  controlAt,
  firstStepAtTime,
  formatCount,
  type Step,
  stepsOfKind,
  type Trace,
  taskOfEvent,
  traceIndex,
} from '../trace/index.ts';
import {
  describeTask,
  isShutdownTask,
  quoteOutput,
  seconds,
  secondsNumber,
  taskNameAt,
} from './lesson-words.ts';
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
  let last: Step = (trace.events.length - 1) as Step;
  for (const o of traceIndex(trace).outputs) {
    if (o.stream !== 'stdout') continue;
    const parts = (pending + o.text).split('\n');
    pending = parts.pop() as string;
    for (const text of parts) lines.push({ text, step: o.step });
    last = o.step;
  }
  if (pending !== '') lines.push({ text: pending, step: last });
  return lines;
}

/** Who holds control at `step`, in words: a task's name, a callback, or the main program. */
function holderWords(trace: Trace, step: number): string {
  const control = controlAt(trace, step);
  switch (control.kind) {
    case 'task':
      return taskNameAt(trace, control.task, step);
    case 'callback':
      return control.name === null ? 'a callback' : `the callback ${control.name}`;
    case 'none':
      return 'the main program (outside any task)';
  }
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

type Computed = QuestionAnswer | { error: string };

function compute(q: Question, trace: Trace, at: Step | null): Computed {
  switch (q.kind) {
    case 'next-output':
      return nextOutput(q, trace, at);
    case 'next-task':
      return nextTask(q, trace, at);
    case 'order':
      return order(q, trace, at);
    case 'time':
      return totalTime(q, trace, at);
    case 'outcome':
      return outcome(q, trace, at);
    case 'choice':
      return choice(q, trace, at);
  }
}

/** The author's choices, as texts; null when the question lists none. */
function authored(q: Question): string[] | null {
  return q.choices?.map((c) => c.text) ?? null;
}

function nextOutput(q: Question, trace: Trace, at: Step | null): Computed {
  if (at === null)
    return { error: 'a next-output question needs "at": the moment after which to ask' };
  const lines = stdoutLines(trace);
  const next = lines.find((l) => l.step > at);
  if (!next) return { error: 'nothing is printed after that moment' };
  const others = distinct(lines.map((l) => l.text)).filter((t) => t !== next.text);
  return withChoices(q, {
    kind: q.kind,
    at,
    choices: authored(q) ?? suggest(next.text, others),
    answer: [next.text],
    proof: next.step,
    steps: [next.step],
    why: `At step ${formatCount(next.step)}, ${holderWords(trace, next.step)} prints ${quoteOutput(next.text)}.`,
  });
}

function nextTask(q: Question, trace: Trace, at: Step | null): Computed {
  if (at === null)
    return { error: 'a next-task question needs "at": the moment after which to ask' };
  const step = Array.from(stepsOfKind(trace, 'resume')).find((s) => s > at);
  const id = step === undefined ? null : taskOfEvent(trace, step);
  if (step === undefined || id === null) return { error: 'no task gets control after that moment' };
  const name = taskNameAt(trace, id, step);
  const alive = traceIndex(trace)
    .tasks.filter(
      (t) =>
        t.created <= Math.max(at, 0) &&
        (t.done === null || t.done > at) &&
        (!isShutdownTask(t) || t.id === id),
    )
    .map((t) => taskNameAt(trace, t.id, at));
  return withChoices(q, {
    kind: q.kind,
    at,
    choices: authored(q) ?? distinct(alive.includes(name) ? alive : [...alive, name]),
    answer: [name],
    proof: step as Step,
    steps: [step as Step],
    why: `At step ${formatCount(step)}, the loop hands control to ${name}.`,
  });
}

function order(q: Question, trace: Trace, at: Step | null): Computed {
  const items = authored(q);
  if (items === null || items.length < 2) {
    return { error: 'an order question needs a list of at least two output lines to put in order' };
  }
  const lines = stdoutLines(trace);
  const placed: { text: string; step: Step; index: number }[] = [];
  for (const item of items) {
    const want = normalizeAnswer(item);
    const found = lines
      .map((l, index) => ({ ...l, index }))
      .filter((l) => normalizeAnswer(l.text) === want);
    if (found.length === 0) return { error: `the run never prints the line ${quoteOutput(want)}` };
    if (found.length > 1) {
      return {
        error: `the run prints ${quoteOutput(want)} ${found.length} times, so its place in the order is ambiguous`,
      };
    }
    const [only] = found as [(typeof found)[number]];
    placed.push({ text: item, step: only.step, index: only.index });
  }
  placed.sort((a, b) => a.index - b.index);
  const last = placed.at(-1) as { step: Step };
  return {
    kind: q.kind,
    at,
    choices: items,
    answer: placed.map((p) => p.text),
    proof: last.step,
    steps: placed.map((p) => p.step),
    why: `The run prints them in this order: ${placed.map((p) => `${quoteOutput(p.text)} (step ${formatCount(p.step)})`).join(', ')}.`,
  };
}

function totalTime(q: Question, trace: Trace, at: Step | null): Computed {
  const end = traceIndex(trace).endTime;
  const step = firstStepAtTime(trace, end) ?? trace.events.length - 1;
  const choices = authored(q);
  let answer = [secondsNumber(end)];
  if (choices !== null) {
    const hits = choices.filter((c) => {
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
    choices: choices ?? [],
    answer,
    proof: step as Step,
    steps: [step as Step],
    why: `At step ${formatCount(step)} the virtual clock reaches ${seconds(end)}, the time the whole run takes.`,
  });
}

function outcome(q: Question, trace: Trace, at: Step | null): Computed {
  if (q.task === null) return { error: 'an outcome question needs "task": the task it asks about' };
  if (q.choices !== null) {
    return { error: 'an outcome question offers its own four choices; remove the list of choices' };
  }
  const tasks = tasksNamed(trace, q.task);
  if (typeof tasks === 'string') return { error: `"task": ${tasks}` };
  if (tasks.length > 1) {
    return {
      error: `"task": "${q.task}" names ${tasks.length} tasks (${tasks.map((t) => t.name).join(', ')}); name one task`,
    };
  }
  const task = tasks[0] as (typeof tasks)[number];
  const ended = task.outcome;
  const index = ended === null ? 3 : ['result', 'exception', 'cancelled'].indexOf(ended.kind);
  const proof = (task.done ?? trace.events.length - 1) as Step;
  const what =
    ended === null
      ? 'has still not finished when the run ends'
      : ended.kind === 'result'
        ? `returns ${ended.repr}`
        : ended.kind === 'exception'
          ? `raises ${ended.repr}`
          : 'is cancelled';
  return {
    kind: q.kind,
    at,
    choices: OUTCOME_CHOICES,
    answer: [OUTCOME_CHOICES[index] as string],
    proof,
    steps: [proof],
    why: `At step ${formatCount(proof)}, ${describeTask(task)} ${what}.`,
  };
}

function choice(q: Question, trace: Trace, at: Step | null): Computed {
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
