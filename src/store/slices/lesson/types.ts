/** The lesson slice's state and actions (see ./index.ts for how they are put together). */
import type { ChecksOutcome, LessonBundle, LessonProblem } from '../../../lessons/index.ts';
import type { Trace } from '../../../trace/index.ts';

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
  /** The right answer is shown: it was right, the tries are used up, or the learner asked. */
  readonly revealed: boolean;
  /** A wrong answer with a try left: the question's hint is shown (src/lessons/hints.ts). */
  readonly hint: boolean;
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
  /** Wrong answers given so far (kept when the learner tries again), by `slug/questionId`. */
  questionTries: Readonly<Record<string, number>>;
  /** Hints shown, by `slug/exerciseId`. */
  hintsShown: Readonly<Record<string, number>>;
  /** Solutions revealed, by `slug/exerciseId`. */
  solutionsShown: Readonly<Record<string, boolean>>;
  /** The checks of the learner's last run, by `slug/exerciseId`. */
  exerciseRuns: Readonly<Record<string, ExerciseRun>>;
  /** By slug; saved between visits. */
  progress: Readonly<Record<string, LessonProgress>>;

  /**
   * The trace shipped with a lesson for one of its programs, or null if there is none. Parsed
   * once per store (the same JSON text gives the same Trace object, so `trace === shipped`
   * tells that the lesson's own run is on screen).
   */
  shippedTrace(bundle: LessonBundle, programId: string): Trace | null;
  /** The lessons (and, in dev, every update of them). Re-opens the open step when it changed. */
  setLessons(lessons: readonly LessonBundle[], problems?: readonly LessonProblem[]): void;
  /** Opens step `step` (0-based, clamped) of lesson `slug`. */
  openLesson(slug: string, step: number): void;
  /** Leaves lessons: the playground's program and run come back as they were. */
  closeLesson(): void;
  /** A run of the program in the editor finished: on a lesson step it becomes the live picture. */
  recordRun(trace: Trace): void;
  /** Answers a question of the open lesson: one choice, typed text, or lines in order. */
  answer(questionId: string, response: string | readonly string[]): void;
  /** Forgets the answer, so the learner can try again (the run goes back to the question). */
  retryQuestion(questionId: string): void;
  /** Shows the right answer after a wrong one ("Show answer"), at the step that proves it. */
  revealAnswer(questionId: string): void;
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
