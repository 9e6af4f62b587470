/**
 * The header's `tasks`, `objects` and `frames` tables, derived from the events alone. The
 * tracer writes both; a trace cut short (a worker that had to be stopped) only has events.
 */
import type { FrameInfo, ObjectInfo, RawEvent, TaskInfo } from './types.ts';

export interface TraceTables {
  readonly tasks: readonly TaskInfo[];
  readonly objects: readonly ObjectInfo[];
  readonly frames: readonly FrameInfo[];
}

/** Tables as the tracer would write them: creation order, task names as of the last event. */
export function rebuildTables(events: readonly RawEvent[]): TraceTables {
  const tasks = new Map<number, { -readonly [K in keyof TaskInfo]: TaskInfo[K] }>();
  const objects: ObjectInfo[] = [];
  const frames: FrameInfo[] = [];
  for (const e of events) {
    if (typeof e === 'number') continue;
    switch (e.k) {
      case 'task-created':
        tasks.set(e.t, { id: e.t, name: e.name, coro: e.coro, user: e.user });
        break;
      case 'task-name': {
        const t = tasks.get(e.t);
        if (t) t.name = e.name;
        break;
      }
      case 'object':
        objects.push({ id: e.o, type: e.type, label: e.label });
        break;
      case 'frame':
        frames.push({ id: e.f, fn: e.fn, task: e.t });
        break;
    }
  }
  return { tasks: Array.from(tasks.values()), objects, frames };
}
