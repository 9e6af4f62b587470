/**
 * The lesson slice: which lesson and step are open, the answers given, the hints and solutions
 * shown, the checks of the learner's last run of each exercise, and the progress kept between
 * visits (steps seen, exercises passed).
 *
 * Opening a step that has a program puts it in the editor and shows the trace shipped with the
 * lesson (recorded at build time) at the step's moment, so the picture is there before Python
 * has loaded. When the learner runs, the live trace replaces it; on an exercise step its checks
 * are evaluated on that run. Edits of lesson programs are kept per program (and never written
 * over the playground's own program: see `lessonAwareTextStore`).
 */
import type { StateCreator, StoreApi } from 'zustand/vanilla';
import {
  answerQuestion,
  type ChecksOutcome,
  type Exercise,
  evaluateChecks,
  gradeAnswer,
  type LessonBundle,
  type LessonProblem,
  type LessonProgram,
  type LessonStep,
  type Question,
  type QuestionAnswer,
  resolveMoment,
} from '../../lessons/index.ts';
import { parseTrace, type Trace } from '../../trace/index.ts';
import type { LabState } from '../lab-state.ts';
import type { KeyValueStorage, TextStore } from './editor.ts';
import { clampStep } from './playback.ts';

/** What the learner has done in one lesson, kept between visits. */
export interface LessonProgress {
  /** Steps opened (0-based), ascending. */
  readonly seen: readonly number[];
  /** Exercise ids whose checks all passed on one of the learner's runs. */
  readonly passed: readonly string[];
}

/** A learner's answer to a question, graded against the run. */
export interface GivenAnswer {
  readonly response: readonly string[];
  readonly correct: boolean;
  /** One or two sentences for the learner: right or not, and why (naming the step). */
  readonly message: string;
  /** The right answer (for `order`: the lines in order). */
  readonly expected: readonly string[];
  /** The step of the lesson program's run that proves the answer. */
  readonly proof: number | null;
}

/** The checks of an exercise, evaluated on the learner's last run of it. */
export interface ExerciseRun {
  /** The program that ran. */
  readonly source: string;
  readonly outcome: ChecksOutcome;
}

/** Where a lesson is open. `step` is 0-based (links count from 1). */
export interface LessonPlace {
  readonly slug: string;
  readonly step: number;
}

export interface LessonSlice {
  /** Every lesson, in order, with its shipped traces (empty until they have loaded). */
  lessons: readonly LessonBundle[];
  lessonsLoaded: boolean;
  /** Problems found while building the lessons (dev only; a production build has none). */
  lessonProblems: readonly LessonProblem[];
  /** The open lesson and step, or null in the playground and the lesson list. */
  lessonAt: LessonPlace | null;
  /** A lesson link named a lesson that does not exist (its slug), once lessons have loaded. */
  lessonMissing: string | null;
  /** By `slug/questionId`. */
  answers: Readonly<Record<string, GivenAnswer>>;
  /** Hints shown, by `slug/exerciseId`. */
  hintsShown: Readonly<Record<string, number>>;
  /** Solutions revealed, by `slug/exerciseId`. */
  solutionsShown: Readonly<Record<string, boolean>>;
  /** The checks of the learner's last run, by `slug/exerciseId`. */
  exerciseRuns: Readonly<Record<string, ExerciseRun>>;
  /** By slug; saved between visits. */
  progress: Readonly<Record<string, LessonProgress>>;

  /** The lessons (and, in dev, every update of them). Re-opens the open step when it changed. */
  setLessons(lessons: readonly LessonBundle[], problems?: readonly LessonProblem[]): void;
  /** Opens step `step` (0-based, clamped) of lesson `slug`. */
  openLesson(slug: string, step: number): void;
  /** Leaves lessons: the playground's program and run come back as they were. */
  closeLesson(): void;
  /** Answers a question of the open lesson: one choice, typed text, or lines in order. */
  answer(questionId: string, response: string | readonly string[]): void;
  /** Forgets the answer, so the learner can try again (the run goes back to the question). */
  retryQuestion(questionId: string): void;
  /** Shows the lesson program's run at the step that proves a question's answer. */
  showProof(questionId: string): void;
  showHint(exerciseId: string): void;
  showSolution(exerciseId: string): void;
  /** Puts the solution in the editor (the learner runs it to check it). */
  loadSolution(exerciseId: string): void;
  /** The starter program again, no hints, no solution, no checks. */
  resetExercise(exerciseId: string): void;
  /** Forgets a lesson's progress and answers (all lessons without a slug). */
  resetProgress(slug?: string): void;
}

