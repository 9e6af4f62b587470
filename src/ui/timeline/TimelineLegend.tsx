/**
 * The timeline's legend: a "Legend" button that shows, over the lanes, what each mark on the
 * canvas means, each drawn small with the same colours and patterns as the renderer uses (the
 * `--tl-*` colours of timeline.css, the first task's style, the loop's style). Only marks the
 * timeline really draws are listed.
 */
import { type KeyboardEvent, type ReactNode, useId, useRef, useState } from 'react';
import { LOOP_STYLE, taskStyle } from '../task-style.ts';

const TASK = taskStyle(1);

/** A 28×14 swatch. */
function Swatch({ children }: { children: ReactNode }) {
  return (
    <svg className="timeline__swatch" width="28" height="14" viewBox="0 0 28 14" aria-hidden="true">
      {children}
    </svg>
  );
}

function StallSwatch() {
  const id = useId();
  return (
    <>
      <defs>
        <pattern id={id} width="6" height="6" patternUnits="userSpaceOnUse">
          <path d="M-3 3 L3 -3 M0 6 L6 0 M3 9 L9 3" stroke="var(--tl-blocked)" strokeWidth="1.5" />
        </pattern>
      </defs>
      <rect x="0" y="0" width="28" height="14" fill="var(--tl-blocked)" opacity="0.12" />
      <rect x="0" y="0" width="28" height="14" fill={`url(#${id})`} opacity="0.7" />
      <rect x="0" y="0" width="28" height="2" fill="var(--tl-blocked)" />
      <rect x="0" y="12" width="28" height="2" fill="var(--tl-blocked)" />
    </>
  );
}

const bar = (fill: string) => <rect x="0" y="2" width="28" height="10" rx="1" fill={fill} />;

/** Each mark: its picture and what it means. */
const ENTRIES: readonly {
  readonly key: string;
  readonly mark: ReactNode;
  readonly text: string;
}[] = [
  { key: 'running', mark: bar(TASK.color), text: 'running: the task holds control' },
  {
    key: 'waiting',
    mark: <rect x="0" y="6" width="28" height="2" fill={TASK.color} opacity="0.6" />,
    text: 'waiting or ready: the task exists, another party holds control',
  },
  {
    key: 'await',
    mark: <path d="M10 12 L18 12 L14 7 Z" fill={TASK.color} />,
    text: 'await: the task gives control back',
  },
  {
    key: 'created',
    mark: <circle cx="14" cy="7" r="4.5" fill="var(--tl-bg)" stroke={TASK.color} strokeWidth="2" />,
    text: 'created',
  },
  {
    key: 'done',
    mark: (
      <>
        <circle cx="14" cy="7" r="6" fill={TASK.color} />
        <path d="M11 7.2 L13.3 9.5 L17.3 4.6" stroke={TASK.onColor} strokeWidth="1.8" fill="none" />
      </>
    ),
    text: 'finished',
  },
  {
    key: 'failed',
    mark: (
      <>
        <circle cx="14" cy="7" r="6" fill="var(--tl-failed)" />
        <path d="M11.5 4.5 L16.5 9.5 M16.5 4.5 L11.5 9.5" stroke="#ffffff" strokeWidth="1.8" />
      </>
    ),
    text: 'failed (raised an exception)',
  },
  {
    key: 'cancelled',
    mark: (
      <>
        <circle
          cx="14"
          cy="7"
          r="5.5"
          fill="var(--tl-bg)"
          stroke="var(--tl-cancelled)"
          strokeWidth="1.8"
        />
        <path d="M10.5 10.5 L17.5 3.5" stroke="var(--tl-cancelled)" strokeWidth="1.8" />
      </>
    ),
    text: 'cancelled',
  },
  {
    key: 'stall',
    mark: <StallSwatch />,
    text: 'stall: the task held the loop too long; nothing else could run',
  },
  {
    key: 'loop',
    mark: bar(LOOP_STYLE.color),
    text: 'event loop: no task holds control; the loop runs callbacks and picks what runs next',
  },
  {
    key: 'module',
    mark: bar('var(--tl-module)'),
    text: 'top-level code: no event loop is running',
  },
  {
    key: 'idle',
    mark: <path d="M1 7 H27" stroke="var(--tl-idle)" strokeWidth="2" strokeDasharray="4 4" />,
    text: 'idle (time axis): nothing is ready, the clock jumps to the next timer',
  },
  {
    key: 'blocked',
    mark: bar('var(--tl-blocked)'),
    text: 'blocked: a blocking call holds the whole loop',
  },
  {
    key: 'now',
    mark: <rect x="12" y="0" width="4" height="14" fill="var(--tl-cursor)" />,
    text: 'the current step',
  },
];

/** The "Legend" button; its list opens under the timeline's bar, over the lanes' right side. */
export function TimelineLegend() {
  const [open, setOpen] = useState(false);
  const listId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  // Escape closes it, as it closes any disclosure that covers content.
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && open) {
      e.stopPropagation();
      setOpen(false);
      // From the list (which disappears), focus goes back to the button that opened it.
      buttonRef.current?.focus();
    }
  };
  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className="timeline__button timeline__button--text"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={onKeyDown}
      >
        Legend
      </button>
      <ul id={listId} className="timeline__legend" aria-label="Timeline legend" hidden={!open}>
        {ENTRIES.map((e) => (
          <li key={e.key}>
            <Swatch>{e.mark}</Swatch>
            {e.text}
          </li>
        ))}
      </ul>
    </>
  );
}
