import { describe, expect, it } from 'vitest';
import {
  blocksLoopClause,
  callbackLineText,
  internalRunningText,
  moduleLineText,
  readyTurnText,
  runningLineText,
  suspendedLineText,
  waitsText,
} from '../words.ts';

describe("the editor's hovers in words", () => {
  it('says who runs which line, and what blocks the loop meanwhile', () => {
    expect(runningLineText('Task-2', 5)).toBe('Task-2 is running line 5');
    expect(runningLineText('Task-1', 4, blocksLoopClause('time.sleep(2)', 2))).toBe(
      'Task-1 is running line 4 — `time.sleep(2)` blocks the whole loop until 2.0 s',
    );
    expect(moduleLineText(12)).toBe('The program (module level) is running line 12');
    expect(callbackLineText('callback say()', 5)).toBe(
      'Callback say() is running line 5 (the event loop runs it; no task holds control)',
    );
  });

  it('says where a suspended task waits', () => {
    expect(readyTurnText('Task-2', 0)).toBe(
      'Task-2 is ready and waits for its turn (number 1 in the ready queue)',
    );
    expect(readyTurnText('Task-2', null)).toBe(
      'Task-2 is ready and waits for its turn (in the ready queue)',
    );
    expect(waitsText('worker', 'sleep until 1.0 s')).toBe('worker waits: sleep until 1.0 s');
    expect(suspendedLineText('worker', 7)).toBe('worker is suspended at line 7');
  });

  it("names asyncio's own task when it runs unseen", () => {
    expect(internalRunningText({ name: 'Task-9', coro: 'BaseEventLoop.shutdown_asyncgens' })).toBe(
      'Task-9, an internal asyncio task (BaseEventLoop.shutdown_asyncgens()), is running.',
    );
  });
});