type Full = LabState & LessonSlice;

const PROGRESS_KEY = 'event-loop-lab:lesson-progress';
const EDITS_KEY = 'event-loop-lab:lesson-edits';

// ---------------------------------------------------------------------------------------------
// Pure helpers (also used by the lesson UI)
// ---------------------------------------------------------------------------------------------

/** Shipped traces, parsed once per JSON text (the same text gives the same Trace object). */
let parsed = new Map<string, Trace>();

/** The trace shipped with the lesson for one of its programs, or null if there is none. */
export function shippedTrace(bundle: LessonBundle, programId: string): Trace | null {
  const json = bundle.traces[programId];
  if (json === undefined) return null;
  let trace = parsed.get(json);
  if (!trace) {
    try {
      trace = parseTrace(json);
    } catch {
      return null;
    }
    parsed.set(json, trace);
  }
  return trace;
}

/** Keeps only the parsed traces the given lessons still ship (after a dev update). */
function pruneParsed(lessons: readonly LessonBundle[]): void {
  const keep = new Set(lessons.flatMap((b) => Object.values(b.traces)));
  parsed = new Map([...parsed].filter(([json]) => keep.has(json)));
}

export function findLesson(
  lessons: readonly LessonBundle[],
  slug: string,
): LessonBundle | undefined {
  return lessons.find((b) => b.lesson.slug === slug);
}

export function programOf(bundle: LessonBundle, id: string | null): LessonProgram | undefined {
  return id === null ? undefined : bundle.lesson.programs.find((p) => p.id === id);
}

/** `slug/id`: the key of a question, an exercise or a program in the slice's records. */
export function lessonKey(slug: string, id: string): string {
  return `${slug}/${id}`;
}

/** The open lesson and step, if the lesson exists. */
export function openLessonStep(
  state: Pick<LessonSlice, 'lessons' | 'lessonAt'>,
): { bundle: LessonBundle; step: LessonStep } | null {
  const at = state.lessonAt;
  if (!at) return null;
  const bundle = findLesson(state.lessons, at.slug);
  const step = bundle?.lesson.steps[at.step];
  return bundle && step ? { bundle, step } : null;
}

/** Where the run opens for a step: its `::open` moment, else its first question's `at`. */
export function openingStep(step: LessonStep, trace: Trace): number | null {
  const text = step.openAt?.text ?? step.questions.find((q) => q.at !== null)?.at?.text;
  if (!text) return null;
  const r = resolveMoment(text, trace);
  return r.ok ? r.step : null;
}

/** A question's answer worked out from the lesson program's shipped run (or why it cannot be). */
export function questionAnswer(
  bundle: LessonBundle,
  q: Question,
): { ok: true; answer: QuestionAnswer } | { ok: false; error: string } {
  const trace = shippedTrace(bundle, q.program);
  if (!trace) return { ok: false, error: 'This question’s run is missing.' };
  return answerQuestion(q, trace);
}

/** Steps seen and exercises passed of one lesson, out of how many. */
export function progressSummary(
  bundle: LessonBundle,
  progress: Readonly<Record<string, LessonProgress>>,
): { seen: number; steps: number; passed: number; exercises: number } {
  const p = progress[bundle.lesson.slug];
  const steps = bundle.lesson.steps.length;
  const exercises = bundle.lesson.steps.flatMap((s) => (s.exercise ? [s.exercise.id] : []));
  return {
    seen: p ? p.seen.filter((i) => i < steps).length : 0,
    steps,
    passed: p ? exercises.filter((id) => p.passed.includes(id)).length : 0,
    exercises: exercises.length,
  };
}

/** The editor's lesson highlights: the open step's lines (none outside lessons). */
export function lessonHighlight(
  state: Pick<LessonSlice, 'lessons' | 'lessonAt'>,
): readonly number[] {
  return openLessonStep(state)?.step.highlight ?? NO_LINES;
}
const NO_LINES: readonly number[] = [];

/**
 * True while the open step asks a question about what the run does next and the learner has
 * not answered it: the console then keeps later output to itself, instead of showing it greyed.
 */
