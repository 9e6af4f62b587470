/**
 * Plain-words lines for the first events of a trace: enough to see what the run did, until the
 * simulator views replace this list. Tracks who holds control so a line event names its task.
 */
import type { Trace } from '../runtime/run-trace.ts';

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
  const nameOf = (id: number | null | undefined) =>
    id == null ? null : (names.get(id) ?? `Task ${id}`);
  let control: string | null = null;
  const lines: EventLine[] = [];
  const count = Math.min(limit, trace.events.length);
  for (let step = 0; step < count; step++) {
    const e = trace.events[step];
    if (e === undefined) break;
    if (typeof e === 'number') {
      lines.push({ step, kind: 'line', task: control, text: `line ${e}` });
      continue;
    }
    let task: string | null = null;
    let text: string;
    switch (e.k) {
      case 'task-created':
        names.set(e.t, e.name);
        task = e.name;
        text = `created ${e.name} (${e.coro})${e.by == null ? '' : ` by ${nameOf(e.by)}`}`;
        break;
      case 'task-name':
        names.set(e.t, e.name);
        task = e.name;
        text = `renamed to ${e.name}`;
        break;
      case 'resume':
        task = control = nameOf(e.t);
        text = 'resumes';
        break;
      case 'suspend':
        task = nameOf(e.t);
        control = null;
        text = `suspends, waiting on ${e.w.on}${e.w.on === 'sleep' ? ` until ${e.w.until}` : ''}`;
        break;
      case 'task-done':
        task = nameOf(e.t);
        control = null;
        text =
          e.c === 1
            ? 'was cancelled'
            : e.x !== undefined
              ? `raised ${e.x}`
              : `returned ${e.r ?? 'None'}`;
        break;
      case 'callback':
        control = null;
        text = `runs callback (handle ${e.h})`;
        break;
      case 'ready':
        task = nameOf(e.t);
        text = e.cb ? `callback ${e.cb} is ready` : 'is ready to run';
        break;
      case 'timer':
        task = nameOf(e.t);
        text = `timer due at ${e.at} (${e.why})`;
        break;
      case 'clock':
        text = `clock jumps to ${e.at}`;
        break;
      case 'block':
        task = nameOf(e.t);
        text = `blocks the loop with ${e.by} until ${e.at}`;
        break;
      case 'out':
        task = control;
        text = `${e.e === 1 ? 'writes to stderr' : 'prints'} ${JSON.stringify(e.s)}`;
        break;
      case 'loop':
        text = e.run ? 'event loop starts' : 'event loop stops';
        break;
      case 'net':
        task = nameOf(e.t);
        text = `${e.lib} ${e.m} ${e.url} (${e.lat} s)`;
        break;
      case 'frame':
        task = nameOf(e.t);
        text = `first call of ${e.fn} (frame ${e.f})`;
        break;
      case 'in':
        task = control;
        text = `now in frame ${e.f}`;
        break;
      case 'locals': {
        task = control;
        const changed = Object.entries(e.v).map(([name, value]) => `${name} = ${value}`);
        const removed = (e.d ?? []).map((name) => `del ${name}`);
        text = [...changed, ...removed].join(', ') || 'locals unchanged';
        break;
      }
      case 'object':
        text = `${e.type}${e.label ? ` ${e.label}` : ''} (object ${e.o})`;
        break;
      case 'state':
        text = `object ${e.o} is now ${JSON.stringify(e.s)}`;
        break;
      case 'due':
        text = `timers ${e.h.join(', ')} fall due`;
        break;
      case 'cancel':
        text = `handle ${e.h} is cancelled`;
        break;
      default:
        task = control;
        text = (e as { k: string }).k;
    }
    lines.push({ step, kind: e.k, task, text });
  }
  return lines;
}
