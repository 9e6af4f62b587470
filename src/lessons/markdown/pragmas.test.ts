import { describe, expect, it } from 'vitest';
import { pragmaProblems } from './pragmas.ts';

describe('# lab: comments in a lesson program', () => {
  it('accepts the options the runtime reads, in its header', () => {
    expect(
      pragmaProblems('# lab: max-steps=50000, max-time=2.5\n# lab: max-output=100\nx = 1\n'),
    ).toEqual([]);
  });

  it('reports a misspelt option, a value that is not a number, and a comment after code', () => {
    expect(
      pragmaProblems('# lab: max-time=soon max-steps=1.5\nx = 1\n# lab: max-steps=9\n'),
    ).toEqual([
      {
        line: 0,
        message:
          '"# lab: max-time=soon": max-time needs a number of seconds after the =, e.g. max-time=60',
      },
      {
        line: 0,
        message:
          '"# lab: max-steps=1.5": max-steps needs a whole number after the =, e.g. max-steps=50000',
      },
      {
        line: 2,
        message:
          '"# lab: max-steps=9" comes after code, where it is ignored: put it among the program\'s first lines',
      },
    ]);
  });
});
