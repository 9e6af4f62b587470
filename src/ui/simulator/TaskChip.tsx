import type { TaskId } from '../../trace/index.ts';
import { taskStyle } from '../task-style.ts';
// The chip's styles, for views outside the simulator that show chips too (console, narration).
import './simulator.css';

/**
 * A task's badge: its shape and letter on its colour (task-style.ts), so a task is never told
 * apart by colour alone. Decorative: the task's name is always written next to it.
 */
export function TaskChip({ task, size = 'normal' }: { task: TaskId; size?: 'normal' | 'large' }) {
  const s = taskStyle(task);
  return (
    <span
      className={`sim-chip${size === 'large' ? ' sim-chip--large' : ''}`}
      style={{ background: s.color, color: s.onColor }}
      aria-hidden="true"
      title={`${s.colorName} ${s.shape} ${s.letter}`}
    >
      <span className="sim-chip__shape">{s.shape}</span>
      <span className="sim-chip__letter">{s.letter}</span>
    </span>
  );
}

/** A task's chip and name, inline in a sentence. */
export function TaskRef({
  task,
  name,
  internal = false,
}: {
  task: TaskId;
  name: string;
  internal?: boolean;
}) {
  return (
    <span className="sim-taskref" data-sim-task-ref={task}>
      <TaskChip task={task} />
      <span className="sim-taskref__name">{name}</span>
      {internal ? <span className="sim-internal-tag"> (internal)</span> : null}
    </span>
  );
}
