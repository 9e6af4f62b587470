import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { codeFrame, overlayError } from './lessons-load.ts';

const PROJECT = fileURLToPath(new URL('..', import.meta.url));

describe('the dev overlay for a lesson problem', () => {
  it('shows the first problem with a code frame of the markdown and where to open it', () => {
    const err = overlayError(PROJECT, [
      {
        file: 'tests/fixtures/lessons/02-typo.md',
        line: 17,
        field: 'program',
        message: 'the program raises NameError at line 6 of the program',
      },
      { file: 'tests/fixtures/lessons/02-typo.md', line: 19, field: 'x', message: 'y' },
    ]);
    expect(err?.message).toBe(
      'program: the program raises NameError at line 6 of the program (and 1 more problem)',
    );
    expect(err?.loc).toEqual({
      file: `${PROJECT}tests/fixtures/lessons/02-typo.md`,
      line: 17,
      column: 1,
    });
    expect(err?.frame).toBe(
      [
        '  15 |     await asyncio.sleep(1)',
        '  16 | ',
        '> 17 | asyncio.run(fecth())',
        '  18 | ```',
        '  19 | ',
      ].join('\n'),
    );
  });

  it('has no frame for a problem about the whole file', () => {
    expect(codeFrame('a\nb\n', 0)).toBe('');
    expect(overlayError(PROJECT, [])).toBeNull();
  });
});