export function hidesLaterOutput(
  state: Pick<LessonSlice, 'lessons' | 'lessonAt' | 'answers'> & Pick<LabState, 'trace'>,
): boolean {
  const open = openLessonStep(state);
  if (!open || !state.trace) return false;
  return open.step.questions.some(
    (q) =>
      !state.answers[lessonKey(open.bundle.lesson.slug, q.id)] &&
      shippedTrace(open.bundle, q.program) === state.trace,
  );
}

// ---------------------------------------------------------------------------------------------
// Storage
// ---------------------------------------------------------------------------------------------

function readJson<T>(storage: KeyValueStorage | undefined, key: string, fallback: T): T {
  try {
    const text = storage?.getItem(key);
    if (!text) return fallback;
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as T)
      : fallback;
  } catch {
    return fallback;
  }
}

function writeJson(storage: KeyValueStorage | undefined, key: string, value: unknown): void {
  try {
    storage?.setItem(key, JSON.stringify(value));
  } catch {
    // Private mode or quota: progress lasts as long as the page.
  }
}

function cleanProgress(raw: Record<string, unknown>): Record<string, LessonProgress> {
  const out: Record<string, LessonProgress> = {};
  for (const [slug, v] of Object.entries(raw)) {
    if (typeof v !== 'object' || v === null) continue;
    const { seen, passed } = v as { seen?: unknown; passed?: unknown };
    out[slug] = {
      seen: Array.isArray(seen) ? seen.filter((n): n is number => Number.isInteger(n)) : [],
      passed: Array.isArray(passed) ? passed.filter((s): s is string => typeof s === 'string') : [],
    };
  }
  return out;
}

/**
 * The editor's TextStore while lessons exist: saves go to the playground's store only when no
 * lesson is open, so opening a lesson never writes over the learner's own program. (The lesson
 * slice keeps edits of lesson programs itself.)
 */
export function lessonAwareTextStore(inner: TextStore, lessonOpen: () => boolean): TextStore {
  return {
    load: () => inner.load(),
    save(text) {
      if (!lessonOpen()) inner.save(text);
    },
  };
}

export interface LessonSliceDeps {
  /** Where progress and edits of lesson programs are kept (localStorage in the browser). */
  storage?: KeyValueStorage;
}

// ---------------------------------------------------------------------------------------------
// The slice
// ---------------------------------------------------------------------------------------------

interface Snapshot {
  source: string;
  originalSource: string;
  trace: Trace | null;
  step: number;
}

