import type { EventLine } from './describe-events.ts';

/** The first events of the trace in plain words (a stand-in for the simulator views). */
export function TraceEventList({ lines, total }: { lines: EventLine[]; total: number }) {
  return (
    <section className="panel" aria-labelledby="events-heading">
      <h2 id="events-heading" className="panel__title">
        Trace events
        {total > lines.length && (
          <span className="panel__note">
            {' '}
            (first {lines.length.toLocaleString('en-US')} of {total.toLocaleString('en-US')})
          </span>
        )}
      </h2>
      <ol className="events" aria-label="Trace events">
        {lines.map((line) => (
          <li key={line.step} className={`events__item events__item--${line.kind}`}>
            <span className="events__step">{line.step}</span>
            <span className="events__kind">{line.kind}</span>
            <span className="events__task">{line.task ?? '—'}</span>
            <span className="events__text">{line.text}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
