import { describe, expect, it } from 'vitest';
import {
  type ElementLike,
  type FocusKind,
  focusKind,
  type KeyLike,
  shortcutFor,
} from './shortcuts.ts';

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

function el(tagName: string, attrs: Record<string, string> = {}, inside = ''): ElementLike {
  return {
    tagName,
    getAttribute: (name) => attrs[name] ?? null,
    closest: (selector) => (inside && selector.includes(inside) ? {} : null),
  };
}

describe('keyboard shortcuts', () => {
  it('drive the replay from the page', () => {
    const on = (k: KeyLike) => shortcutFor(k, 'other');
    expect(on(key('ArrowRight'))).toBe('step-forward');
    expect(on(key('ArrowLeft'))).toBe('step-back');
    expect(on(key('ArrowRight', { shiftKey: true }))).toBe('next-handoff');
    expect(on(key('ArrowLeft', { shiftKey: true }))).toBe('prev-handoff');
    expect(on(key(' '))).toBe('toggle-play');
    expect(on(key('Home'))).toBe('first-step');
    expect(on(key('End'))).toBe('last-step');
    expect(on(key('x'))).toBeNull();
    expect(on(key('ArrowRight', { altKey: true }))).toBeNull(); // the browser's "forward"
  });

  it('run with Ctrl or Cmd+Enter from anywhere, the editor included', () => {
    for (const focus of ['typing', 'activatable', 'slider', 'other'] as FocusKind[]) {
      expect(shortcutFor(key('Enter', { ctrlKey: true }), focus)).toBe('run');
      expect(shortcutFor(key('Enter', { metaKey: true }), focus)).toBe('run');
    }
    expect(shortcutFor(key('Enter'), 'other')).toBeNull();
  });

  it('never fire while typing, and leave a focused control its own keys', () => {
    for (const k of ['ArrowRight', 'ArrowLeft', ' ', 'Home', 'End']) {
      expect(shortcutFor(key(k), 'typing')).toBeNull();
    }
    // Space clicks a focused button itself; the arrows are free there.
    expect(shortcutFor(key(' '), 'activatable')).toBeNull();
    expect(shortcutFor(key('ArrowRight'), 'activatable')).toBe('step-forward');
    // A slider moves with the arrows; Space still plays.
    expect(shortcutFor(key('ArrowRight'), 'slider')).toBeNull();
    expect(shortcutFor(key('End'), 'slider')).toBeNull();
    expect(shortcutFor(key(' '), 'slider')).toBe('toggle-play');
  });

  it('tell typing places from buttons and the page', () => {
    expect(focusKind(null)).toBe('other');
    expect(focusKind(el('textarea', {}, '.monaco-editor'))).toBe('typing');
    expect(focusKind(el('div', {}, '.monaco-editor'))).toBe('typing');
    expect(focusKind(el('input'))).toBe('typing');
    expect(focusKind(el('input', { type: 'range' }))).toBe('slider');
    expect(focusKind(el('input', { type: 'checkbox' }))).toBe('activatable');
    expect(focusKind(el('input', { type: 'radio' }))).toBe('typing');
    expect(focusKind(el('select'))).toBe('typing');
    expect(focusKind(el('div', { role: 'slider' }))).toBe('slider');
    expect(focusKind(el('div', { role: 'separator' }))).toBe('slider');
    expect(focusKind(el('div', { role: 'textbox' }))).toBe('typing');
    expect(focusKind(el('button'))).toBe('activatable');
    expect(focusKind(el('div', { role: 'button' }))).toBe('activatable');
    expect(focusKind(el('body'))).toBe('other');
  });

  it('play and pause with Space on the replay controls, not only on Play', () => {
    // After "Step forward" was clicked, Space plays instead of stepping once more.
    expect(focusKind(el('button', {}, '.transport'))).toBe('other');
    expect(shortcutFor(key(' '), focusKind(el('button', {}, '.transport')))).toBe('toggle-play');
    expect(focusKind(el('button', {}, '.simulator'))).toBe('other');
    // The speed menu and the show-internal checkbox are form fields: they keep their keys.
    expect(focusKind(el('select', {}, '.transport'))).toBe('typing');
    expect(focusKind(el('input', { type: 'checkbox' }, '.simulator'))).toBe('activatable');
  });
});