export function createLessonSlice(
  deps: LessonSliceDeps = {},
): StateCreator<Full, [], [], LessonSlice> {
  return (set, get, api: StoreApi<Full>) => {
    const { storage } = deps;
    const edits = readJson<Record<string, string>>(storage, EDITS_KEY, {});
    /** The learner's last run of each lesson program (this visit only). */
    const live = new Map<string, Trace>();
    /** The playground as it was when a lesson opened. */
    let snapshot: Snapshot | null = null;
    /** A run that started before the program was switched: its trace is not shown. */
    let discardRun = false;
    /** Set while the slice itself puts a lesson program back without forgetting the edit. */
    let keepEdit = false;

    const saveEdits = () => writeJson(storage, EDITS_KEY, edits);
    const saveProgress = () => writeJson(storage, PROGRESS_KEY, get().progress);

    function withProgress(
      slug: string,
      change: (p: LessonProgress) => LessonProgress,
    ): Record<string, LessonProgress> {
      const all = get().progress;
      const before = all[slug] ?? { seen: [], passed: [] };
      const after = change(before);
      return after === before ? all : { ...all, [slug]: after };
    }

    /** The patch that shows `program` (the learner's edit of it, if any) with the right trace. */
    function programPatch(
      bundle: LessonBundle,
      program: LessonProgram,
      step: LessonStep,
    ): Partial<Full> {
      const s = get();
      const key = lessonKey(bundle.lesson.slug, program.id);
      const source = edits[key] ?? program.source;
      const shipped = shippedTrace(bundle, program.id);
      const liveTrace = live.get(key);
      const trace = liveTrace && liveTrace.source === source ? liveTrace : shipped;
      const opening = trace && trace === shipped ? openingStep(step, trace) : null;
      if (s.running) discardRun = true;
      return {
        source,
        originalSource: program.source,
        trace,
        step: clampStep(trace, opening ?? 0),
        playing: false,
        selectedTask: null,
        failure: null,
        runCount: s.runCount + 1,
      };
    }

    /** Shows step `index` of `bundle`; `previous` is where the lesson was before. */
    function show(bundle: LessonBundle, index: number, previous: LessonPlace | null): void {
      const s = get();
      const { lesson } = bundle;
      const i = Math.min(Math.max(0, Math.trunc(index)), Math.max(0, lesson.steps.length - 1));
      const step = lesson.steps[i];
      const place = { slug: lesson.slug, step: i };
      const progress = withProgress(lesson.slug, (p) =>
        p.seen.includes(i) ? p : { ...p, seen: [...p.seen, i].sort((a, b) => a - b) },
      );
      const patch: Partial<Full> = { lessonAt: place, lessonMissing: null, progress };
      if (step?.program) {
        const program = programOf(bundle, step.program);
        const before = previous && findLesson(s.lessons, previous.slug);
        const previousProgram =
          before && previous ? before.lesson.steps[previous.step]?.program : undefined;
        const sameProgram =
          previous?.slug === lesson.slug &&
          previousProgram === step.program &&
          s.originalSource === program?.source;
        if (program && !sameProgram) {
          Object.assign(patch, programPatch(bundle, program, step));
        } else if (program && s.trace && s.trace === shippedTrace(bundle, program.id)) {
          // Same program, same run: only the moment moves (when the step names one).
          const opening = openingStep(step, s.trace);
          if (opening !== null) Object.assign(patch, { step: opening, playing: false });
        }
      }
      set(patch);
      if (progress !== s.progress) saveProgress();
    }

    function current(): { bundle: LessonBundle; step: LessonStep } | null {
      return openLessonStep(get());
    }

    function findQuestion(id: string): { bundle: LessonBundle; q: Question } | null {
      const at = get().lessonAt;
      const bundle = at && findLesson(get().lessons, at.slug);
      if (!bundle) return null;
      for (const step of bundle.lesson.steps) {
        const q = step.questions.find((x) => x.id === id);
        if (q) return { bundle, q };
      }
      return null;
    }

    function findExercise(
      id: string,
    ): { bundle: LessonBundle; step: LessonStep; exercise: Exercise } | null {
      const at = get().lessonAt;
      const bundle = at && findLesson(get().lessons, at.slug);
      if (!bundle) return null;
      for (const step of bundle.lesson.steps) {
        if (step.exercise?.id === id) return { bundle, step, exercise: step.exercise };
      }
      return null;
    }

    // Edits of lesson programs are kept per program; a finished run becomes the live picture
    // (and an exercise's checks are evaluated on it).
    api.subscribe((s, prev) => {
      // The run slice counts finished runs; a run that failed (Python itself) counts none.
      const finished = prev.running && !s.running && s.runCount !== prev.runCount;
      if (finished && discardRun) {
        // The run began before the learner moved to another program: keep what is shown.
        discardRun = false;
        set({ trace: prev.trace, step: prev.step, streamed: prev.trace?.stats.steps ?? 0 });
        return;
      }
      if (prev.running && !s.running) discardRun = false;
      const open = s.lessonAt ? openLessonStep(s) : null;
      if (!open?.step.program) return;
      const slug = open.bundle.lesson.slug;
      const program = programOf(open.bundle, open.step.program);
      if (!program) return;
      const key = lessonKey(slug, program.id);
      if (s.source !== prev.source && s.lessonAt === prev.lessonAt && !keepEdit) {
        if (s.source === program.source) delete edits[key];
        else edits[key] = s.source;
        saveEdits();
      }
      if (finished && s.trace) {
        if (s.trace.source !== s.source) return;
        live.set(key, s.trace);
        const exercise = open.step.exercise;
        if (!exercise) return;
        const outcome = evaluateChecks(exercise.checks, s.trace);
        const exKey = lessonKey(slug, exercise.id);
        const progress = outcome.pass
          ? withProgress(slug, (p) =>
              p.passed.includes(exercise.id) ? p : { ...p, passed: [...p.passed, exercise.id] },
            )
          : s.progress;
        set({
          exerciseRuns: { ...s.exerciseRuns, [exKey]: { source: s.trace.source, outcome } },
          progress,
        });
        if (progress !== s.progress) saveProgress();
      }
    });

    return {
      lessons: [],
      lessonsLoaded: false,
      lessonProblems: [],
      lessonAt: null,
      lessonMissing: null,
      answers: {},
      hintsShown: {},
      solutionsShown: {},
      exerciseRuns: {},
      progress: cleanProgress(readJson<Record<string, unknown>>(storage, PROGRESS_KEY, {})),

      setLessons(lessons, problems = []) {
        const before = get();
        const previous = before.lessonAt;
        const old = previous ? openLessonStep(before) : null;
        set({ lessons, lessonsLoaded: true, lessonProblems: problems });
        pruneParsed(lessons);
        if (!previous) return;
        const bundle = findLesson(lessons, previous.slug);
        if (!bundle) {
          set({ lessonMissing: previous.slug });
          return;
        }
        if (!before.lessonsLoaded || get().lessonMissing) {
          // A link opened before the lessons had loaded.
          if (!snapshot) snapshot = takeSnapshot();
          show(bundle, previous.step, null);
          return;
        }
        // A dev update: the same step of the new lesson. Its program comes back only if the
        // learner has not edited it (the editor still shows the old lesson program).
        const oldProgram = old ? programOf(old.bundle, old.step.program) : undefined;
        const unedited = oldProgram !== undefined && before.source === oldProgram.source;
        const index = Math.min(previous.step, bundle.lesson.steps.length - 1);
        const step = bundle.lesson.steps[index];
        const program = step ? programOf(bundle, step.program) : undefined;
        if (step && program && unedited && program.source !== oldProgram?.source) {
          set({ lessonAt: { slug: bundle.lesson.slug, step: index } });
          set(programPatch(bundle, program, step));
        } else if (step && program && unedited && before.trace === shippedTraceOfOld()) {
          // Same program: show the (re-parsed) shipped trace at the same cursor.
          const trace = shippedTrace(bundle, program.id);
          set({
            lessonAt: { slug: bundle.lesson.slug, step: index },
            trace,
            step: clampStep(trace, before.step),
          });
        } else {
          set({ lessonAt: { slug: bundle.lesson.slug, step: index } });
        }

        function shippedTraceOfOld(): Trace | null {
          return old && oldProgram ? shippedTrace(old.bundle, oldProgram.id) : null;
        }
      },

      openLesson(slug, step) {
        const s = get();
        if (!s.lessonAt && !snapshot) snapshot = takeSnapshot();
        if (!s.lessonsLoaded) {
          set({ lessonAt: { slug, step: Math.max(0, Math.trunc(step)) }, lessonMissing: null });
          return;
        }
        const bundle = findLesson(s.lessons, slug);
        if (!bundle) {
          set({ lessonAt: { slug, step: Math.max(0, Math.trunc(step)) }, lessonMissing: slug });
          return;
        }
        show(bundle, step, s.lessonMissing ? null : s.lessonAt);
      },

      closeLesson() {
        const s = get();
        if (!s.lessonAt) return;
        const back = snapshot;
        snapshot = null;
        if (s.running) discardRun = true;
        if (!back) {
          set({ lessonAt: null, lessonMissing: null });
          return;
        }
        set({
          lessonAt: null,
          lessonMissing: null,
          source: back.source,
          originalSource: back.originalSource,
          trace: back.trace,
          step: clampStep(back.trace, back.step),
          playing: false,
          selectedTask: null,
          failure: null,
          runCount: s.runCount + 1,
        });
      },

      answer(questionId, response) {
        const found = findQuestion(questionId);
        if (!found) return;
        const { bundle, q } = found;
        const a = questionAnswer(bundle, q);
        if (!a.ok) return;
        const given = typeof response === 'string' ? [response] : [...response];
        const grade = gradeAnswer(a.answer, given);
        const key = lessonKey(bundle.lesson.slug, q.id);
        const s = get();
        const patch: Partial<Full> = {
          answers: {
            ...s.answers,
            [key]: {
              response: given,
              correct: grade.correct,
              message: grade.message,
              expected: grade.expected,
              proof: grade.proof,
            },
          },
        };
        // The moment that proves it, when the lesson program's run is what is shown.
        const trace = shippedTrace(bundle, q.program);
        if (grade.proof !== null && trace && s.trace === trace) {
          Object.assign(patch, { step: clampStep(trace, grade.proof), playing: false });
        }
        set(patch);
      },

      retryQuestion(questionId) {
        const found = findQuestion(questionId);
        if (!found) return;
        const { bundle, q } = found;
        const key = lessonKey(bundle.lesson.slug, q.id);
        const s = get();
        const { [key]: _dropped, ...answers } = s.answers;
        const patch: Partial<Full> = { answers };
        const trace = shippedTrace(bundle, q.program);
        if (trace && s.trace === trace) {
          const at = q.at ? resolveMoment(q.at.text, trace) : null;
          const open = current();
          const opening = at?.ok ? at.step : open ? openingStep(open.step, trace) : null;
          if (opening !== null) Object.assign(patch, { step: opening, playing: false });
        }
        set(patch);
      },

      showProof(questionId) {
        const found = findQuestion(questionId);
        const open = current();
        if (!found || !open) return;
        const { bundle, q } = found;
        const given = get().answers[lessonKey(bundle.lesson.slug, q.id)];
        const trace = shippedTrace(bundle, q.program);
        const program = programOf(bundle, q.program);
        if (!given || given.proof === null || !trace || !program) return;
        const s = get();
        if (s.trace === trace && s.source === program.source) {
          set({ step: clampStep(trace, given.proof), playing: false });
          return;
        }
        // The learner's own program is in the editor: the lesson's comes back (their edit stays
        // saved until the editor changes again).
        if (s.running) discardRun = true;
        keepEdit = true;
        try {
          set({
            source: program.source,
            trace,
            step: clampStep(trace, given.proof),
            playing: false,
            selectedTask: null,
            failure: null,
            runCount: s.runCount + 1,
          });
        } finally {
          keepEdit = false;
        }
      },

      showHint(exerciseId) {
        const found = findExercise(exerciseId);
        if (!found) return;
        const key = lessonKey(found.bundle.lesson.slug, exerciseId);
        const shown = get().hintsShown[key] ?? 0;
        if (shown >= found.exercise.hints.length) return;
        set({ hintsShown: { ...get().hintsShown, [key]: shown + 1 } });
      },

      showSolution(exerciseId) {
        const found = findExercise(exerciseId);
        if (!found) return;
        const key = lessonKey(found.bundle.lesson.slug, exerciseId);
        set({ solutionsShown: { ...get().solutionsShown, [key]: true } });
      },

      loadSolution(exerciseId) {
        const found = findExercise(exerciseId);
        const solution = found && programOf(found.bundle, found.exercise.solution);
        if (!found || !solution) return;
        const key = lessonKey(found.bundle.lesson.slug, exerciseId);
        set({ solutionsShown: { ...get().solutionsShown, [key]: true } });
        get().setSource(solution.source);
      },

      resetExercise(exerciseId) {
        const found = findExercise(exerciseId);
        const starter = found && programOf(found.bundle, found.exercise.starter);
        if (!found || !starter) return;
        const slug = found.bundle.lesson.slug;
        const key = lessonKey(slug, exerciseId);
        const programKey = lessonKey(slug, starter.id);
        delete edits[programKey];
        saveEdits();
        live.delete(programKey);
        const s = get();
        const { [key]: _h, ...hintsShown } = s.hintsShown;
        const { [key]: _s, ...solutionsShown } = s.solutionsShown;
        const { [key]: _r, ...exerciseRuns } = s.exerciseRuns;
        set({ hintsShown, solutionsShown, exerciseRuns });
        const open = current();
        if (open?.step.program === starter.id && open.bundle === found.bundle) {
          set(programPatch(found.bundle, starter, open.step));
        }
      },

      resetProgress(slug) {
        const s = get();
        const keep = (key: string) => slug !== undefined && !key.startsWith(`${slug}/`);
        const pick = <T>(r: Readonly<Record<string, T>>) =>
          Object.fromEntries(Object.entries(r).filter(([k]) => keep(k)));
        const progress =
          slug === undefined
            ? {}
            : Object.fromEntries(Object.entries(s.progress).filter(([k]) => k !== slug));
        set({
          progress,
          answers: pick(s.answers),
          hintsShown: pick(s.hintsShown),
          solutionsShown: pick(s.solutionsShown),
          exerciseRuns: pick(s.exerciseRuns),
        });
        saveProgress();
      },
    };

    function takeSnapshot(): Snapshot {
      const s = get();
      return {
        source: s.source,
        originalSource: s.originalSource,
        trace: s.trace,
        step: s.step,
      };
    }
  };
}
