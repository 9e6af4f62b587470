import { describe, expect, it } from 'vitest';
import {
  type KeyInfo,
  TAB_ESCAPE_START,
  type TabEscapeState,
  tabKeyAction,
} from './use-tab-escape.ts';

const key = (k: string, mods: Partial<KeyInfo> = {}): KeyInfo => ({
  key: k,
  shiftKey: false,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  ...mods,
});

/** The actions of a sequence of keys, from `state`. */
function press(state: TabEscapeState, ...keys: KeyInfo[]): string[] {
  const out: string[] = [];
  for (const k of keys) {
    const r = tabKeyAction(state, k);
    out.push(r.action);
    state = r.state;
  }
  return out;
}

describe('Tab in the editor', () => {
  it('indents while the learner edits, as one run of Tab presses', () => {
    const r = tabKeyAction(TAB_ESCAPE_START, key('Tab'));
    expect(r).toEqual({ action: 'indent', state: { leaving: false, inTabRun: true } });
    expect(tabKeyAction(r.state, key('a')).state.inTabRun).toBe(false);
  });

  it('leaves the editor after Escape, with Tab or Shift+Tab', () => {
    expect(press(TAB_ESCAPE_START, key('Escape'), key('Tab'))).toEqual(['pass', 'leave']);
    expect(press(TAB_ESCAPE_START, key('Escape'), key('Tab', { shiftKey: true }))).toEqual([
      'pass',
      'leave',
    ]);
  });

  it('leaves when the editor was reached by Tab, until the learner types', () => {
    const reachedByTab = { leaving: true, inTabRun: false };
    expect(press(reachedByTab, key('Tab'))).toEqual(['leave']);
    expect(press(reachedByTab, key('Shift'), key('Tab'))).toEqual(['pass', 'leave']);
    expect(press(reachedByTab, key('x'), key('Tab'))).toEqual(['pass', 'indent']);
  });

  it('leaves Ctrl+Tab and Shift+Tab (outdent) to the browser and Monaco', () => {
    expect(press(TAB_ESCAPE_START, key('Tab', { ctrlKey: true }))).toEqual(['pass']);
    expect(press(TAB_ESCAPE_START, key('Tab', { shiftKey: true }))).toEqual(['pass']);
  });
});
