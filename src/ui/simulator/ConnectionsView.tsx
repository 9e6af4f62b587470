import type { CSSProperties } from 'react';
import {
  type ConnectionState,
  type LoopState,
  type ObjectView,
  type ServerState,
  type StreamOp,
  streamWaiters,
  type TaskId,
  type Trace,
} from '../../trace/index.ts';
import {
  connectionStateText,
  serverStateText,
  streamWaitersLabel,
  taskName,
} from '../../trace/words.ts';
import { TaskRef } from './TaskChip.tsx';
import './ThreadsView.css';
import './ConnectionsView.css';

/**
 * From this many connections, the Connections box is a band across the whole picture, under the
 * tasks: the column beside the objects holds two boxes a row (at 1024×768 a third of the picture).
 */
export const WIDE_FROM = 3;

/** Object types this view shows (ObjectsView leaves them out). */
export const STREAM_TYPES: ReadonlySet<string> = new Set(['Connection', 'Server']);

export interface ConnectionsViewProps {
  trace: Trace;
  state: LoopState;
}

/**
 * The servers and stream connections of the simulated network: where a server listens and how
 * many connections it holds, and for each connection the other end, the bytes waiting to be
 * read, and who waits to read. Shown only when the program uses streams.
 */
export function ConnectionsView({ trace, state }: ConnectionsViewProps) {
  const items = state.objects.filter((o) => STREAM_TYPES.has(o.type) && o.state !== null);
  if (items.length === 0) return null;
  // The connections, which tasks wait on, in the first row(s), the servers last on a line of
  // their own (ConnectionsView.css): a wait arrow comes down from the task cards above and
  // enters its box from the top, so nothing must sit above a box it points at. A server is
  // waited on only by serve_forever, which has nothing above it either but the connections.
  const connections = items.filter((o) => o.type !== 'Server');
  const ordered = [...connections, ...items.filter((o) => o.type === 'Server')];
  // The connections share one row, whatever their number: a box in a second row would have the
  // first row's boxes between it and the cards its arrows come from. Past WIDE_FROM they need
  // the picture's whole width for that row (ConnectionsView.css).
  return (
    <section
      aria-label="Connections"
      className="sim-threads sim-connections"
      data-wide={connections.length >= WIDE_FROM ? 'true' : undefined}
      style={{ '--sim-connections': Math.max(1, connections.length) } as CSSProperties}
    >
      <h3 className="sim-section-title">Connections</h3>
      <ul className="sim-threads__list">
        {ordered.map((o) => (
          <ConnectionBox key={o.id} object={o} trace={trace} state={state} />
        ))}
      </ul>
    </section>
  );
}

function ConnectionBox({
  object,
  trace,
  state,
}: {
  object: ObjectView;
  trace: Trace;
  state: LoopState;
}) {
  const name = object.label ?? `#${object.id}`;
  const server = object.type === 'Server';
  const s = object.state as ConnectionState | ServerState;
  const text = server
    ? serverStateText(s as ServerState)
    : connectionStateText(s as ConnectionState);
  const peer = server ? '' : (s as ConnectionState).peer;
  // Every task whose card waits on this box, so every arrow that ends here has its name here:
  // the reader (the connection's own list, reconciled with the cards) and, read off the cards,
  // a writer waiting in drain(), a closer in wait_closed(), a server's serve_forever().
  const readers = server ? [] : ((s as ConnectionState).readers ?? []);
  const groups: { op: StreamOp; tasks: readonly TaskId[] }[] = [
    ...(readers.length > 0 ? [{ op: 'read' as const, tasks: readers }] : []),
    ...streamWaiters(state.tasks, object.id),
  ];
  return (
    <li
      className={`sim-thread sim-connection${server ? ' sim-connection--server' : ''}`}
      data-sim-object={object.id}
      aria-label={`${object.type} ${name}${peer ? ` with ${peer}` : ''}: ${text}`}
      data-busy={groups.length > 0 ? 'true' : 'false'}
    >
      <div className="sim-thread__head">
        <span className="sim-object__type">{object.type}</span>
        <code className="sim-code sim-thread__name">{name}</code>
        {peer ? <span className="sim-thread__by">with {peer}</span> : null}
      </div>
      <div className="sim-thread__now">{text}</div>
      {groups.map((g) => (
        <div key={g.op} className="sim-thread__by">
          {`${streamWaitersLabel(g.op)} `}
          {g.tasks.map((id) => (
            <TaskRef key={id} task={id} name={taskName(state, id, trace)} />
          ))}
        </div>
      ))}
    </li>
  );
}
