import { describe, expect, it } from 'vitest';
import {
  clockJumpsText,
  createdText,
  cursorText,
  heldTimesText,
  holdsControlText,
  idleJumpText,
  loopBlockedText,
  loopLaneText,
  notCreatedText,
  stepRangeText,
  stretchText,
  taskEndText,
  taskLaneText,
  taskLaneTitle,
  threadLaneTitle,
  threadRunsText,
  timeSpanText,
  waitingNowText,
} from '../words.ts';

describe('the timeline lanes in words', () => {
  it('spells steps and times as every other pane does', () => {
    expect(stepRangeText(12, 12)).toBe('step 12');
    expect(stepRangeText(999, 1200)).toBe('steps 999–1,200');
    expect(timeSpanText(0.5, 0.5)).toBe('t = 0.5 s');
    expect(timeSpanText(0, 1)).toBe('t = 0.0 → 1.0 s');
    expect(stretchText(3, 7, 0, 0)).toBe('steps 3–7, t = 0.0 s');
    expect(cursorText(1234, null)).toBe('step 1,234');
    expect(cursorText(12, 0.25)).toBe('0.25 s · step 12');
  });

  it('counts turns up to a cap, with grouped digits', () => {
    expect(heldTimesText(3)).toBe('held control 3 times here');
    expect(heldTimesText(999)).toBe('held control 999 times here');
    expect(heldTimesText(1000)).toBe('held control 1,000+ times here');
    expect(holdsControlText('step 4, t = 0.0 s')).toBe(
      'running: holds control (step 4, t = 0.0 s)',
    );
  });

  it('says when a task is made and how it ends', () => {
    expect(notCreatedText(1500)).toBe('not created yet (created at step 1,500)');
    expect(createdText(12, 'main')).toBe('created at step 12 by main');
    expect(createdText(0, null)).toBe('created at step 0');
    expect(waitingNowText(null)).toBe('waiting');
    expect(waitingNowText('sleep until 0.2 s')).toBe('waiting: sleep until 0.2 s');
    expect(taskEndText('done', 40, "'ok'")).toBe("finished at step 40: returned 'ok'");
    expect(taskEndText('done', 40, null)).toBe('finished at step 40: returned None');
    expect(taskEndText('failed', 41, "ValueError('x')")).toBe(
      "failed at step 41: raised ValueError('x')",
    );
    expect(taskEndText('cancelled', 42, null)).toBe('cancelled at step 42');
    expect(taskEndText(null, 0, null)).toBe('still running when the trace ends');
  });

  it('says what the loop lane shows', () => {
    expect(loopBlockedText('time.sleep(2)', 'main', 0, 2)).toBe(
      'blocked by time.sleep(2) in main: t = 0.0 → 2.0 s',
    );
    expect(loopBlockedText(null, null, 1, 1)).toBe('blocked by a blocking call: t = 1.0 s');
    expect(idleJumpText(0, 0.1)).toBe('idle: nothing is ready, so the clock jumps 0.0 → 0.1 s');
    expect(clockJumpsText(1, 0.1)).toBe('the clock jumps to 0.1 s here');
    expect(clockJumpsText(1200, 5)).toBe('the clock jumps 1,200 times here');
  });

  it('titles and summarises lanes for screen readers', () => {
    expect(threadLaneTitle('asyncio_0')).toBe('thread asyncio_0');
    expect(taskLaneTitle('A', 'circle', 'Task-2', 'worker')).toBe('A circle Task-2 · worker()');
    expect(threadRunsText({ fn: 'blocking_io', from: 0, until: 1 })).toBe(
      'runs blocking_io() 0.0 → 1.0 s',
    );
    expect(loopLaneText(1, 0)).toBe(
      'Runs whenever no task holds control. The clock jumped 1 time while idle.',
    );
    expect(loopLaneText(3, 2)).toBe(
      'Runs whenever no task holds control. The clock jumped 3 times while idle; blocked 2 times.',
    );
    const lane = {
      coro: 'worker',
      createdAt: 3,
      held: 4,
      end: 'done' as const,
      doneAt: 40,
      endRepr: 'None',
      stalls: [],
    };
    expect(taskLaneText(lane)).toBe(
      'worker(), created at step 3; held control 4 times. Finished at step 40: returned None.',
    );
    expect(taskLaneText({ ...lane, doneAt: null, end: null, stalls: ['a', 'b', 'c'] })).toBe(
      'worker(), created at step 3; held control 4 times. Not finished when the trace ends. Stalled the loop: a (and 2 more stalls)',
    );
  });
});
