import { describe, expect, it } from 'vitest';
import { BASE_CODE_PX, codeFontSize } from './code-font.ts';

describe('codeFontSize', () => {
  it('is 14 px up to a laptop and grows in steps on wide screens', () => {
    expect(codeFontSize(1024)).toBe(BASE_CODE_PX);
    expect(codeFontSize(1280)).toBe(14);
    expect(codeFontSize(1440)).toBe(15);
    expect(codeFontSize(1600)).toBe(16);
    expect(codeFontSize(1920)).toBe(18);
  });
});
