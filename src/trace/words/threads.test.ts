import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TRACE_FIXTURES } from '../../../tests/fixtures/traces.ts';
import { eventAt } from '../decode.ts';
import { narrate } from '../narration.ts';
import { parseTrace } from '../parse.ts';
import { stateAt } from '../replay.ts';
import {
  describeWait,
  threadActivityText,
  threadFutureLabel,
  threadJobFutures,
  waitKindText,
} from '../words.ts';

const trace = parseTrace(
  readFileSync(new URL('83-to-thread-wait.trace.json', TRACE_FIXTURES), 'utf8'),
);

/** The first step where Task-1 suspends awaiting to_thread. */
const step = trace.events.findIndex(
  (e) => typeof e === 'object' && e.k === 'suspend' && e.w.on === 'future',
);

describe('thread waits in words', () => {
  it('a task awaiting to_thread waits for the thread to finish the function, not a future', () => {
    const ev = eventAt(trace, step);
    if (ev.kind !== 'suspend') throw new Error('expected a suspend');
    const state = stateAt(trace, step);
    expect(describeWait(state, ev.wait)).toBe(
      'thread asyncio_0 to finish blocking_io() (in time.sleep(1) until 1.0 s)',
    );
    expect(waitKindText(ev.wait)).toBe('waiting for a thread');
    expect(narrate(trace, step)).toMatch(
      /^Task-1 awaits thread asyncio_0 to finish blocking_io\(\) .*gives control back/,
    );
    expect(narrate(trace, step)).not.toMatch(/future/i);
  });

  it('says what the thread does at the picture time', () => {
    const state = stateAt(trace, step);
    const thread = state.threads[0];
    if (!thread) throw new Error('expected a thread');
    expect(threadActivityText(thread, 0.5)).toBe(
      'runs blocking_io(), blocked in time.sleep(1) until 1.0 s',
    );
    expect(threadActivityText(thread, 1.7)).toBe('idle (its jobs are done)');
  });
});

describe('futures of thread jobs', () => {
  it('are named for their thread, not as a numbered Future', () => {
    const ev = eventAt(trace, step);
    if (ev.kind !== 'suspend' || ev.wait.on !== 'future') throw new Error('expected a future wait');
    expect(threadFutureLabel(trace, ev.wait.object)).toBe('result of thread asyncio_0');
    const others = trace.objects.filter((o) => !threadJobFutures(trace).has(o.id));
    for (const o of others) expect(threadFutureLabel(trace, o.id)).toBeNull();
  });
});
