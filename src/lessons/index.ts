/**
 * The lessons layer: the parsed-lesson model, moment selectors, questions answered from a
 * trace, exercise checks evaluated on a trace, and lesson verification. Pure TypeScript (no
 * React, DOM or Monaco). The markdown parser lives in markdown/ and is imported by the build
 * only, so remark never reaches the page.
 */
export type { Check, CheckKind, CheckParse, CheckResult, ChecksOutcome } from './checks.ts';
export { describeCheck, evaluateCheck, evaluateChecks, parseCheck } from './checks.ts';
export type { AnswerFeedback } from './hints.ts';
export { answerFeedback, kindHint, revealedFeedback, TRIES_BEFORE_ANSWER } from './hints.ts';
export type { Moment, MomentBase, MomentEvent, MomentParse, MomentResolution } from './moments.ts';
export { MOMENT_EVENTS, parseMoment, resolveMoment } from './moments.ts';
export type { AnswerResult, Grade, QuestionAnswer } from './questions.ts';
export {
  answerQuestion,
  gradeAnswer,
  normalizeAnswer,
  OUTCOME_CHOICES,
  stdoutLines,
} from './questions.ts';
export type { FieldDoc, FrontMatterField, LessonMeta, Level } from './schema.ts';
export { FRONT_MATTER_FIELDS, frontMatterSchema, LEVELS } from './schema.ts';
export type * from './types.ts';
export { formatProblem, verifyCourse, verifyLesson } from './verify.ts';
