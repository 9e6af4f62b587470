import { describe, expect, it } from 'vitest';
import {
  FILE_LIMIT,
  FUNCTION_LIMIT,
  formatOffender,
  hasSizeReason,
  isMeasured,
  lineCount,
  scanPython,
  scanTypeScript,
} from './sizes.ts';

/** `n` lines of body, each a statement. */
const body = (n: number, indent = '  ') =>
  Array.from({ length: n }, (_, i) => `${indent}x${i}();`).join('\n');

/** A function spanning exactly `lines` lines (its header and closing brace included). */
const fn = (name: string, lines: number) => `function ${name}() {\n${body(lines - 2)}\n}\n`;

describe('the size rule for TypeScript', () => {
  it('lists a function one line over the limit, with where it starts, and not one at the limit', () => {
    const text = `// a module\n${fn('short', FUNCTION_LIMIT)}\n${fn('long', FUNCTION_LIMIT + 1)}`;
    const found = scanTypeScript('src/a.ts', text);
    expect(found).toEqual([
      { path: 'src/a.ts', line: FUNCTION_LIMIT + 3, name: 'long', lines: FUNCTION_LIMIT + 1 },
    ]);
    expect(formatOffender(found[0] as (typeof found)[0])).toBe(
      `src/a.ts:${FUNCTION_LIMIT + 3}  long  ${FUNCTION_LIMIT + 1} lines`,
    );
  });

  it('names arrows by their variable, methods by their class or object, callbacks by their caller', () => {
    const text = [
      `const load = () => {\n${body(FUNCTION_LIMIT)}\n};`,
      `class Checker {\n  check() {\n${body(FUNCTION_LIMIT, '    ')}\n  }\n}`,
      `const api = {\n  run() {\n${body(FUNCTION_LIMIT, '    ')}\n  },\n  stop: () => {\n${body(FUNCTION_LIMIT, '    ')}\n  },\n};`,
      `useEffect(() => {\n${body(FUNCTION_LIMIT)}\n});`,
    ].join('\n');
    const names = scanTypeScript('src/b.tsx', text)
      .filter((o) => o.name !== '(file)') // five long functions make a long file too
      .map((o) => o.name);
    expect(names).toEqual([
      'load',
      'Checker.check',
      'api.run',
      'api.stop',
      '(callback of useEffect)',
    ]);
  });

  it('counts a function with the functions nested in it', () => {
    const inner = fn('inner', 50).replace(/^/gm, '  ');
    const text = `function outer() {\n${inner}${body(40)}\n}\n`;
    expect(scanTypeScript('src/c.ts', text).map((o) => [o.name, o.lines])).toEqual([['outer', 92]]);
  });

  it('lists a file over the limit as a whole', () => {
    const text = `${body(FILE_LIMIT + 1, '')}\n`;
    expect(scanTypeScript('src/d.ts', text)).toEqual([
      { path: 'src/d.ts', line: 1, name: '(file)', lines: FILE_LIMIT + 1 },
    ]);
    expect(scanTypeScript('src/d.ts', `${body(FILE_LIMIT, '')}\n`)).toEqual([]);
  });

  it('leaves a file alone whose first line gives the reason', () => {
    const long = `${fn('long', FUNCTION_LIMIT + 20)}${body(FILE_LIMIT, '')}\n`;
    expect(scanTypeScript('src/e.ts', `// size: one table of every event kind\n${long}`)).toEqual(
      [],
    );
    // No reason, or not on the first line: still listed.
    expect(scanTypeScript('src/e.ts', `// size:\n${long}`)).toHaveLength(2);
    expect(scanTypeScript('src/e.ts', `\n// size: late\n${long}`)).toHaveLength(2);
  });
});

// python3 starts in a child process: seconds on a busy machine.
describe('the size rule for Python (measured by python3 ast)', { timeout: 30_000 }, () => {
  const def = (name: string, lines: number, indent = '') =>
    `${indent}def ${name}():\n${Array.from({ length: lines - 1 }, () => `${indent}    pass`).join('\n')}\n`;

  it('lists long functions and methods by their qualified name', () => {
    const text = `import os\n\n${def('short', FUNCTION_LIMIT)}\nclass Loop:\n${def('run', FUNCTION_LIMIT + 1, '    ')}`;
    expect(scanPython([['src/x.py', text]])).toEqual([
      {
        path: 'src/x.py',
        line: FUNCTION_LIMIT + 5,
        name: 'Loop.run',
        lines: FUNCTION_LIMIT + 1,
      },
    ]);
  });

  it('honours `# size: <reason>` on the first line', () => {
    const text = `# size: the generated table\n${def('long', FUNCTION_LIMIT + 5)}`;
    expect(scanPython([['src/y.py', text]])).toEqual([]);
  });
});

describe('which files the rule covers', () => {
  it('measures TypeScript, TSX and Python, but not tests, JSON or CSS', () => {
    expect(['a.ts', 'A.tsx', 'a.py'].map(isMeasured)).toEqual([true, true, true]);
    expect(['a.test.ts', 'a.json', 'a.css', 'a.md'].map(isMeasured)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  it('counts lines as an editor shows them', () => {
    expect([lineCount(''), lineCount('a'), lineCount('a\n'), lineCount('a\nb')]).toEqual([
      0, 1, 1, 2,
    ]);
    expect(hasSizeReason('// size: why\nrest')).toBe(true);
    expect(hasSizeReason('# size: why')).toBe(true);
    expect(hasSizeReason('/** size: why */')).toBe(false);
    expect(hasSizeReason('#!/usr/bin/env python3\n# size: why\n')).toBe(true);
    expect(hasSizeReason('#!/usr/bin/env python3\nimport os\n# size: why\n')).toBe(false);
  });
});
