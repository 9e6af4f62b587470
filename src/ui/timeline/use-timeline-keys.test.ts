import { describe, expect, it } from 'vitest';
import { keyAction, ZOOM_STEP } from './use-timeline-keys.ts';

describe('the timeline slider keys', () => {
  it('step one at a time with the arrows, and a tenth of the run with Page Up/Down', () => {
    expect(keyAction('ArrowRight', 10, 200)).toEqual({ seek: 11 });
    expect(keyAction('ArrowUp', 10, 200)).toEqual({ seek: 11 });
    expect(keyAction('ArrowLeft', 10, 200)).toEqual({ seek: 9 });
    expect(keyAction('ArrowDown', 10, 200)).toEqual({ seek: 9 });
    expect(keyAction('PageUp', 10, 200)).toEqual({ seek: 30 });
    expect(keyAction('PageDown', 10, 200)).toEqual({ seek: -10 });
  });

  it('jump to either end with Home and End', () => {
    expect(keyAction('Home', 42, 115)).toEqual({ seek: 0 });
    expect(keyAction('End', 42, 115)).toEqual({ seek: 114 });
  });

  it('zoom with + (or =) and −, and leave every other key to the page', () => {
    expect(keyAction('+', 0, 10)).toEqual({ zoom: ZOOM_STEP });
    expect(keyAction('=', 0, 10)).toEqual({ zoom: ZOOM_STEP });
    expect(keyAction('-', 0, 10)).toEqual({ zoom: 1 / ZOOM_STEP });
    expect(keyAction(' ', 0, 10)).toBeNull();
    expect(keyAction('Tab', 0, 10)).toBeNull();
  });
});
