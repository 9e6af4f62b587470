import { describe, expect, it } from 'vitest';
import { type FixtureName, fixture } from '../../tests/fixtures/traces.ts';
import {
  catchesCancel,
  firstCancelDelivery,
  handlerRaises,
  swallowedCancelAdvice,
} from './coach-cancel.ts';
import { syntheticTrace } from './synthetic.ts';

describe('catchesCancel', () => {
  it('knows the handlers that catch a CancelledError, and no others', () => {
    expect(catchesCancel('    except asyncio.CancelledError:')).toBe('CancelledError');
    expect(catchesCancel('except (ValueError, CancelledError) as e:  # why')).toBe(
      'CancelledError',
    );
    expect(catchesCancel('  except BaseException as exc:')).toBe('BaseException');
    expect(catchesCancel('  except:')).toBe('bare');
    expect(catchesCancel('  except Exception:')).toBeNull();
    expect(catchesCancel('  except TimeoutError:')).toBeNull();
    expect(catchesCancel('  print("except:")')).toBeNull();
  });

  it('sees a raise in the handler body by indentation', () => {
    const lines = ['try:', '    f()', 'except CancelledError:', '    log()', '    raise', 'x = 1'];
    expect(handlerRaises(lines, 3)).toBe(true);
    expect(handlerRaises(['except:', '    pass', 'raise'], 1)).toBe(false);
  });
});

describe('swallowedCancelAdvice', () => {
  it('a task that catches its cancellation and keeps running (the run hits its limit)', () => {
    const [a, ...rest] = swallowedCancelAdvice(fixture('cancel-ignored'));
    expect(rest).toEqual([]);
    expect(a?.explanation).toContain(
      'Task-2 (heartbeat) was cancelled, but the `except CancelledError` at line 8 caught the CancelledError and the task kept running',
    );
    expect(a?.lines).toEqual([8]);
  });
});

describe('firstCancelDelivery', () => {
  const names: FixtureName[] = [
    'errors',
    'cancel-ignored',
    'wait-for-swallowed',
    'blocking',
    'two',
  ];

  it('is the first resume that delivers a CancelledError, as a plain scan finds it', () => {
    for (const trace of [...names.map(fixture), syntheticTrace(20_000, { seed: 3 })]) {
      const plain = trace.events.findIndex(
        (e) => typeof e === 'object' && e.k === 'resume' && (e.cn ?? 0) > 0,
      );
      expect(firstCancelDelivery(trace)).toBe(plain);
    }
    expect(firstCancelDelivery(fixture('cancel-ignored'))).toBeGreaterThan(0);
    expect(firstCancelDelivery(fixture('blocking'))).toBe(-1);
  });
});
