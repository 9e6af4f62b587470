/**
 * The second pass: each step's drafts → the model. A step without a program of its own runs the
 * last one before it, so highlights, moments and questions are checked against that program,
 * and an exercise gets its implicit "runs without error" check.
 */
import type { ContainerDirective } from 'mdast-util-directive';
import type { CheckSpec, Exercise, LessonProgram, LessonStep, Question } from '../types.ts';
import type { StepDraft } from './draft.ts';
import { body, isBlank, lineOf, type Problem } from './nodes.ts';
import { buildQuestion } from './question.ts';
import { rich } from './rich-text.ts';

export function assembleSteps(drafts: readonly StepDraft[], problem: Problem): LessonStep[] {
  const built: LessonStep[] = [];
  let inherited: LessonProgram | null = null;
  for (const step of drafts) {
    const own = step.starter?.program ?? step.program;
    const program = own ?? inherited;
    if (own) inherited = own;
    const highlight = resolveHighlight(step, program, problem);
    if (step.openAt && !program) {
      problem(
        step.openAt.line,
        'open',
        'there is no run to open: this step and the steps before it have no program',
      );
    }
    const questions: Question[] = [];
    step.questions.forEach(({ node }, i) => {
      const q = buildQuestion(node, `s${step.index + 1}-q${i + 1}`, program, problem);
      if (q) questions.push(q);
    });
    built.push({
      index: step.index,
      title: step.title,
      line: step.line,
      body: rich(step.prose),
      program: program?.id ?? null,
      loadsProgram: own !== null,
      highlight,
      openAt: step.openAt,
      notes: step.notes.length > 0 ? rich(step.notes.flat()) : null,
      questions,
      exercise: buildExercise(step, problem),
    });
  }
  return built;
}

/** The highlighted lines that exist in the step's program (the others reported). */
function resolveHighlight(
  step: StepDraft,
  program: LessonProgram | null,
  problem: Problem,
): number[] {
  if (!step.highlight) return [];
  if (!program) {
    problem(
      step.highlight.line,
      'highlight',
      'there is no program to highlight: this step and the steps before it have none',
    );
    return [];
  }
  const lineCount = program.source.split('\n').length - 1;
  const outside = step.highlight.lines.filter((l) => l > lineCount);
  if (outside.length > 0) {
    problem(
      step.highlight.line,
      'highlight',
      `line ${outside[0]} is past the end of the program (${lineCount} lines)`,
    );
  }
  return step.highlight.lines.filter((l) => l <= lineCount);
}

/** The step's exercise, when it has one with a starter and a solution. */
function buildExercise(step: StepDraft, problem: Problem): Exercise | null {
  if (!step.exercise || !step.starter || !step.solution) return null;
  const node: ContainerDirective = step.exercise.node;
  const exercise: Exercise = {
    id: `s${step.index + 1}-exercise`,
    line: lineOf(node),
    goal: rich(step.exercise.goal),
    starter: step.starter.program.id,
    solution: step.solution.id,
    starterPasses: step.starter.passes,
    hints: step.hints.map((h) => rich(body(h.node))),
    checks: withImplicitChecks(step.checks?.specs ?? [], step.checks?.line ?? lineOf(node)),
  };
  if (isBlank(step.exercise.goal)) {
    problem(exercise.line, 'exercise', 'say the goal in words inside the :::exercise block');
  }
  if (exercise.hints.length === 0 && !step.misspelt.has('hint'))
    problem(exercise.line, 'hint', 'an exercise needs at least one :::hint');
  return exercise;
}

/** Every exercise must run without error, unless its checks say how it should end. */
function withImplicitChecks(specs: readonly CheckSpec[], line: number): CheckSpec[] {
  const mentionsErrors = specs.some(
    (s) => s.check.kind === 'completes' || s.check.kind === 'raises',
  );
  if (mentionsErrors) return [...specs];
  return [
    { text: 'runs without error', line, check: { kind: 'completes' }, implicit: true },
    ...specs,
  ];
}
