import { describe, expect, it } from 'vitest';
import { outputOriginText } from '../words.ts';

describe('names', () => {
  it('says where a console line came from, with the step spelled as everywhere', () => {
    expect(outputOriginText(false, 'toast', 61)).toBe('Printed by toast at step 61');
    expect(outputOriginText(true, null, 1204)).toBe(
      'Written to stderr by the program (no task) at step 1,204',
    );
  });
});
