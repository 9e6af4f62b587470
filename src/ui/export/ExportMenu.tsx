/**
 * Export: the picture (simulator and timeline) as SVG or PNG for slides, the trace as JSON, the
 * program as a .py file. A disclosure (summary + buttons), so it works from the keyboard.
 */
import { useRef, useState } from 'react';

export type ExportKind = 'svg' | 'png' | 'json' | 'py';

export interface ExportMenuProps {
  hasTrace: boolean;
  onExport(kind: ExportKind): Promise<void> | void;
}

const ITEMS: ReadonlyArray<{ kind: ExportKind; label: string; needsTrace: boolean }> = [
  { kind: 'svg', label: 'Picture as SVG', needsTrace: true },
  { kind: 'png', label: 'Picture as PNG', needsTrace: true },
  { kind: 'json', label: 'Trace as JSON', needsTrace: true },
  { kind: 'py', label: 'Program as .py', needsTrace: false },
];

export function ExportMenu({ hasTrace, onExport }: ExportMenuProps) {
  const details = useRef<HTMLDetailsElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const run = async (kind: ExportKind) => {
    setProblem(null);
    try {
      await onExport(kind);
      if (details.current) details.current.open = false;
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <details className="export-menu" ref={details}>
      <summary className="button button--quiet">Export</summary>
      <fieldset className="export-menu__items" aria-label="Export">
        {ITEMS.map((item) => {
          const off = item.needsTrace && !hasTrace;
          return (
            <button
              key={item.kind}
              type="button"
              className="button"
              aria-disabled={off || undefined}
              title={off ? 'Run the program first' : undefined}
              onClick={off ? undefined : () => void run(item.kind)}
            >
              {item.label}
            </button>
          );
        })}
        {problem && <p role="alert">{problem}</p>}
      </fieldset>
    </details>
  );
}
