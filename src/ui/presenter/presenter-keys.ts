/**
 * The presenter's keys, as a pure function of a key event, where it happened and the mode, so the
 * rules are unit-tested. Presentation clickers send PageDown / PageUp (forward / back) and B or
 * "." (blank the screen), as PowerPoint and Keynote expect; P toggles presenter mode. While the
 * screen is blank, any key brings it back and does nothing else.
 */
import type { FocusKind, KeyLike } from '../shortcuts.ts';

export type PresenterKey =
  | 'toggle-presenting'
  | 'forward'
  | 'back'
  | 'blank'
  | 'unblank'
  | 'zoom-in'
  | 'zoom-out'
  | 'speaker';

export interface PresenterMode {
  readonly presenting: boolean;
  readonly blanked: boolean;
}

const MODIFIER_KEYS = new Set(['Shift', 'Control', 'Alt', 'Meta', 'CapsLock', 'Fn']);

export function presenterKeyFor(
  key: KeyLike,
  focus: FocusKind,
  mode: PresenterMode,
): PresenterKey | null {
  if (mode.presenting && mode.blanked) return MODIFIER_KEYS.has(key.key) ? null : 'unblank';
  if (focus === 'typing' || key.ctrlKey || key.metaKey || key.altKey) return null;
  const k = key.key.length === 1 ? key.key.toLowerCase() : key.key;
  if (k === 'p') return 'toggle-presenting';
  if (!mode.presenting) return null;
  switch (k) {
    case 'PageDown':
      return 'forward';
    case 'PageUp':
      return 'back';
    case 'b':
    case '.':
      return 'blank';
    case '+':
    case '=':
      return 'zoom-in';
    case '-':
    case '_':
      return 'zoom-out';
    case 's':
      return 'speaker';
    default:
      return null;
  }
}
