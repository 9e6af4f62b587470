/**
 * The editor before Monaco has loaded (and if it never does): a textarea with a gutter of line
 * numbers, laid out as Monaco lays out the same program (font, size, line height, where the
 * text starts, no wrapping), so the first paint already shows the code and nothing jumps when
 * Monaco takes over. It is a real textbox with the same accessible name: typing works at once.
 */
import { type RefObject, useRef } from 'react';

export interface PlainEditorProps {
  ref: RefObject<HTMLTextAreaElement | null>;
  label: string;
  value: string;
  readOnly: boolean;
  describedBy?: string;
  onChange(text: string): void;
}

export function PlainEditor({
  ref,
  label,
  value,
  readOnly,
  describedBy,
  onChange,
}: PlainEditorProps) {
  const gutter = useRef<HTMLDivElement>(null);
  const lines = value.split('\n').length;
  return (
    <div className="plain-editor">
      <div className="plain-editor__gutter" ref={gutter} aria-hidden="true">
        {Array.from({ length: lines }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a line number is its own identity
          <div key={i}>{i + 1}</div>
        ))}
      </div>
      <textarea
        ref={ref}
        className="plain-editor__text"
        aria-label={label}
        aria-describedby={describedBy}
        value={value}
        readOnly={readOnly}
        wrap="off"
        spellCheck={false}
        autoCapitalize="off"
        autoCorrect="off"
        // The gutter follows the text as it scrolls (the numbers stay beside their lines).
        onScroll={(event) => {
          if (gutter.current) gutter.current.scrollTop = event.currentTarget.scrollTop;
        }}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}
