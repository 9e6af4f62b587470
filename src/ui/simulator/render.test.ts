/**
 * The simulator rendered to static HTML for real traces of corpus programs (tests/fixtures/traces),
 * checked the way the e2e specs find elements: by role and accessible name.
 */
import { readFileSync } from 'node:fs';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { fixture, stepWhere } from '../../../tests/fixtures/traces.ts';
import { type LoopState, parseTrace, stateAt, type TaskId, type Trace } from '../../trace/index.ts';

/** The props this test passes (SimulatorPanelProps lives in a .tsx file, see below). */
interface SimulatorPanelProps {
  trace: Trace;
  state: LoopState;
  previous?: LoopState | null;
  showInternal?: boolean;
  onSelectTask?(id: TaskId): void;
}

// The components are .tsx, and this test's tsconfig (tsconfig.node.json) has no JSX: loading the
// module by a specifier TypeScript does not follow keeps the type check clean. Vitest transforms
// it as usual.
const entry = './index.ts';
const { SimulatorPanel } = (await import(/* @vite-ignore */ entry)) as {
  SimulatorPanel: (props: SimulatorPanelProps) => null;
};

// ---------------------------------------------------------------------------------------------
// A small HTML reader: React's server output is well formed, so a tag scanner builds the tree.
// ---------------------------------------------------------------------------------------------

