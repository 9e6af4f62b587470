import { describe, expect, it } from 'vitest';
import { presenterKeyFor } from './presenter-keys.ts';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; shiftKey: boolean }> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});
const on = { presenting: true, blanked: false };
const off = { presenting: false, blanked: false };

describe('an instructor drives presenter mode from the keyboard or a clicker', () => {
  it('P turns presenter mode on and off, but not while typing in the editor', () => {
    expect(presenterKeyFor(key('p'), 'other', off)).toBe('toggle-presenting');
    expect(presenterKeyFor(key('P', { shiftKey: true }), 'activatable', on)).toBe(
      'toggle-presenting',
    );
    expect(presenterKeyFor(key('p'), 'typing', off)).toBeNull();
    expect(presenterKeyFor(key('p', { ctrlKey: true }), 'other', off)).toBeNull();
  });

  it('the clicker keys act only in presenter mode', () => {
    expect(presenterKeyFor(key('PageDown'), 'other', on)).toBe('forward');
    expect(presenterKeyFor(key('PageUp'), 'activatable', on)).toBe('back');
    expect(presenterKeyFor(key('b'), 'other', on)).toBe('blank');
    expect(presenterKeyFor(key('.'), 'other', on)).toBe('blank');
    expect(presenterKeyFor(key('PageDown'), 'other', off)).toBeNull();
    expect(presenterKeyFor(key('b'), 'other', off)).toBeNull();
  });

  it('on a blank screen any key (even in the editor) only brings the picture back', () => {
    const blank = { presenting: true, blanked: true };
    expect(presenterKeyFor(key('b'), 'other', blank)).toBe('unblank');
    expect(presenterKeyFor(key('PageDown'), 'other', blank)).toBe('unblank');
    expect(presenterKeyFor(key('x'), 'typing', blank)).toBe('unblank');
    expect(presenterKeyFor(key('Shift'), 'other', blank)).toBeNull();
  });
});
