import { describe, expect, it } from 'vitest';
import { codeWidth } from '../presenter/code-width.ts';
import { editorShare, MAX_EDITOR_SHARE, MIN_EDITOR_SHARE } from './editor-share.ts';

describe('editorShare', () => {
  it('gives a short program the smallest column', () => {
    expect(editorShare(20, 14, 1280)).toBe(MIN_EDITOR_SHARE);
  });

  it('widens the column for long lines, up to the most the picture can spare', () => {
    // The default program's longest line (66 columns) at 1280×720 needs about 51 %.
    expect(codeWidth(66, 14) / 1280).toBeGreaterThan(0.5);
    expect(editorShare(66, 14, 1280)).toBe(MAX_EDITOR_SHARE);
    // 48 columns fit in about 40 %.
    const share = editorShare(48, 14, 1280);
    expect(share).toBeGreaterThan(MIN_EDITOR_SHARE);
    expect(share).toBeLessThan(MAX_EDITOR_SHARE);
    expect((share / 100) * 1280).toBeGreaterThanOrEqual(codeWidth(48, 14) - 7);
  });

  it('leaves the picture its width on a narrow window', () => {
    // At 1024 the picture keeps 620 px: the editor gets about 39 %, not 42 %.
    expect(editorShare(66, 14, 1024)).toBe(39);
    expect(editorShare(66, 14, 800)).toBe(MIN_EDITOR_SHARE);
  });
});
