import { describe, expect, it } from 'vitest';
import { fixture, stepWhere } from '../../tests/fixtures/traces.ts';
import { exampleTrace } from './example.ts';
import { narrate } from './narration.ts';
import { stateAt } from './replay.ts';
import { describeMoment, plain } from './words.ts';

describe('narrate', () => {
  const trace = exampleTrace();

  it('has a plain sentence for every step, with names and no placeholders', () => {
    for (let step = -1; step < trace.events.length; step++) {
      const s = narrate(trace, step);
      expect(s.length, `step ${step}`).toBeGreaterThan(10);
      expect(s, `step ${step}`).not.toMatch(/undefined|NaN|null|\[object/);
    }
  });

  it('says why control moves', () => {
    expect(narrate(trace, 19)).toBe(
      'Task-1 awaits task Task-2, so it gives control back to the event loop. Next in the ready queue: Task-2.',
    );
    expect(narrate(trace, 20)).toBe(
      'The event loop hands control to Task-2, which starts running.',
    );
    expect(narrate(trace, 27)).toBe(
      'Nothing can run until the next timer, so virtual time skips ahead: it is now 1.0 s.',
    );
    expect(narrate(trace, 12)).toBe('Task-1 runs line 9: t = asyncio.create_task(worker(1)).');
    expect(narrate(trace, 31)).toBe('Task-2 prints "1".');
    expect(narrate(trace, 33)).toMatch(/^Task-2 finishes and returns 2; control goes back/);
  });
});

describe('narrate: plain callbacks', () => {
  const trace = fixture('07-future-callbacks');

  it('names callbacks as calls, as the simulator does, and never says null', () => {
    const timer = stepWhere(trace, (e) => e.kind === 'timer' && e.why === 'callback');
    expect(narrate(trace, timer)).toBe('Timer: at 0.1 s the loop will run Future.set_result().');
    const ready = stepWhere(trace, (e) => e.kind === 'ready' && e.callback === 'on_done');
    expect(narrate(trace, ready)).toBe('The callback on_done() joins the ready queue.');
    // The `callback` event names only its handle: the narration finds the callback it runs.
    const due = stepWhere(trace, (e) => e.kind === 'callback');
    expect(narrate(trace, due)).toBe(
      'The event loop runs the callback Future.set_result() (no task holds control).',
    );
    const onDone = stepWhere(trace, (e) => e.kind === 'callback', ready);
    expect(narrate(trace, onDone)).toBe(
      'The event loop runs the callback on_done() (no task holds control).',
    );
    for (let step = 0; step < trace.events.length; step++) {
      expect(narrate(trace, step), `step ${step}`).not.toMatch(/\bnull\b|undefined/);
    }
  });
});

describe('narrate beside the loop caption', () => {
  const trace = fixture('07-future-callbacks');

  it('does not repeat the caption when the loop starts or stops', () => {
    for (const running of [true, false]) {
      const step = stepWhere(trace, (e) => e.kind === 'loop' && e.running === running);
      const caption = plain(describeMoment(trace, stateAt(trace, step)).words);
      expect(caption).toBe(running ? 'The event loop starts running.' : 'The event loop stops.');
      expect(narrate(trace, step)).not.toContain(caption.replace(/\.$/, ''));
    }
  });
  it('does not repeat the caption when the clock jumps', () => {
    const example = exampleTrace();
    const step = stepWhere(example, (e) => e.kind === 'clock');
    const caption = plain(describeMoment(example, stateAt(example, step)).words);
    expect(caption).toBe('Nothing is ready: the clock jumps from 0.0 s to 1.0 s, the next timer.');
    expect(narrate(example, step)).not.toContain('the clock jumps');
    expect(narrate(example, step)).toContain('1.0 s');
  });
});
