/** A step as the first pass collects it: its parts found, not yet checked against each other. */
import type { RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import type { CheckSpec, LessonProgram, MomentRef } from '../types.ts';
import type { Problem } from './nodes.ts';

export interface StepDraft {
  index: number;
  title: string;
  line: number;
  prose: RootContent[];
  program: LessonProgram | null;
  highlight: { lines: number[]; line: number } | null;
  openAt: MomentRef | null;
  notes: RootContent[][];
  questions: { node: ContainerDirective }[];
  exercise: { node: ContainerDirective; goal: RootContent[] } | null;
  starter: { program: LessonProgram; passes: boolean } | null;
  solution: LessonProgram | null;
  hints: { node: ContainerDirective }[];
  checks: { specs: CheckSpec[]; line: number } | null;
  /** Known blocks this step wrote misspelt (`:::hnit` → hint): their absence is not reported too. */
  misspelt: Set<string>;
  /** Exercise parts found outside an exercise step, reported when the step ends. */
  strays: { what: string; line: number }[];
}

/** What every part of the first pass shares. */
export interface Walk {
  readonly problem: Problem;
  /** Reads a file beside the lesson (for `file=` programs). */
  readonly readFile: ((name: string) => string | undefined) | undefined;
  /** Every program, starter and solution, in the order they appear. */
  readonly programs: LessonProgram[];
}

export function newStepDraft(index: number, title: string, line: number): StepDraft {
  return {
    index,
    title,
    line,
    prose: [],
    program: null,
    highlight: null,
    openAt: null,
    notes: [],
    questions: [],
    exercise: null,
    starter: null,
    solution: null,
    hints: [],
    checks: null,
    misspelt: new Set(),
    strays: [],
  };
}
