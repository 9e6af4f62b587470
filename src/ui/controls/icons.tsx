/** Small line icons for the controls (decorative: every button has its own accessible name). */
import type { ReactNode } from 'react';

/** `mirrored`: flipped left to right (the backward twin of a forward icon). */
function Icon({ children, mirrored = false }: { children: ReactNode; mirrored?: boolean }) {
  return (
    <svg
      className="icon"
      viewBox="0 0 24 24"
      width="20"
      height="20"
      aria-hidden="true"
      focusable="false"
      fill="currentColor"
    >
      {mirrored ? <g transform="matrix(-1 0 0 1 24 0)">{children}</g> : children}
    </svg>
  );
}

/** One step forward: a triangle to a bar. */
const STEP = (
  <>
    <path d="M6 5v14l9-7z" />
    <rect x="16" y="5" width="2.5" height="14" rx="1" />
  </>
);

/** To the next handoff: two triangles. */
const HANDOFF = <path d="M3 6v12l8-6zM12 6v12l8-6z" />;

/** To the last step: a triangle to a bar at the end. */
const TO_END = (
  <>
    <rect x="17.5" y="5" width="2.5" height="14" rx="1" />
    <path d="M4 5v14l11-7z" />
  </>
);

function icon(shape: ReactNode, mirrored = false) {
  return <Icon mirrored={mirrored}>{shape}</Icon>;
}

export const icons = {
  run: icon(<path d="M7 4.5v15l12-7.5z" />),
  stop: icon(<rect x="6" y="6" width="12" height="12" rx="1.5" />),
  play: icon(<path d="M8 5v14l11-7z" />),
  pause: icon(
    <>
      <rect x="6.5" y="5" width="4" height="14" rx="1" />
      <rect x="13.5" y="5" width="4" height="14" rx="1" />
    </>,
  ),
  stepForward: icon(STEP),
  stepBack: icon(STEP, true),
  nextHandoff: icon(HANDOFF),
  prevHandoff: icon(HANDOFF, true),
  first: icon(TO_END, true),
  last: icon(TO_END),
  share: icon(
    <path d="M10.6 13.4a1 1 0 0 1 0-1.4l3.5-3.5a3 3 0 1 1 4.2 4.2l-2 2-1.4-1.4 2-2a1 1 0 0 0-1.4-1.4L12 13.4a1 1 0 0 1-1.4 0zM13.4 10.6a1 1 0 0 1 0 1.4l-3.5 3.5a3 3 0 1 1-4.2-4.2l2-2 1.4 1.4-2 2a1 1 0 0 0 1.4 1.4l3.5-3.5a1 1 0 0 1 1.4 0z" />,
  ),
  reset: icon(
    <path d="M12 5a7 7 0 1 1-6.6 9.3l1.9-.6A5 5 0 1 0 12 7h-1.6l2.3 2.3-1.4 1.4L6.6 6l4.7-4.7 1.4 1.4L10.4 5z" />,
  ),
};
