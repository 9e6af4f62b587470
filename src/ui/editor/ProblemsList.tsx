/** The run's problems under the editor, each a button that goes to its line. */
import { diagnosticText } from './decorations.ts';
import type { Diagnostic } from './markers.ts';

export function ProblemsList({
  id,
  diagnostics,
  goTo,
}: {
  id: string;
  diagnostics: readonly Diagnostic[];
  goTo(d: Diagnostic): void;
}) {
  return (
    <ul id={id} className="program-editor__problems" aria-label="Problems">
      {diagnostics.map((d) => (
        <li
          key={`${d.line}:${d.column ?? ''}:${d.message}`}
          className={`program-editor__problem program-editor__problem--${d.severity}`}
        >
          <button
            type="button"
            className="program-editor__problem-go"
            title={`Go to line ${d.line}`}
            onClick={() => goTo(d)}
          >
            {diagnosticText(d)}
          </button>
        </li>
      ))}
    </ul>
  );
}