interface El {
  tag: string;
  attrs: Record<string, string>;
  children: (El | string)[];
  parent: El | null;
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta']);

function decode(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

function parseHtml(html: string): El {
  const root: El = { tag: '#root', attrs: {}, children: [], parent: null };
  let cur = root;
  const re =
    /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][\w-]*)((?:\s+[^\s=>/]+(?:="[^"]*")?)*)\s*(\/?)>|([^<]+)/g;
  for (let m = re.exec(html); m !== null; m = re.exec(html)) {
    const [whole, close, tag, attrText, selfClose, text] = m;
    if (whole.startsWith('<!--')) continue;
    if (text !== undefined) {
      cur.children.push(decode(text));
      continue;
    }
    const name = (tag as string).toLowerCase();
    if (close) {
      if (cur.tag !== name) throw new Error(`</${name}> closes <${cur.tag}>`);
      cur = cur.parent as El;
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of (attrText ?? '').matchAll(/([^\s=>/]+)(?:="([^"]*)")?/g)) {
      attrs[a[1] as string] = decode(a[2] ?? '');
    }
    const el: El = { tag: name, attrs, children: [], parent: cur };
    cur.children.push(el);
    if (!selfClose && !VOID.has(name)) cur = el;
  }
  expect(cur).toBe(root);
  return root;
}

function roleOf(el: El): string | null {
  if (el.attrs.role) return el.attrs.role;
  if (el.tag === 'ol' || el.tag === 'ul') return 'list';
  if (el.tag === 'li') return 'listitem';
  if (el.tag === 'section' && el.attrs['aria-label']) return 'region';
  if (el.tag === 'button') return 'button';
  return null;
}

function all(root: El, pred: (el: El) => boolean): El[] {
  const out: El[] = [];
  const walk = (el: El) => {
    for (const c of el.children) {
      if (typeof c === 'string') continue;
      if (pred(c)) out.push(c);
      walk(c);
    }
  };
  walk(root);
  return out;
}

function byRole(root: El, role: string, name?: string): El[] {
  return all(
    root,
    (el) => roleOf(el) === role && (name === undefined || el.attrs['aria-label'] === name),
  );
}

function one(root: El, role: string, name?: string): El {
  const found = byRole(root, role, name);
  expect(found, `${role} ${name ?? ''}`).toHaveLength(1);
  return found[0] as El;
}

/** The text a screen reader reads: decorative (aria-hidden) parts left out. */
function text(el: El): string {
  return el.children
    .map((c) => (typeof c === 'string' ? c : c.attrs['aria-hidden'] === 'true' ? '' : text(c)))
    .join('');
}

/** The accessible names of the list's items, checking that only generic elements sit between. */
function itemNames(list: El): string[] {
  return byRole(list, 'listitem').map((item) => {
    for (let p = item.parent; p && p !== list; p = p.parent) {
      expect(roleOf(p), 'only generic elements between list and item').toBeNull();
    }
    return item.attrs['aria-label'] ?? text(item);
  });
}

function render(trace: Trace, state: LoopState, extra: Partial<SimulatorPanelProps> = {}): El {
  return parseHtml(renderToString(createElement(SimulatorPanel, { trace, state, ...extra })));
}

// ---------------------------------------------------------------------------------------------

describe('SimulatorPanel, queue worker pool', () => {
  const trace = fixture('23-queue-worker-pool');
  // The clock's first jump (0.0 s → 0.2 s), the timers falling due just after it, and Task-3
  // resuming once both sleepers are woken.
  const jump = stepWhere(trace, (ev) => ev.kind === 'clock');
  const due = stepWhere(trace, (ev) => ev.kind === 'due', jump);
  const resume3 = stepWhere(trace, (ev) => ev.kind === 'resume' && ev.task === 3, jump);

  it('shows the running task, the others by state, and who has control', () => {
    const doc = render(trace, stateAt(trace, resume3), { previous: stateAt(trace, resume3 - 1) });
    const tasks = one(doc, 'list', 'Tasks');
    expect(itemNames(tasks)).toEqual([
      'Task-3, running',
      'Task-5, ready',
      'Task-1, waiting',
      'Task-2, waiting',
      'Task-4, waiting',
    ]);
    expect(text(one(doc, 'status'))).toBe('Control: Task-3');
    const loop = one(doc, 'region', 'Event loop');
    expect(text(loop)).toContain('t = 0.2 s');
    expect(text(loop)).toContain('The loop hands control to Task-3.');
  });

  it('lists the ready queue front first and the timers by due time', () => {
    const doc = render(trace, stateAt(trace, due));
    expect(itemNames(one(doc, 'list', 'Ready queue')).map((s) => s.trim())).toEqual([
      'wake Task-3 (sleep over)',
      'wake Task-5 (sleep over)',
    ]);
    const timers = byRole(one(doc, 'list', 'Timers'), 'listitem').map(text);
    expect(timers).toEqual([
      '0.4 s → wakes Task-4 (sleep)in 0.2 s',
      '0.6 s → wakes Task-2 (sleep)in 0.4 s',
    ]);
  });

  it('says the clock jumps when nothing is ready', () => {
    const doc = render(trace, stateAt(trace, jump), { previous: stateAt(trace, jump - 1) });
    expect(text(one(doc, 'region', 'Event loop'))).toContain(
      'Nothing is ready: the clock jumps from 0.0 s to 0.2 s, the next timer.',
    );
    expect(text(one(doc, 'status'))).toBe('Control: event loop');
  });

  it('shows what a waiting task awaits, its line and its locals', () => {
    const doc = render(trace, stateAt(trace, resume3));
    const main = byRole(one(doc, 'list', 'Tasks'), 'listitem', 'Task-1, waiting')[0] as El;
    const t = text(main);
    expect(t).toContain('main()');
    expect(t).toContain('line 23');
    expect(t).toContain('awaits gather of 4, 0 done');
    expect(t).toContain('paused');
    expect(t).toContain('finished');
  });

  it('shows the queue with its items', () => {
    const doc = render(trace, stateAt(trace, resume3));
    const objects = one(doc, 'region', 'Objects');
    const items = byRole(one(objects, 'list', 'q items'), 'listitem').map(text);
    expect(items).toEqual(['(4, 0.3)', '(5, 0.1)', 'None', 'None', 'None', 'None']);
  });

  it("hides asyncio's internal tasks unless asked", () => {
    const last = stateAt(trace, trace.events.length - 1);
    const hidden = itemNames(one(render(trace, last), 'list', 'Tasks'));
    expect(hidden).toEqual([
      'Task-1, done',
      'Task-2, done',
      'Task-3, done',
      'Task-4, done',
      'Task-5, done',
    ]);
    const doc = render(trace, last, { showInternal: true });
    expect(itemNames(one(doc, 'list', 'Tasks'))).toHaveLength(7);
    expect(text(one(doc, 'region', 'Event loop'))).toContain('The event loop stops.');
  });

  it('names the card buttons when cards can be selected', () => {
    const doc = render(trace, stateAt(trace, resume3), { onSelectTask: () => {} });
    const buttons = byRole(one(doc, 'list', 'Tasks'), 'button').map(text);
    expect(buttons).toContain('Task-3');
  });

  it("shows each task's name with its coroutine's, as lessons speak of both", () => {
    const doc = render(trace, stateAt(trace, resume3));
    const card = byRole(one(doc, 'list', 'Tasks'), 'listitem', 'Task-3, running')[0] as El;
    expect(text(card)).toMatch(/^Task-3 · worker\(\)/);
  });

  it('renders any step of the run', { timeout: 30_000 }, () => {
    for (let step = -1; step < trace.events.length; step += 3) {
      const doc = render(trace, stateAt(trace, step));
      one(doc, 'region', 'Event loop');
      one(doc, 'status');
      one(doc, 'list', 'Tasks');
    }
  });
});

describe('SimulatorPanel, a blocked loop', () => {
  const trace = fixture('40-time-sleep-blocks');

  it('says the loop is blocked, unmistakably', () => {
    const doc = render(trace, stateAt(trace, 50));
    const loop = one(doc, 'region', 'Event loop');
    expect(loop.attrs['data-blocked']).toBe('true');
    expect(text(loop)).toContain('Loop blocked by time.sleep(0.3) — nothing else can run.');
    expect(text(one(doc, 'status'))).toBe('Control: Task-3');
    const card = byRole(one(doc, 'list', 'Tasks'), 'listitem', 'Task-3, running')[0] as El;
    expect(card.attrs['data-blocking']).toBe('true');
    expect(text(card)).toContain('blocks the loop: time.sleep(0.3)');
  });

  it('says plainly that no event loop exists before asyncio.run starts one', () => {
    const doc = render(trace, stateAt(trace, 3));
    expect(text(one(doc, 'region', 'Event loop'))).toContain(
      'No event loop exists yet: ordinary Python runs top to bottom until asyncio.run starts one.',
    );
    // The loop does not hold control it does not have: the top-level code does.
    expect(text(one(doc, 'status'))).toBe('Control: the top-level code');
    expect(text(doc)).toContain(
      'No tasks yet: they appear once asyncio.run starts the event loop.',
    );
    expect(text(one(doc, 'region', 'Objects'))).toContain('uses no queues');
  });
});

describe('SimulatorPanel, a program without an event loop (lesson 1)', () => {
  const url = new URL(
    '../../../tests/golden/lessons/01-waiting-is-wasted/s1-program.trace.json',
    import.meta.url,
  );
  const trace = parseTrace(JSON.parse(readFileSync(url, 'utf8')));

  it('says the program waits at time.sleep, not that a loop is blocked', () => {
    const doc = render(trace, stateAt(trace, 17));
    const loop = one(doc, 'region', 'Event loop');
    expect(loop.attrs['data-blocked']).toBeUndefined();
    expect(text(loop)).toContain('no event loop');
    expect(text(loop)).toContain('The program waits: time.sleep(1) pauses it until 1.0 s.');
    expect(text(loop)).not.toContain('blocked');
    expect(text(one(doc, 'status'))).toBe('Control: the top-level code');
    expect(text(doc)).toContain('No tasks: this program never starts an event loop');
  });

  it('says at the first step that ordinary Python runs top to bottom', () => {
    const doc = render(trace, stateAt(trace, 0));
    expect(text(one(doc, 'region', 'Event loop'))).toContain(
      'No event loop: this program never starts one, so ordinary Python runs top to bottom.',
    );
  });
});

describe('SimulatorPanel, locks and futures', () => {
  it('shows a lock with its holder and waiters', () => {
    const trace = fixture('27-lock');
    const doc = render(trace, stateAt(trace, 57));
    const objects = text(one(doc, 'region', 'Objects'));
    expect(objects).toContain('locked');
    expect(objects).toContain('held byTask-2');
    expect(objects).toContain('waitingTask-3Task-4');
    const card = byRole(one(doc, 'list', 'Tasks'), 'listitem', 'Task-3, waiting')[0] as El;
    expect(text(card)).toContain('awaits lock lock — held by Task-2');
  });

  it('shows a future pending, then its result', () => {
    const trace = fixture('07-future-callbacks');
    const pending = text(one(render(trace, stateAt(trace, 25)), 'region', 'Objects'));
    expect(pending).toContain('pending');
    expect(pending).toContain('awaited byTask-1');
    const done = text(one(render(trace, stateAt(trace, 40)), 'region', 'Objects'));
    expect(done).toContain('result 42');
  });

  it('greys objects the program has not created yet', () => {
    const trace = fixture('07-future-callbacks');
    const doc = render(trace, stateAt(trace, 3));
    expect(text(one(doc, 'region', 'Objects'))).toContain('not created yet');
  });
});

describe('SimulatorPanel, a server with streams', () => {
  const trace = fixture('84-echo-localhost');
  const suspend = (op: string, from = 0) =>
    stepWhere(
      trace,
      (ev) => ev.kind === 'suspend' && ev.wait.on === 'stream' && ev.wait.op === op,
      from,
    );
  const connections = (step: number) =>
    text(one(render(trace, stateAt(trace, step)), 'region', 'Connections'));

  it('names the reader of a connection the moment its card waits to read, not after', () => {
    const reads = suspend('readline');
    expect(connections(reads)).toContain('read by Task-4');
    // Once data has come in, the handler's card is ready, and the box no longer names it.
    const woken = stepWhere(
      trace,
      (_, step) => stateAt(trace, step).tasks.find((t) => t.name === 'Task-4')?.state === 'ready',
      reads,
    );
    expect(connections(woken)).not.toContain('read by Task-4');
  });

  it('names a task waiting for a connection to close, as its arrow points there', () => {
    expect(connections(suspend('closed'))).toContain('waiting for it to close Task-4');
  });
});

describe('SimulatorPanel, many tasks', () => {
  // The semaphore fixture: nine tasks, eight of them ready at once.
  const trace = fixture('semaphore');
  const full = stepWhere(trace, (_, i) => stateAt(trace, i).ready.length === 8);

  it('keeps the ready queue short, naming the rest in "+N more"', () => {
    const state = stateAt(trace, full);
    const names = itemNames(one(render(trace, state), 'list', 'Ready queue')).map((s) => s.trim());
    expect(names).toHaveLength(5);
    const more = names[4] ?? '';
    expect(more).toMatch(/^4 more: /);
    // The four not shown are named, in queue order, after the four that are.
    expect(more.split(': ')[1]?.split(', ')).toHaveLength(4);
  });
});

describe('SimulatorPanel, sixteen tasks', () => {
  // Sixteen workers created and queued: past twelve, the lanes fold into a summary.
  const trace = fixture('sixteen');
  const queued = stepWhere(trace, (ev) => ev.kind === 'ready' && ev.task === 17);

  it('folds the Ready lane into a summary that says its count once, also when read aloud', () => {
    const tasks = one(render(trace, stateAt(trace, queued)), 'list', 'Tasks');
    const names = itemNames(tasks).map((s) => s.trim());
    expect(names).toContain('14 more ready tasks; Task-4 to Task-17.');
    const html = renderToString(
      createElement(SimulatorPanel, { trace, state: stateAt(trace, queued) }),
    );
    expect(html).toContain('+14 more ready (Task-4 … Task-17)');
    expect(html).not.toMatch(/14 ready/);
  });
});
