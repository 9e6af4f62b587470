/**
 * Block directives, one handler each: `::highlight[3-5]` and `::open[moment]` (leaves), and
 * `:::question`, `:::notes`, `:::exercise`, `:::hint` (containers). A handler files what it finds
 * in the step's draft; questions are built later, once the step's program is known.
 */

import type { ContainerDirective, LeafDirective } from 'mdast-util-directive';
import { closest, didYouMean } from '../closest.ts';
import { parseMoment } from '../moments.ts';
import type { StepDraft, Walk } from './draft.ts';
import { body, leafText, lineOf } from './nodes.ts';
import { liftExerciseParts } from './programs.ts';

type LeafHandler = (walk: Walk, step: StepDraft, node: LeafDirective) => void;
type ContainerHandler = (walk: Walk, step: StepDraft, node: ContainerDirective) => void;

const LEAF_DIRECTIVES: ReadonlyMap<string, LeafHandler> = new Map([
  ['highlight', highlight],
  ['open', open],
]);

const CONTAINER_DIRECTIVES: ReadonlyMap<string, ContainerHandler> = new Map([
  ['question', question],
  ['notes', notes],
  ['exercise', exercise],
  ['hint', hint],
]);

/** A `::name` directive: its handler, or a problem naming the ones there are. */
export function takeLeaf(walk: Walk, step: StepDraft, node: LeafDirective): void {
  const handle = LEAF_DIRECTIVES.get(node.name);
  if (handle) {
    handle(walk, step, node);
    return;
  }
  const known = [...LEAF_DIRECTIVES.keys()].map((l) => `::${l}`).join(', ');
  walk.problem(
    lineOf(node),
    `::${node.name}`,
    `unknown directive "::${node.name}"${didYouMean(node.name, LEAF_DIRECTIVES.keys(), '::')} (known: ${known})`,
  );
}

/** A `:::name` block: its handler, or a problem naming the ones there are. */
export function takeContainer(walk: Walk, step: StepDraft, node: ContainerDirective): void {
  const handle = CONTAINER_DIRECTIVES.get(node.name);
  if (handle) {
    handle(walk, step, node);
    return;
  }
  const known = [...CONTAINER_DIRECTIVES.keys()].map((c) => `:::${c}`).join(', ');
  const guess = closest(node.name, CONTAINER_DIRECTIVES.keys());
  if (guess !== null) step.misspelt.add(guess);
  walk.problem(
    lineOf(node),
    `:::${node.name}`,
    `unknown block ":::${node.name}"${didYouMean(node.name, CONTAINER_DIRECTIVES.keys(), ':::')} (known: ${known})`,
  );
}

/** `::highlight[3-5, 8]` (or `::highlight{lines="3-5"}`): lines to mark in the step's program. */
function highlight(walk: Walk, step: StepDraft, node: LeafDirective): void {
  const line = lineOf(node);
  const lines = parseLineList(leafText(node) || (node.attributes?.lines ?? ''));
  if (typeof lines === 'string') {
    walk.problem(line, 'highlight', lines);
    return;
  }
  if (step.highlight) {
    walk.problem(
      line,
      'highlight',
      `step "${step.title}" already has ::highlight (line ${step.highlight.line})`,
    );
  }
  step.highlight = { lines, line };
}

/** `::open[moment]` (or `::open{at="…"}`): the moment of the run the step opens at. */
function open(walk: Walk, step: StepDraft, node: LeafDirective): void {
  const line = lineOf(node);
  const text = leafText(node) || (node.attributes?.at ?? '');
  const parsed = parseMoment(text);
  if (!parsed.ok) {
    walk.problem(line, 'open', `::open[${text}]: ${parsed.error}`);
    return;
  }
  if (step.openAt) {
    walk.problem(
      line,
      'open',
      `step "${step.title}" already has ::open (line ${step.openAt.line})`,
    );
  }
  step.openAt = { text, line };
}

function question(_walk: Walk, step: StepDraft, node: ContainerDirective): void {
  step.questions.push({ node });
}

function notes(_walk: Walk, step: StepDraft, node: ContainerDirective): void {
  step.notes.push(body(node));
}

function hint(_walk: Walk, step: StepDraft, node: ContainerDirective): void {
  step.hints.push({ node });
}

/** `:::exercise`: the goal in words; its programs, checks and hints are lifted out. */
function exercise(walk: Walk, step: StepDraft, node: ContainerDirective): void {
  if (step.exercise) {
    walk.problem(
      lineOf(node),
      'exercise',
      `step "${step.title}" already has an exercise (line ${lineOf(step.exercise.node)}); one per step`,
    );
    return;
  }
  step.exercise = { node, goal: liftExerciseParts(walk, step, body(node)) };
}

/** "3-5, 8" → [3, 4, 5, 8]. */
export function parseLineList(text: string): number[] | string {
  const lines = new Set<number>();
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length === 0) return 'give the lines to highlight, e.g. ::highlight[3-5, 8]';
  for (const part of parts) {
    const m = /^(\d+)(?:\s*-\s*(\d+))?$/.exec(part);
    if (!m) return `"${part}" is not a line number or a range like 3-5`;
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (from < 1 || to < from)
      return `"${part}" is not a valid range: lines count from 1, and a range goes up (3-5)`;
    for (let l = from; l <= to; l++) lines.add(l);
  }
  return [...lines].sort((a, b) => a - b);
}
