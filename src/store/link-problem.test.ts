import { describe, expect, it } from 'vitest';
import { linkProblem } from './link-problem.ts';
import { encodeProgram, formatRoute, MAX_LINK_CODE, parseRoute } from './route.ts';

describe('a link that cannot be opened says why, and opens nothing from it', () => {
  it('a good link has no problem', () => {
    expect(linkProblem(`#/playground?code=${encodeProgram('print(1)\n')}&step=3`)).toBeNull();
    expect(linkProblem('#/lessons/queues/2')).toBeNull();
  });

  it('a cut or changed program is damaged', () => {
    expect(linkProblem('#/playground?code=%%%not-base64')).toMatch(/damaged/);
    expect(linkProblem('#/embed?code=_w')).toMatch(/damaged/); // not UTF-8
    expect(parseRoute('#/embed?code=_w')).toMatchObject({ page: 'embed', code: null });
  });

  it('an oversized program is refused before it is decoded', () => {
    const huge = `#/playground?code=${'A'.repeat(MAX_LINK_CODE + 4)}`;
    expect(linkProblem(huge)).toMatch(/too long \(64 KB; the limit is 64 KB\)/);
    expect(parseRoute(huge)).toMatchObject({ page: 'playground', code: null });
  });

  it('a step that is not a number is named', () => {
    expect(linkProblem('#/playground?step=x')).toMatch(/not a number/);
  });
});

describe('classroom routes', () => {
  it('reads and writes embeds and the speaker window', () => {
    const code = encodeProgram('import asyncio\n');
    expect(parseRoute(`#/embed?code=${code}&step=4&editor`)).toEqual({
      page: 'embed',
      code: 'import asyncio\n',
      step: 4,
      lesson: null,
      editor: true,
    });
    expect(parseRoute('#/embed/lessons/queues/2')).toEqual({
      page: 'embed',
      code: null,
      step: null,
      lesson: { slug: 'queues', step: 2 },
      editor: false,
    });
    expect(parseRoute('#/speaker')).toEqual({ page: 'speaker' });
    for (const hash of [
      `#/embed?code=${code}&step=4&editor`,
      '#/embed/lessons/queues/2',
      '#/speaker',
    ]) {
      expect(formatRoute(parseRoute(hash))).toBe(hash);
    }
  });
});
