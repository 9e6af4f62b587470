/**
 * A few icons as inline SVG (currentColor), so that they look the same on every machine: a
 * classroom PC may have no emoji font, and a missing glyph would show as an empty box.
 */
import type { ReactNode } from 'react';

/** Decorative: every icon stands next to words that say the same. */
function Svg({ children }: { children: ReactNode }) {
  return (
    <svg className="sim-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      {children}
    </svg>
  );
}

/** A stop sign: the loop is blocked. */
export function StopIcon() {
  return (
    <Svg>
      <polygon points="8,2 16,2 22,8 22,16 16,22 8,22 2,16 2,8" fill="currentColor" stroke="none" />
      <rect x="6" y="10.5" width="12" height="3" rx="1" fill="var(--sim-icon-on, #fff)" />
    </Svg>
  );
}

/** Fast-forward: the clock jumps. */
export function JumpIcon() {
  return (
    <Svg>
      <polygon points="2,5 12,12 2,19" fill="currentColor" />
      <polygon points="12,5 22,12 12,19" fill="currentColor" />
    </Svg>
  );
}

export function LockIcon({ open = false }: { open?: boolean }) {
  return (
    <Svg>
      <rect x="4" y="10" width="16" height="12" rx="2" fill="currentColor" />
      <path
        d={open ? 'M8 10 V7 a4 4 0 0 1 8 0' : 'M8 10 V7 a4 4 0 0 1 8 0 V10'}
        fill="none"
        stroke="currentColor"
        strokeWidth="2.5"
        transform={open ? 'translate(-4 -2)' : undefined}
      />
    </Svg>
  );
}

export function FlagIcon({ raised = false }: { raised?: boolean }) {
  return (
    <Svg>
      <line x1="5" y1="2" x2="5" y2="22" stroke="currentColor" strokeWidth="2.5" />
      <path
        d="M6 3 H19 L16 7.5 L19 12 H6 Z"
        fill={raised ? 'currentColor' : 'none'}
        stroke="currentColor"
        strokeWidth="2"
      />
    </Svg>
  );
}
