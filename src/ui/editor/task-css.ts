/**
 * CSS classes for one task's editor decorations, in its colour. Monaco decorations take class
 * names, not styles, and a program may create any number of tasks, so the rules are written on
 * demand into one stylesheet of our own (the page's CSP allows inline styles: Monaco needs them too).
 */
import type { TaskId } from '../../trace/index.ts';
import { taskStyle } from '../task-style.ts';

export interface TaskClasses {
  /** Whole line: the strong highlight of the party holding control. */
  readonly lineStrong: string;
  /** Whole line: the faded highlight of a suspended task. */
  readonly lineFaded: string;
  /** Glyph margin: the letter on the task's colour / outlined in it. */
  readonly glyphStrong: string;
  readonly glyphFaded: string;
  /** Inline chip after the line's text. */
  readonly chipStrong: string;
  readonly chipFaded: string;
  /** Colour for the overview ruler. */
  readonly color: string;
}

/** The no-task party (module level, callbacks): static rules in editor.css. */
export const NEUTRAL_CLASSES: TaskClasses = {
  lineStrong: 'ell-line ell-neutral-line-strong',
  lineFaded: 'ell-line ell-neutral-line-faded',
  glyphStrong: 'ell-glyph ell-neutral-glyph',
  glyphFaded: 'ell-glyph ell-neutral-glyph',
  chipStrong: 'ell-chip ell-neutral-chip',
  chipFaded: 'ell-chip ell-neutral-chip ell-chip--faded',
  color: '#6b7280',
};

let sheet: CSSStyleSheet | null = null;
/** Colour → its class prefix (`ell-c0`, …): one set of rules per palette colour. */
const colours = new Map<string, string>();
/** Letters whose glyph rule exists. */
const letters = new Set<string>();

function styleSheet(): CSSStyleSheet | null {
  if (sheet) return sheet;
  if (typeof document === 'undefined') return null;
  const el = document.createElement('style');
  el.dataset.owner = 'event-loop-lab-editor';
  document.head.append(el);
  sheet = el.sheet;
  return sheet;
}

function rgba(hex: string, alpha: number): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return hex;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => Number.parseInt(h as string, 16));
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

function cssString(text: string): string {
  return `"${text.replace(/["\\]/g, '\\$&')}"`;
}

function insert(s: CSSStyleSheet, rules: readonly string[]): void {
  for (const rule of rules) s.insertRule(rule, s.cssRules.length);
}

/**
 * The classes of task `id`, writing rules the first time they are needed: colour rules once per
 * palette colour (tasks share them), a glyph rule once per letter.
 */
export function taskClasses(id: TaskId): TaskClasses {
  const { color, onColor, letter } = taskStyle(id);
  const s = styleSheet();
  let c = colours.get(color);
  if (c === undefined) {
    c = `ell-c${colours.size}`;
    // Remembered only once written (no document, no rules: nothing to remember).
    if (s) {
      colours.set(color, c);
      insert(s, [
        `.${c}-line-strong { background: ${rgba(color, 0.3)}; box-shadow: inset 4px 0 0 ${color}; }`,
        `.monaco-editor.vs-dark .${c}-line-strong { background: ${rgba(color, 0.38)}; }`,
        `.${c}-line-faded { background: ${rgba(color, 0.1)}; box-shadow: inset 2px 0 0 ${rgba(color, 0.6)}; }`,
        `.monaco-editor.vs-dark .${c}-line-faded { background: ${rgba(color, 0.14)}; }`,
        `.monaco-editor .${c}-glyph-strong::before { background: ${color}; color: ${onColor}; border-color: ${color}; }`,
        `.monaco-editor .${c}-glyph-faded::before { border-color: ${color}; }`,
        `.monaco-editor .view-lines .${c}-chip-strong { background: ${color}; color: ${onColor}; }`,
        `.monaco-editor .view-lines .${c}-chip-faded { border-color: ${color}; }`,
      ]);
    }
  }
  // Letters are A–Z with an optional number: safe in a class name.
  const l = `ell-l-${letter.replace(/[^A-Za-z0-9]/g, '_')}`;
  if (s && !letters.has(l)) {
    letters.add(l);
    insert(s, [`.monaco-editor .${l}::before { content: ${cssString(letter)}; }`]);
  }
  return {
    lineStrong: `ell-line ${c}-line-strong`,
    lineFaded: `ell-line ${c}-line-faded`,
    glyphStrong: `ell-glyph ${l} ${c}-glyph-strong`,
    glyphFaded: `ell-glyph ell-glyph--faded ${l} ${c}-glyph-faded`,
    chipStrong: `ell-chip ${c}-chip-strong`,
    chipFaded: `ell-chip ell-chip--faded ${c}-chip-faded`,
    color,
  };
}
