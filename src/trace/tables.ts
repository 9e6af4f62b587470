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
  const tables = new TablesBuilder();
  tables.add(events);
  return tables.tables();
}

/**
 * The same tables built as events arrive (a run that streams): each event is looked at once,
 * however many times the tables are asked for.
 */
export class TablesBuilder {
  private readonly tasks = new Map<number, { -readonly [K in keyof TaskInfo]: TaskInfo[K] }>();
  private readonly objects: ObjectInfo[] = [];
  private readonly frames: FrameInfo[] = [];

  add(events: readonly RawEvent[]): void {
    for (const e of events) {
      if (typeof e === 'number') continue;
      switch (e.k) {
        case 'task-created':
          this.tasks.set(e.t, { id: e.t, name: e.name, coro: e.coro, user: e.user });
          break;
        case 'task-name': {
          const t = this.tasks.get(e.t);
          if (t) t.name = e.name;
          break;
        }
        case 'object':
          this.objects.push({ id: e.o, type: e.type, label: e.label });
          break;
        case 'frame':
          this.frames.push({ id: e.f, fn: e.fn, task: e.t });
          break;
      }
    }
  }

  /** The tables so far: copies, which later events (a task renamed) leave as they are. */
  tables(): TraceTables {
    return {
      tasks: Array.from(this.tasks.values(), (t) => ({ ...t })),
      objects: this.objects.slice(),
      frames: this.frames.slice(),
    };
  }
}
