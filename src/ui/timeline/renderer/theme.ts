/** The timeline's colours, read from the `.timeline` root's CSS variables (light and dark themes). */
export interface Theme {
  readonly bg: string;
  readonly fg: string;
  readonly muted: string;
  readonly grid: string;
  readonly stripe: string;
  readonly cursor: string;
  readonly cursorFg: string;
  readonly module: string;
  readonly blocked: string;
  /** A simulated thread's busy spans. */
  readonly thread: string;
  readonly idle: string;
  readonly failed: string;
  readonly cancelled: string;
  readonly edge: string;
  readonly veil: string;
  readonly font: string;
}

const VARS: Record<keyof Theme, string> = {
  bg: '--tl-bg',
  fg: '--tl-fg',
  muted: '--tl-muted',
  grid: '--tl-grid',
  stripe: '--tl-stripe',
  cursor: '--tl-cursor',
  cursorFg: '--tl-cursor-fg',
  module: '--tl-module',
  blocked: '--tl-blocked',
  thread: '--tl-thread',
  idle: '--tl-idle',
  failed: '--tl-failed',
  cancelled: '--tl-cancelled',
  edge: '--tl-edge',
  veil: '--tl-veil',
  font: '--tl-font',
};

export function readTheme(el: Element): Theme {
  const css = getComputedStyle(el);
  const theme = {} as Record<keyof Theme, string>;
  for (const key of Object.keys(VARS) as (keyof Theme)[]) {
    theme[key] = css.getPropertyValue(VARS[key]).trim() || '#888';
  }
  return theme;
}
