/**
 * The fidelity corpus: every program in tests/corpus/ is traced and compared with what real,
 * untraced CPython did with it (tests/corpus/expected/, written by scripts/corpus-reference.py).
 *
 * The fidelity rule: a traced run prints exactly what the same program prints under plain
 * `asyncio.run`, and the loop hands control to the program's tasks in the same order. So for each
 * program: stdout (or its known prefix), status, error type and line, limit kind, the handoffs
 * (the `resume` events of the program's own tasks, as task names, consecutive repeats collapsed),
 * what stderr must contain, the simulated modules, `checkInvariants` finding nothing, and every
 * object panel agreeing with the task cards.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { chunkSizes, derived, livePairs } from '../../tests/fixtures/live.ts';
import { readyDisagreements } from '../../tests/fixtures/ready-agree.ts';
import { disagreements } from '../../tests/fixtures/waiters-agree.ts';
import {
  checkInvariants,
  describeMoment,
  limitText,
  narrate,
  parseTrace,
  plain,
  stateAt,
} from '../trace/index.ts';
import { type NodeTracer, nodeTracer, type TraceOptions } from './tracer.node.ts';

const corpusDir = fileURLToPath(new URL('../../tests/corpus/', import.meta.url));
const expectedDir = `${corpusDir}expected/`;

/** One expectation file; see the docstring of scripts/corpus-reference.py. */
interface Expectation {
  program: string;
  cpython: string | null;
  why?: string;
  status: 'completed' | 'error' | 'limit';
  stdout?: string;
  stdoutPrefix?: string;
  handoffs?: string[] | null;
  handoffsPrefix?: string[];
  exit?: number | null;
  error?: { type: string; line?: number | null; column?: number } | null;
  limit?: { kind: string } | null;
  stderrIncludes?: string[];
  simulated?: string[];
  options?: TraceOptions;
}

/** The parts of the raw trace JSON this test reads (docs/trace-format.md). */
interface RawTrace {
  status: string;
  stdout: string;
  stderr: string;
  error: { type: string; message: string; line: number | null; column?: number } | null;
  limit: { kind: string; message: string } | null;
  tasks: { id: number; name: string; user: boolean }[];
  simulated: string[];
  events: (number | { k: string; t?: number })[];
}

const programs = readdirSync(corpusDir)
  .filter((f) => /^\d\d-.*\.py$/.test(f))
  .sort();

/** Task names in the order the loop resumed the program's own tasks, repeats collapsed. */
function handoffs(trace: RawTrace): string[] {
  const tasks = new Map(trace.tasks.map((t) => [t.id, t]));
  const names: string[] = [];
  for (const e of trace.events) {
    if (typeof e === 'number' || e.k !== 'resume' || e.t === undefined) continue;
    const task = tasks.get(e.t);
    if (!task?.user) continue;
    if (names[names.length - 1] !== task.name) names.push(task.name);
  }
  return names;
}

describe('fidelity corpus', () => {
  let tracer: NodeTracer;

  beforeAll(async () => {
    tracer = await nodeTracer();
  }, 120_000);

  test('has at least 45 programs, each with an expectation', () => {
    expect(programs.length).toBeGreaterThanOrEqual(45);
    const missing = programs.filter((p) => !existsSync(expectedDir + p.replace(/\.py$/, '.json')));
    expect(missing, 'run `python3 scripts/corpus-reference.py`').toEqual([]);
  });

  test.each(programs)('%s', (program) => {
    const source = readFileSync(corpusDir + program, 'utf8');
    const exp: Expectation = JSON.parse(
      readFileSync(expectedDir + program.replace(/\.py$/, '.json'), 'utf8'),
    );
    const json = tracer.traceJson(source, exp.options ?? {});
    const trace = parseTrace(json);
    const raw = JSON.parse(json) as RawTrace;
    const where = raw.stderr ? `${program}, whose stderr was:\n${raw.stderr}` : program;

    if (exp.stdout !== undefined) expect(raw.stdout, where).toBe(exp.stdout);
    if (exp.stdoutPrefix !== undefined) {
      expect(raw.stdout.slice(0, exp.stdoutPrefix.length), where).toBe(exp.stdoutPrefix);
    }
    expect(raw.status, where).toBe(exp.status);
    if (exp.error === null) expect(raw.error, where).toBeNull();
    if (exp.error) {
      expect(raw.error?.type, where).toBe(exp.error.type);
      if (exp.error.line != null) expect(raw.error?.line, where).toBe(exp.error.line);
      if (exp.error.column != null) expect(raw.error?.column, where).toBe(exp.error.column);
    }
    if (exp.limit === null) expect(raw.limit, where).toBeNull();
    if (exp.limit) expect(raw.limit?.kind, where).toBe(exp.limit.kind);

    const order = handoffs(raw);
    if (exp.handoffs) expect(order, where).toEqual(exp.handoffs);
    if (exp.handoffsPrefix) {
      expect(order.slice(0, exp.handoffsPrefix.length), where).toEqual(exp.handoffsPrefix);
    }
    for (const text of exp.stderrIncludes ?? []) expect(raw.stderr, where).toContain(text);
    if (exp.simulated) expect([...raw.simulated].sort()).toEqual(exp.simulated);

    expect(checkInvariants(trace), where).toEqual([]);

    // A live run's traces (its events arriving in chunks) derive what one build from the
    // events does: the index, outputs and stalls built chunk by chunk (tests/fixtures/live.ts).
    const chunks = chunkSizes(trace.events.length, trace.events.length, [1, 97, 4096]);
    for (const { steps, live, fresh } of livePairs(trace, chunks, 8)) {
      expect(derived(live), `${where}, after ${steps} events`).toEqual(derived(fresh));
    }

    // Every step can be told in plain words (the first steps and the last, for long runs): the
    // narration and the loop's caption, with no placeholder leaking ("callback null").
    const leak = /undefined|NaN|\[object|\bnull\b/;
    const n = trace.events.length;
    for (let step = 0; step < n; step = step === 3000 ? Math.max(3001, n - 200) : step + 1) {
      const said = narrate(trace, step);
      if (leak.test(said)) expect.fail(`${program} step ${step}: ${said}`);
      const state = stateAt(trace, step);
      const caption = plain(describeMoment(trace, state).words);
      if (leak.test(caption)) expect.fail(`${program} step ${step} (caption): ${caption}`);
      // The picture never contradicts itself: each task whose card waits on an object is listed
      // by that object, and the other way round (also for programs with no stored trace).
      // What the narration says of the ready queue holds in the lanes and the queue drawn.
      const problems = [...disagreements(state), ...readyDisagreements(trace, step, said, state)];
      if (problems.length > 0)
        expect({ program, step, problems }).toEqual({ program, step, problems: [] });
    }
    const stopped = limitText(trace);
    if (stopped !== null && leak.test(stopped)) expect.fail(`${program} limit: ${stopped}`);
  });

  // Runs are deterministic: the same program traced again, after others, gives the same trace
  // (frame numbers, set reprs, cancellation order, task names, what earlier runs left behind).
  // Lessons ship build-time traces and the UI re-traces with another detail window: both rely
  // on it.
  test('every program traces the same twice, whatever ran before', () => {
    const options = { maxSteps: 30_000 };
    const first = programs.map((p) =>
      tracer.traceJson(readFileSync(corpusDir + p, 'utf8'), options),
    );
    const again = [...programs]
      .reverse()
      .map((p) => tracer.traceJson(readFileSync(corpusDir + p, 'utf8'), options))
      .reverse();
    const differing = programs.filter((_, i) => first[i] !== again[i]);
    expect(differing).toEqual([]);
  });
});
