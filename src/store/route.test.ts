import { describe, expect, it } from 'vitest';
import { decodeProgram, encodeProgram, formatRoute, parseRoute } from './route.ts';

describe('routes', () => {
  it('round-trips a program and a step through the hash', () => {
    const code = 'import asyncio\n\nprint("héllo ☕ — 你好")\n';
    const hash = formatRoute({ page: 'playground', code, step: 42 });
    expect(hash).toMatch(/^#\/playground\?code=[A-Za-z0-9_-]+&step=42$/);
    expect(parseRoute(hash)).toEqual({ page: 'playground', code, step: 42 });
  });

  it('reads the playground without a program, and anything unknown as the playground', () => {
    expect(parseRoute('')).toEqual({ page: 'playground', code: null, step: null });
    expect(parseRoute('#/playground')).toEqual({ page: 'playground', code: null, step: null });
    expect(parseRoute('#/nowhere?step=3')).toEqual({ page: 'playground', code: null, step: 3 });
    expect(formatRoute({ page: 'playground', code: null, step: null })).toBe('#/playground');
  });

  it('ignores a damaged program or step rather than opening garbage', () => {
    expect(parseRoute('#/playground?code=%%%&step=-1')).toEqual({
      page: 'playground',
      code: null,
      step: null,
    });
    expect(parseRoute('#/playground?code=_w&step=abc')).toMatchObject({ code: null }); // not UTF-8
  });

  it('reserves lesson routes', () => {
    expect(parseRoute('#/lessons/waiting-is-wasted/12')).toEqual({
      page: 'lesson',
      slug: 'waiting-is-wasted',
      step: 12,
    });
    expect(parseRoute('#/lessons/intro')).toEqual({ page: 'lesson', slug: 'intro', step: null });
    expect(formatRoute({ page: 'lesson', slug: 'intro', step: 3 })).toBe('#/lessons/intro/3');
    expect(parseRoute('#/lessons/intro/2?presenter')).toEqual({
      page: 'lesson',
      slug: 'intro',
      step: 2,
      presenter: true,
    });
    expect(formatRoute({ page: 'lesson', slug: 'intro', step: 2, presenter: true })).toBe(
      '#/lessons/intro/2?presenter',
    );
    expect(parseRoute('#/lessons')).toEqual({ page: 'lessons' });
    expect(parseRoute('#/lessons/')).toEqual({ page: 'lessons' });
    expect(formatRoute({ page: 'lessons' })).toBe('#/lessons');
  });

  it('encodes base64url without padding, like RFC 4648 §5', () => {
    expect(encodeProgram('')).toBe('');
    expect(encodeProgram('f')).toBe('Zg');
    expect(encodeProgram('fo')).toBe('Zm8');
    expect(encodeProgram('foo')).toBe('Zm9v');
    expect(encodeProgram('\u00ff\u00fe?')).toBe('w7_Dvj8');
    expect(decodeProgram('Zm9vYg==')).toBe('foob');
    expect(decodeProgram('w7/Dvj8')).toBe('\u00ff\u00fe?');
    for (const text of ['a', 'ab', 'abc', 'abcd', '→', '🐍 async\n']) {
      expect(decodeProgram(encodeProgram(text))).toBe(text);
    }
  });
});
