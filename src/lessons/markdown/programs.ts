/**
 * Programs (```python program|starter|solution blocks, inline or `file=NAME.py`), ```checks
 * blocks, and the exercise parts lifted out of an :::exercise block.
 */
import type { Code, RootContent } from 'mdast';
import { parseCheck } from '../checks.ts';
import type { CheckSpec, LessonProgram, ProgramRole } from '../types.ts';
import type { StepDraft, Walk } from './draft.ts';
import { lineOf, programRole } from './nodes.ts';
import { pragmaProblems } from './pragmas.ts';

/** `raises=NAME`: a Python class name, dotted for classes in modules (`asyncio.TimeoutError`). */
const EXCEPTION_NAME = /^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*$/;

/** Lifts exercise parts (programs, checks, hints) out of a list of nodes; returns the rest. */
export function liftExerciseParts(
  walk: Walk,
  step: StepDraft,
  nodes: readonly RootContent[],
): RootContent[] {
  const rest: RootContent[] = [];
  for (const node of nodes) {
    if (node.type === 'code' && programRole(node) !== null) {
      takeProgram(walk, step, node);
    } else if (node.type === 'code' && node.lang === 'checks') {
      takeChecks(walk, step, node);
    } else if (node.type === 'containerDirective' && node.name === 'hint') {
      step.hints.push({ node });
    } else {
      rest.push(node);
    }
  }
  return rest;
}

/** A ```python ROLE block: read its source and give it to the step in its role. */
export function takeProgram(walk: Walk, step: StepDraft, node: Code): void {
  const [role, ...opts] = (node.meta ?? '').trim().split(/\s+/) as [ProgramRole, ...string[]];
  const { problem } = walk;
  let passes = false;
  let fromFile: string | null = null;
  let raises: string | null = null;
  for (const opt of opts) {
    if (opt === 'passes' && role === 'starter') passes = true;
    else if (opt.startsWith('file=')) fromFile = opt.slice(5);
    else if (opt.startsWith('raises=') && EXCEPTION_NAME.test(opt.slice(7))) raises = opt.slice(7);
    else if (opt.startsWith('raises=')) {
      problem(
        lineOf(node),
        role,
        `"${opt}" must name an exception class, e.g. raises=NameError (nothing else after the =)`,
      );
    } else {
      problem(
        lineOf(node),
        role,
        `unknown option "${opt}" after "python ${role}" (known: file=NAME.py, raises=ExceptionName${role === 'starter' ? ', passes' : ''})`,
      );
    }
  }
  const text = programSource(walk, node, role, fromFile);
  for (const p of pragmaProblems(text)) {
    // A program read from a file has no lines of its own in the lesson: blame its fence.
    problem(fromFile === null ? lineOf(node) + 1 + p.line : lineOf(node), role, p.message);
  }
  const program: LessonProgram = {
    id: `s${step.index + 1}-${role}`,
    role,
    step: step.index,
    source: text.endsWith('\n') ? text : `${text}\n`,
    line: lineOf(node),
    file: fromFile,
    raises,
  };
  if (placeProgram(walk, step, program, passes)) walk.programs.push(program);
}

/** The program's code: the block's own, or the file it names. */
function programSource(walk: Walk, node: Code, role: ProgramRole, fromFile: string | null) {
  const { problem } = walk;
  if (fromFile === null) {
    if (node.value.trim() === '') problem(lineOf(node), role, `the python ${role} block is empty`);
    return node.value;
  }
  if (node.value.trim() !== '') {
    problem(lineOf(node), role, `a program read from ${fromFile} must leave its code block empty`);
  }
  const read = walk.readFile?.(fromFile);
  if (read === undefined) {
    problem(
      lineOf(node),
      role,
      `cannot read ${fromFile}: put it in the lesson's folder (lessons/NN-slug/${fromFile})`,
    );
    return '';
  }
  return read;
}

/** Gives the step its program, starter or solution; false when it already has one. */
function placeProgram(
  walk: Walk,
  step: StepDraft,
  program: LessonProgram,
  passes: boolean,
): boolean {
  const { problem } = walk;
  if (program.role === 'program') {
    if (step.program) {
      problem(
        program.line,
        'program',
        `step "${step.title}" already has a program (line ${step.program.line}); a step has at most one`,
      );
      return false;
    }
    step.program = program;
  } else if (program.role === 'starter') {
    if (step.starter) {
      problem(
        program.line,
        'starter',
        `step "${step.title}" already has a starter (line ${step.starter.program.line})`,
      );
      return false;
    }
    step.starter = { program, passes };
  } else {
    if (step.solution) {
      problem(
        program.line,
        'solution',
        `step "${step.title}" already has a solution (line ${step.solution.line})`,
      );
      return false;
    }
    step.solution = program;
  }
  return true;
}

/** A ```checks block: one check per line (blank lines and # comments skipped). */
export function takeChecks(walk: Walk, step: StepDraft, node: Code): void {
  const { problem } = walk;
  if (step.checks) {
    problem(
      lineOf(node),
      'checks',
      `step "${step.title}" already has a checks block (line ${step.checks.line})`,
    );
    return;
  }
  const specs: CheckSpec[] = [];
  let written = 0;
  node.value.split('\n').forEach((raw, i) => {
    const text = raw.trim();
    if (text === '' || text.startsWith('#')) return;
    written++;
    const line = lineOf(node) + 1 + i;
    const parsed = parseCheck(text);
    if (!parsed.ok) problem(line, 'checks', parsed.error);
    else specs.push({ text, line, check: parsed.check, implicit: false });
  });
  // A block whose every line is misspelt already has a problem per line: do not add a knock-on.
  if (written === 0)
    problem(lineOf(node), 'checks', 'the checks block has no checks: write one per line');
  step.checks = { specs, line: lineOf(node) };
}
