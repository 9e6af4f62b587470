/**
 * Plain-words lines for the first events of a trace: enough to see what the run did, until the
 * simulator views replace this list. Tracks who holds control so a line event names its task.
 */
import type { RawEvent, Trace } from '../runtime/run-trace.ts';

export interface EventLine {
  step: number;
  kind: string;
  /** Task name (or null: module level, the loop, a plain callback). */
  task: string | null;
  text: string;
}

export const EVENT_LIST_LIMIT = 500;

export function describeEvents(
  trace: Pick<Trace, 'events' | 'tasks'>,
  limit = EVENT_LIST_LIMIT,
): EventLine[] {
  const names = new Map<number, string>();
  for (const task of trace.tasks) names.set(task.id, task.name);
  const nameOf = (id: unknown) =>
    typeof id === 'number' ? (names.get(id) ?? `Task ${id}`) : null;
  let control: string | null = null;
  const lines: EventLine[] = [];
  const count = Math.min(limit, trace.events.length);
  for (let step = 0; step < count; step++) {
    const event = trace.events[step] as RawEvent;
    if (typeof event === 'number') {
      lines.push({ step, kind: 'line', task: control, text: `line ${event}` });
      continue;
    }
    if (event.k === 'task-created' || event.k === 'task-name') {
      names.set(Number(event.t), String(event.name));
    }
    const task = 't' in event ? nameOf(event.t) : null;
    let text: string;
    switch (event.k) {
      case 'task-created':
        text = `created ${String(event.name)} (${String(event.coro)})`;
        break;
      case 'task-name':
        text = `renamed to ${String(event.name)}`;
        break;
      case 'resume':
        control = task;
        text = 'resumes';
        break;
      case 'suspend': {
        control = null;
        const w = event.w as { on?: string; until?: number } | undefined;
        text = `suspends, waiting on ${w?.on ?? 'something'}${w?.until == null ? '' : ` until ${w.until}`}`;
        break;
      }
      case 'task-done':
        control = null;
        text = 'c' in event ? 'was cancelled' : 'x' in event ? `raised ${String(event.x)}` : `returned ${String(event.r)}`;
        break;
      case 'callback':
        control = null;
        text = `runs callback ${String(event.h)}`;
        break;
      case 'clock':
        text = `clock jumps to ${String(event.at)}`;
        break;
      case 'out':
        text = `${event.e ? 'stderr' : 'prints'} ${JSON.stringify(event.s)}`;
        break;
      case 'loop':
        text = event.run ? 'event loop starts' : 'event loop stops';
        break;
      case 'timer':
        text = `timer due at ${String(event.at)} (${String(event.why)})`;
        break;
      case 'block':
        text = `blocks the loop with ${String(event.by)} until ${String(event.at)}`;
        break;
      default:
        text = event.k;
    }
    lines.push({ step, kind: event.k, task: task ?? control, text });
  }
  return lines;
}
