import { describe, expect, it } from 'vitest';
import { fixture } from '../../tests/fixtures/traces.ts';
import { timeoutSwallowAdvice, timeoutSwallows } from './coach-timeout.ts';

describe('timeoutSwallowAdvice', () => {
  const trace = fixture('wait-for-swallowed');

  it('explains why wait_for returned instead of raising TimeoutError', () => {
    expect(trace.stdout).toContain('wait_for returned late');
    const [a, ...rest] = timeoutSwallowAdvice(trace);
    expect(rest).toEqual([]);
    expect(a?.explanation).toBe(
      'The timeout at line 28 expired at 1.0 s and cancelled Task-1 (main), but `except asyncio.CancelledError:` at line 9 caught that CancelledError and did not re-raise it. So when `wait_for` finished, the timeout took its cancellation back and raised no `TimeoutError`: `wait_for` returned what the coroutine returned, as if it had finished in time, and an `except TimeoutError` never runs.',
    );
    expect(a?.fix).toContain('catch `TimeoutError` outside `wait_for`.');
    expect(a?.lines).toEqual([9, 28]);
  });

  it('says nothing of a handler that cleans up and re-raises (the TimeoutError comes)', () => {
    expect(trace.stdout).toContain('polite: timed out');
    expect(timeoutSwallows(trace).map((s) => s.task)).toEqual([1]);
  });
});
