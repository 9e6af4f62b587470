import type { OutputPart } from './output-parts.ts';

/** What the program printed; stderr is set apart so warnings and tracebacks stand out. */
export function OutputPanel({ parts }: { parts: OutputPart[] }) {
  return (
    <section className="panel" aria-labelledby="output-heading">
      <h2 id="output-heading" className="panel__title">
        Output
      </h2>
      <pre className="output">
        {parts.length === 0 ? (
          <span className="output__empty">Nothing printed yet.</span>
        ) : (
          parts.map((part, i) => (
            // Parts never reorder: the index is a stable key.
            // biome-ignore lint/suspicious/noArrayIndexKey: parts are append-only
            <span key={i} className={part.stream === 'stderr' ? 'output__stderr' : undefined}>
              {part.text}
            </span>
          ))
        )}
      </pre>
    </section>
  );
}
