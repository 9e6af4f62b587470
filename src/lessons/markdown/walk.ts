/**
 * The first pass: one walk over the top-level nodes that splits the lesson into steps at `##`
 * headings and files each node in its step's draft (programs, checks, directives, prose).
 * When a step ends, its exercise parts are checked against each other.
 */
import type { Heading, Nodes, Paragraph, RootContent } from 'mdast';
import { toString as mdToString } from 'mdast-util-to-string';
import { takeContainer, takeLeaf } from './directives.ts';
import { newStepDraft, type StepDraft, type Walk } from './draft.ts';
import { lineOf, type Problem, programRole } from './nodes.ts';
import { takeChecks, takeProgram } from './programs.ts';

/** The lesson's steps, as drafts. `introTitle` names a step that starts before any heading. */
export function walkSteps(nodes: readonly RootContent[], walk: Walk, introTitle: string) {
  const steps: StepDraft[] = [];
  let current: StepDraft | null = null;
  let sawH1 = false;
  const start = (title: string, line: number): StepDraft => {
    if (current) finishStep(walk, current);
    current = newStepDraft(steps.length, title, line);
    steps.push(current);
    return current;
  };
  for (const node of nodes) {
    if (node.type === 'yaml') continue;
    if (node.type === 'heading' && node.depth === 1) {
      if (current === null && !sawH1) {
        sawH1 = true; // a "# Title" for readers on GitHub; the front matter's title is shown
        continue;
      }
      walk.problem(
        lineOf(node),
        'heading',
        'use "##" headings for steps and "###" or lower inside them; "#" may appear once, before the first step',
      );
      continue;
    }
    if (node.type === 'heading' && node.depth === 2) {
      const step = start(mdToString(node as Heading).trim(), lineOf(node));
      if (step.title === '') walk.problem(lineOf(node), 'step', 'a step heading needs a title');
      continue;
    }
    takeNode(walk, current ?? start(introTitle, lineOf(node)), node);
  }
  if (current) finishStep(walk, current);
  return steps;
}

/** Files one node of a step: a program, checks, a directive, or prose. */
function takeNode(walk: Walk, step: StepDraft, node: RootContent): void {
  checkNoRawHtml(node, walk.problem);
  if (node.type === 'code' && programRole(node) !== null) takeProgram(walk, step, node);
  else if (node.type === 'code' && node.lang === 'checks') takeChecks(walk, step, node);
  else if (node.type === 'leafDirective') takeLeaf(walk, step, node);
  else if (node.type === 'containerDirective') takeContainer(walk, step, node);
  else if (node.type !== 'textDirective') {
    // (text directives are never produced: they are off)
    if (node.type === 'paragraph') checkUnreadDirective(walk, node);
    step.prose.push(node);
  }
}

/** A paragraph that starts like a directive is one remark could not read. */
function checkUnreadDirective(walk: Walk, node: Paragraph): void {
  const text = mdToString(node);
  if (/^:{2,}\s*[a-z]/i.test(text)) {
    walk.problem(
      lineOf(node),
      'directive',
      `"${text.split('\n')[0]}" looks like a directive but could not be read: check its [label] and {attributes} (a value containing double quotes goes in single quotes: at='output "A 1"')`,
    );
  }
}

/** At the end of a step: exercise parts need an exercise, and an exercise needs all its parts. */
function finishStep(walk: Walk, step: StepDraft): void {
  const { problem } = walk;
  // A misspelt :::exercise is reported already: its parts are not strays as well.
  if (step.exercise === null && step.misspelt.has('exercise')) return;
  if (step.exercise === null) {
    if (step.starter)
      step.strays.push({ what: 'a "python starter" program', line: step.starter.program.line });
    if (step.solution)
      step.strays.push({ what: 'a "python solution" program', line: step.solution.line });
    if (step.checks) step.strays.push({ what: 'a checks block', line: step.checks.line });
    for (const h of step.hints) step.strays.push({ what: 'a :::hint', line: lineOf(h.node) });
    for (const s of step.strays) {
      problem(
        s.line,
        'exercise',
        `${s.what} belongs to an exercise, but step "${step.title}" has no :::exercise block`,
      );
    }
    return;
  }
  const line = lineOf(step.exercise.node);
  if (!step.starter)
    problem(line, 'exercise', 'an exercise needs a starting program: a ```python starter block');
  if (!step.solution)
    problem(line, 'exercise', 'an exercise needs a solution: a ```python solution block');
  if (!step.checks)
    problem(line, 'exercise', 'an exercise needs a ```checks block saying what a solution must do');
  if (step.program && step.starter) {
    problem(
      step.program.line,
      'program',
      'an exercise step loads its starter into the editor, so it cannot also have a "python program"',
    );
  }
}

/** Raw HTML is dropped by the sanitizer, and directives work only at the top level of a step. */
function checkNoRawHtml(node: Nodes, problem: Problem): void {
  if (node.type === 'html') {
    if (!/^\s*<!--[\s\S]*-->\s*$/.test(node.value)) {
      problem(
        lineOf(node),
        'html',
        'raw HTML is not allowed in a lesson (it would be dropped); write markdown instead',
      );
    }
    return;
  }
  if (!('children' in node)) return;
  for (const child of node.children as Nodes[]) {
    // An exercise's or a question's own hints may sit inside its block.
    const hintInExercise =
      node.type === 'containerDirective' &&
      (node.name === 'exercise' || node.name === 'question') &&
      child.type === 'containerDirective' &&
      child.name === 'hint';
    if (
      (child.type === 'leafDirective' || child.type === 'containerDirective') &&
      !hintInExercise
    ) {
      problem(
        lineOf(child),
        `:${child.name}`,
        `"${child.name}" must stand at the top level of a step, not inside a list or quote`,
      );
    }
    checkNoRawHtml(child, problem);
  }
}
