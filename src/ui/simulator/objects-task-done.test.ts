/**
 * The queue panel's "unfinished … awaiting task_done()" row appears only for a program that
 * counts finished work (task_done / join): the queues lesson's first steps, which have not taught
 * task_done yet, must not mention it.
 */
import { readFileSync } from 'node:fs';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { type LoopState, parseTrace, stateAt, type Trace } from '../../trace/index.ts';

// .tsx loaded by a specifier TypeScript does not follow (this test's tsconfig has no JSX).
const entry = './index.ts';
const { SimulatorPanel } = (await import(/* @vite-ignore */ entry)) as {
  SimulatorPanel: (props: { trace: Trace; state: LoopState }) => null;
};

function golden(program: string): Trace {
  const file = new URL(
    `../../../tests/golden/lessons/06-queues/${program}.trace.json`,
    import.meta.url,
  );
  return parseTrace(JSON.parse(readFileSync(file, 'utf8')));
}

/** The steps whose panel mentions task_done(). */
function stepsMentioningTaskDone(trace: Trace): number[] {
  const steps: number[] = [];
  for (let i = 0; i < trace.events.length; i++) {
    const html = renderToString(createElement(SimulatorPanel, { trace, state: stateAt(trace, i) }));
    if (html.includes('task_done()')) steps.push(i);
  }
  return steps;
}

// Each test renders the whole panel at every step of a lesson run: seconds on a busy machine.
describe('the queue panel and task_done()', { timeout: 60_000 }, () => {
  it('says nothing of task_done() for a program that never calls it', () => {
    expect(stepsMentioningTaskDone(golden('s1-program'))).toEqual([]);
  });

  it('counts the unfinished items of a program that calls task_done() and join()', () => {
    expect(stepsMentioningTaskDone(golden('s3-program')).length).toBeGreaterThan(0);
  });
});
