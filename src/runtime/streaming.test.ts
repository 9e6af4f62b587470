/**
 * The worker's path: events stream out in chunks while the program runs (the browser keeps
 * them if the worker must be killed). Limits must hold there too, however slowly events come.
 */
import { expect, test } from 'vitest';
import { parseTrace, partialTrace } from '../trace/index.ts';
import { nodeTracer } from './tracer.node.ts';

test('an endless loop of sleep(0) is stopped by the step limit while its events stream', async () => {
  const tracer = await nodeTracer();
  const api = tracer.pyodide.pyimport('eventlooplab.api');
  const source =
    'import asyncio\nasync def main():\n    while True:\n        await asyncio.sleep(0)\nasyncio.run(main())\n';
  const chunks: unknown[][] = [];
  const header = JSON.parse(
    api.trace_program(source, JSON.stringify({ maxSteps: 30_000 }), (text: string) => {
      chunks.push(JSON.parse(text));
    }),
  );
  expect(header.status).toBe('limit');
  expect(header.limit.kind).toBe('steps');
  const events = chunks.flat();
  expect(events.length).toBeGreaterThanOrEqual(30_000);
  expect(events.length).toBeLessThan(30_010);
  const trace = partialTrace(header, events);
  expect(parseTrace(JSON.stringify(trace)).status).toBe('limit');
});

test('chunks and header are ASCII JSON that reads back to the program’s own characters', async () => {
  const tracer = await nodeTracer();
  const api = tracer.pyodide.pyimport('eventlooplab.api');
  // A dash in a comment, accents and an emoji in output and in a local's repr.
  const source = '# café — ☕\nword = "naïve 🐍"\nprint(word, "…")\n';
  const chunks: string[] = [];
  const headerText: string = api.trace_program(source, '{}', (text: string) => chunks.push(text));
  for (const text of [headerText, ...chunks]) expect(text).toMatch(/^[\x20-\x7e]*$/);
  const header = JSON.parse(headerText);
  expect(header.source).toBe(source);
  expect(header.stdout).toBe('naïve 🐍 …\n');
  const events = chunks.flatMap((text) => JSON.parse(text) as unknown[]);
  expect(events).toContainEqual({ k: 'out', s: 'naïve 🐍 …\n' });
  expect(JSON.stringify(events)).toContain(`"word":"'naïve 🐍'"`);
});

test('the events do not depend on when chunks are flushed: a busy machine records the same run', async () => {
  const tracer = await nodeTracer();
  const api = tracer.pyodide.pyimport('eventlooplab.api');
  const recorder = tracer.pyodide.pyimport('eventlooplab.recorder');
  const source =
    'import asyncio\nasync def say(w):\n    print("start", w)\n    await asyncio.sleep(1)\n    print(w, "done")\nasync def main():\n    await asyncio.gather(say("a"), say("b"))\nasyncio.run(main())\n';
  const streamed = (): unknown[] => {
    const chunks: unknown[][] = [];
    api.trace_program(source, '{}', (text: string) => chunks.push(JSON.parse(text)));
    return chunks.flat();
  };
  const calm = streamed();
  // A flush on time after every event: what a loaded machine does now and then.
  const saved = recorder.FLUSH_SECONDS;
  recorder.FLUSH_SECONDS = -1;
  try {
    expect(streamed()).toEqual(calm);
  } finally {
    recorder.FLUSH_SECONDS = saved;
  }
});
