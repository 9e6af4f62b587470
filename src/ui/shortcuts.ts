/**
 * The playground's keyboard shortcuts, as a pure function of a key event and where it happened,
 * so the rules are unit-tested: the arrows, Space, Home and End drive the replay, but never while
 * the learner types in the editor or uses a form field; Ctrl/Cmd+Enter runs from anywhere. Space
 * plays/pauses on the replay's own buttons too; other buttons and links keep Space to press them.
 */

export type Shortcut =
  | 'run'
  | 'step-forward'
  | 'step-back'
  | 'next-handoff'
  | 'prev-handoff'
  | 'toggle-play'
  | 'first-step'
  | 'last-step';

/** The parts of a KeyboardEvent the rules read. */
export interface KeyLike {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  readonly shiftKey: boolean;
}

/** What the focused element is, as far as shortcuts care. */
export type FocusKind =
  /** The editor, a text field, a select, a slider, a resize handle: they use these keys. */
  | 'typing'
  /** A button, link, checkbox…: Space and Enter activate it, the arrows are free. */
  | 'activatable'
  /** A slider or resize handle: the arrows, Home and End move it; Space is free. */
  | 'slider'
  /** Anything else (the page, a panel). */
  | 'other';

export function shortcutFor(key: KeyLike, focus: FocusKind): Shortcut | null {
  if (key.key === 'Enter' && (key.ctrlKey || key.metaKey) && !key.altKey) return 'run';
  if (focus === 'typing' || key.ctrlKey || key.metaKey || key.altKey) return null;
  if (focus === 'slider' && key.key !== ' ' && key.key !== 'Spacebar') return null;
  switch (key.key) {
    case 'ArrowRight':
      return key.shiftKey ? 'next-handoff' : 'step-forward';
    case 'ArrowLeft':
      return key.shiftKey ? 'prev-handoff' : 'step-back';
    case ' ':
    case 'Spacebar':
      return focus === 'activatable' || key.shiftKey ? null : 'toggle-play';
    case 'Home':
      return key.shiftKey ? null : 'first-step';
    case 'End':
      return key.shiftKey ? null : 'last-step';
    default:
      return null;
  }
}

/** The parts of an element the focus rules read (an Element in the page, a plain object in tests). */
export interface ElementLike {
  readonly tagName: string;
  readonly isContentEditable?: boolean;
  getAttribute(name: string): string | null;
  closest(selector: string): unknown;
}

const TYPING_ROLES = new Set([
  'textbox',
  'searchbox',
  'combobox',
  'spinbutton',
  'listbox',
  'menu',
  'menubar',
  'radiogroup',
  'tablist',
  'grid',
  'tree',
]);
const ACTIVATABLE_ROLES = new Set([
  'button',
  'link',
  'checkbox',
  'radio',
  'switch',
  'tab',
  'option',
]);

/** Where buttons belong to the replay (`data-replay-keys` marks any further such zone). */
export const REPLAY_ZONES = '[data-replay-keys], .transport, .simulator, .timeline';

export function focusKind(el: ElementLike | null): FocusKind {
  if (!el) return 'other';
  const tag = el.tagName.toLowerCase();
  if (el.isContentEditable) return 'typing';
  // Monaco puts focus in a hidden textarea inside .monaco-editor; any editor counts as typing.
  if (el.closest('.monaco-editor, [data-typing-zone]')) return 'typing';
  const role = el.getAttribute('role');
  if (role === 'slider' || role === 'separator') return 'slider';
  if (role && TYPING_ROLES.has(role)) return 'typing';
  if (tag === 'textarea' || tag === 'select') return 'typing';
  if (tag === 'input') {
    const type = (el.getAttribute('type') ?? 'text').toLowerCase();
    if (type === 'range') return 'slider';
    // A radio button moves the choice with the arrows: it keeps every key.
    return ['button', 'submit', 'reset', 'checkbox'].includes(type) ? 'activatable' : 'typing';
  }
  const activatable =
    tag === 'button' || tag === 'a' || tag === 'summary' || (role && ACTIVATABLE_ROLES.has(role));
  // The replay's own controls (player bar, simulator, timeline): Space plays or pauses there
  // too, so a learner who clicked "Step forward" and presses Space gets play, not one more step.
  if (activatable && el.closest(REPLAY_ZONES)) return 'other';
  if (activatable) return 'activatable';
  return 'other';
}
