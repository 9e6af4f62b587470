/**
 * Tab never traps the keyboard in the editor (as in CodeMirror and VS Code's accessibility
 * mode): after Escape, or when the editor was reached with Tab, Tab and Shift+Tab move the focus
 * on instead of indenting. Typing anything else makes Tab indent again. A run of Tab presses
 * that did indent is one edit, so one Ctrl+Z takes it all back. The way out is written in the
 * editor's corner. The rules are `tabKeyAction`, a pure function (unit-tested); the hook wires
 * them to Monaco.
 */
import { useEffect } from 'react';
import type { monaco as Monaco } from './monaco.ts';

export const TAB_ESCAPE_HINT = 'Esc, then Tab: leave the editor';

export interface TabEscapeState {
  /** Tab moves the focus on (after Escape, or when the editor was entered with Tab). */
  readonly leaving: boolean;
  /** The previous key was a Tab that indented (the run is one undoable edit). */
  readonly inTabRun: boolean;
}

export const TAB_ESCAPE_START: TabEscapeState = { leaving: false, inTabRun: false };

export type TabKeyAction =
  /** Let the browser move the focus (Monaco must not see the key). */
  | 'leave'
  /** Indent, joining the current run of Tab presses into one undoable edit. */
  | 'indent'
  /** Not ours: Monaco handles the key. */
  | 'pass';

export interface KeyInfo {
  readonly key: string;
  readonly shiftKey: boolean;
  readonly ctrlKey: boolean;
  readonly altKey: boolean;
  readonly metaKey: boolean;
}

/** What a key does in the editor, and the state after it. */
export function tabKeyAction(
  state: TabEscapeState,
  key: KeyInfo,
): { action: TabKeyAction; state: TabEscapeState } {
  const modified = key.ctrlKey || key.altKey || key.metaKey;
  if (key.key === 'Tab' && !modified) {
    if (state.leaving) return { action: 'leave', state };
    // Shift+Tab outdents: Monaco does it; it is not part of an indent run.
    if (key.shiftKey) return { action: 'pass', state: { ...state, inTabRun: false } };
    return { action: 'indent', state: { leaving: false, inTabRun: true } };
  }
  if (key.key === 'Escape') return { action: 'pass', state: { leaving: true, inTabRun: false } };
  // Modifier keys alone change nothing; any other key means the learner is editing.
  if (['Shift', 'Control', 'Alt', 'Meta'].includes(key.key)) return { action: 'pass', state };
  return { action: 'pass', state: { leaving: false, inTabRun: false } };
}

/** How late after a Tab's keyup the editor may report the focus it brought. */
const TAB_UP_MS = 100;

export function useTabEscape(editor: Monaco.editor.IStandaloneCodeEditor | null): void {
  useEffect(() => {
    if (!editor) return;
    let state = TAB_ESCAPE_START;
    // "Reached by Tab": the focus arrives while a Tab key is down. The browser moves the focus as
    // the keydown's default action, before its keyup, so this holds however slow the page is (a
    // time window would not, on a busy machine).
    // A focus reported a moment after the keyup (should the editor report it late) still counts
    // within TAB_UP_MS of it.
    let tabDown = false;
    let tabUpAt = Number.NEGATIVE_INFINITY;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key === 'Tab') tabDown = true;
    };
    const onKeyUp = (e: KeyboardEvent) => {
      if (e.key !== 'Tab') return;
      tabDown = false;
      tabUpAt = performance.now();
    };
    const onPointer = () => {
      tabDown = false;
      tabUpAt = Number.NEGATIVE_INFINITY;
    };
    window.addEventListener('keydown', onKeyDown, true);
    window.addEventListener('keyup', onKeyUp, true);
    window.addEventListener('pointerdown', onPointer, true);
    const focus = editor.onDidFocusEditorText(() => {
      state = { leaving: tabDown || performance.now() - tabUpAt < TAB_UP_MS, inTabRun: false };
    });
    const keys = editor.onKeyDown((e) => {
      const wasInRun = state.inTabRun;
      const next = tabKeyAction(state, e.browserEvent);
      state = next.state;
      if (next.action === 'leave') {
        // Keep the key from Monaco's keybindings; the browser's default moves the focus.
        e.stopPropagation();
      } else if (next.action === 'indent') {
        e.preventDefault();
        e.stopPropagation();
        if (!wasInRun) editor.pushUndoStop();
        indent(editor);
      } else if (wasInRun && !state.inTabRun) {
        editor.pushUndoStop();
      }
    });
    const hint = document.createElement('div');
    hint.className = 'ell-tab-hint';
    hint.textContent = TAB_ESCAPE_HINT;
    hint.setAttribute('aria-hidden', 'true');
    const widget: Monaco.editor.IOverlayWidget = {
      getId: () => 'event-loop-lab.tab-escape-hint',
      getDomNode: () => hint,
      // 1: OverlayWidgetPositionPreference.BOTTOM_RIGHT_CORNER (a type-only import here).
      getPosition: () => ({ preference: 1 }),
    };
    editor.addOverlayWidget(widget);
    return () => {
      window.removeEventListener('keydown', onKeyDown, true);
      window.removeEventListener('keyup', onKeyUp, true);
      window.removeEventListener('pointerdown', onPointer, true);
      focus.dispose();
      keys.dispose();
      editor.removeOverlayWidget(widget);
    };
  }, [editor]);
}

/**
 * Tab's own edit without an undo stop (`executeEdits` pushes none): spaces to the next tab stop
 * at each cursor. A selection over several lines is left to Monaco's own Tab command.
 */
function indent(editor: Monaco.editor.IStandaloneCodeEditor): void {
  const model = editor.getModel();
  const selections = editor.getSelections();
  if (!model || !selections) return;
  if (selections.some((s) => s.startLineNumber !== s.endLineNumber)) {
    editor.trigger('keyboard', 'tab', null);
    return;
  }
  const size = model.getOptions().indentSize;
  const pads = selections.map((s) => size - ((s.startColumn - 1) % size));
  editor.executeEdits(
    'tab',
    selections.map((s, i) => ({ range: s, text: ' '.repeat(pads[i] ?? size) })),
  );
  editor.setSelections(
    selections.map((s, i) => {
      const column = s.startColumn + (pads[i] ?? size);
      return {
        selectionStartLineNumber: s.startLineNumber,
        selectionStartColumn: column,
        positionLineNumber: s.startLineNumber,
        positionColumn: column,
      };
    }),
  );
}
