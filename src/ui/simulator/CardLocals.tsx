/** A task card's locals: those of the task's innermost frame, the ones this step changed marked. */
import { useContext } from 'react';
import { findFrame, type LoopState, type TaskView } from '../../trace/index.ts';
import { TOP_LEVEL } from '../../trace/words.ts';
import { LocalsNoteContext, WORKING_OUT_LOCALS } from './locals-note.ts';

/** A card has room for four rows: past that, three and a line naming the rest. */
const MAX_LOCAL_ROWS = 4;

/** The locals of the task's innermost frame; those changed by this step are marked. */
export function CardLocals({
  task,
  state,
  previous,
}: {
  task: TaskView;
  state: LoopState;
  previous?: LoopState | null;
}) {
  const running = task.state === 'running';
  const note = useContext(LocalsNoteContext);
  const frame = task.frame === null ? undefined : findFrame(state, task.frame);
  const before =
    previous && task.frame !== null ? findFrame(previous, task.frame)?.locals : undefined;
  const locals = frame ? Object.entries(frame.locals) : [];
  // A card has room for four rows: past that, three and a line naming the rest.
  const shownLocals = locals.length > MAX_LOCAL_ROWS ? locals.slice(0, MAX_LOCAL_ROWS - 1) : locals;
  const moreLocals = locals.slice(shownLocals.length).map(([name]) => name);
  return (
    <div
      className="sim-card__locals"
      data-paused={running ? undefined : 'true'}
      aria-busy={note?.busy ? true : undefined}
    >
      <div className="sim-card__locals-title">
        {note === null && frame && frame.fn !== task.coro ? (
          <>
            locals in{' '}
            {frame.fn === '<module>' ? TOP_LEVEL : <code className="sim-code">{frame.fn}()</code>}
          </>
        ) : (
          'locals'
        )}
        {running ? null : <span className="sim-card__paused"> · paused</span>}
      </div>
      {note !== null ? (
        <div className="sim-card__nolocals" title={note.busy ? undefined : note.text}>
          {note.busy ? WORKING_OUT_LOCALS : 'not available here'}
        </div>
      ) : locals.length === 0 ? (
        <div className="sim-card__nolocals">{task.line === null ? 'not started' : 'none'}</div>
      ) : (
        <dl
          className="sim-locals"
          title={locals.map(([name, value]) => `${name} = ${value}`).join('\n')}
        >
          {shownLocals.map(([name, value]) => (
            <div
              key={name}
              className="sim-locals__row"
              data-changed={
                running && before !== undefined && before[name] !== value ? 'true' : undefined
              }
            >
              <dt className="sim-locals__name">{name}</dt>
              <dd className="sim-locals__value">{value}</dd>
            </div>
          ))}
          {moreLocals.length > 0 ? (
            <div className="sim-locals__more">
              +{moreLocals.length} more: {moreLocals.join(', ')}
            </div>
          ) : null}
        </dl>
      )}
    </div>
  );
}
