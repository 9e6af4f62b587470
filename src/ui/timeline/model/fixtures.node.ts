/**
 * Real traces for the timeline's tests, made by the tracer (see fixtures/README.md):
 * - two: tests/corpus/02-two-tasks.py
 * - compare: time.sleep(1) twice under gather, then asyncio.sleep(1) twice (blocking vs not)
 * - errors: tasks that finish, fail and get cancelled
 * - idle: three awaited sleeps one after another, then three gathered
 */
import { readFileSync } from 'node:fs';
import { parseTrace, type Trace } from '../../../trace/index.ts';

export type FixtureName = 'two' | 'compare' | 'errors' | 'idle';

export function fixture(name: FixtureName): Trace {
  return parseTrace(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8'));
}
