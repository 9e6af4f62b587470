import { useLayoutEffect, useState } from 'react';
import type { TaskId } from '../../trace/index.ts';
import { connector, localRect, type Rect, spread } from './arrows.ts';
import type { WaitLink } from './wait-links.ts';

interface Drawn {
  readonly key: string;
  readonly d: string;
  readonly head: string;
  readonly color: string;
  readonly from: TaskId;
  readonly toTask: TaskId | null;
  readonly object: boolean;
}

export interface WaitArrowsProps {
  /**
   * The positioned element that holds every card and object box (the SVG covers it). Passed as
   * an element, not a ref: a parent's ref is attached after its children's layout effects run.
   */
  container: HTMLElement | null;
  links: readonly WaitLink[];
  /** Emphasise the arrows of this task (hovered or selected); dim the others. */
  highlight: TaskId | null;
  /** Changes whenever the picture changes: cards move, so the arrows are measured again. */
  measureKey: unknown;
}

/**
 * Whether a card is gliding: motion moves a card to its new place (a layout animation) or fades
 * a new one in with an inline transform, and leaves none once it is at rest. Reads no layout.
 */
function cardsMoving(container: HTMLElement): boolean {
  for (const card of container.querySelectorAll<HTMLElement>('[data-sim-task]')) {
    const t = card.style.transform;
    if (t !== '' && t !== 'none') return true;
  }
  return false;
}

function targetSelector(link: WaitLink): string {
  return 'task' in link.to
    ? `[data-sim-task="${link.to.task}"]`
    : `[data-sim-object="${link.to.object}"]`;
}

function targetKey(link: WaitLink): string {
  return 'task' in link.to ? `t${link.to.task}` : `o${link.to.object}`;
}

/**
 * The top of the band holding the box `link` points at, when that band spans the picture (the
 * Connections band of many connections, ConnectionsView.css): the arrow turns there.
 */
function bandTop(
  container: HTMLElement,
  link: WaitLink,
  rectOf: (selector: string) => Rect | null,
): number | undefined {
  const band = container.querySelector(targetSelector(link))?.closest('[data-wide]');
  return band ? rectOf('.sim-connections[data-wide]')?.y : undefined;
}

/** Where each link's arrow goes in `container`, between the cards and boxes as they are now. */
function measureArrows(container: HTMLElement, links: readonly WaitLink[]): Drawn[] {
  const base = container.getBoundingClientRect();
  // On screen, the container is `scale` times its own CSS size (presenter mode's zoom); the SVG
  // draws in the container's own pixels, from its padding box (inside the border).
  const scale = container.offsetWidth > 0 ? base.width / container.offsetWidth : 1;
  const origin = {
    x: base.left + container.clientLeft * scale,
    y: base.top + container.clientTop * scale,
  };
  const rectOf = (selector: string): Rect | null => {
    const el = container.querySelector(selector);
    return el ? localRect(el.getBoundingClientRect(), origin, scale) : null;
  };
  // Several arrows leaving one card, or entering one, spread along its edge.
  const outCount = new Map<TaskId, number>();
  const inCount = new Map<string, number>();
  for (const l of links) {
    outCount.set(l.from, (outCount.get(l.from) ?? 0) + 1);
    inCount.set(targetKey(l), (inCount.get(targetKey(l)) ?? 0) + 1);
  }
  const outSeen = new Map<TaskId, number>();
  const inSeen = new Map<string, number>();
  const next: Drawn[] = [];
  for (const l of links) {
    const tk = targetKey(l);
    const oi = outSeen.get(l.from) ?? 0;
    const ii = inSeen.get(tk) ?? 0;
    outSeen.set(l.from, oi + 1);
    inSeen.set(tk, ii + 1);
    const a = rectOf(`[data-sim-task="${l.from}"]`);
    const b = rectOf(targetSelector(l));
    if (!a || !b) continue;
    const c = connector(a, b, {
      startAt: spread(oi, outCount.get(l.from) ?? 1),
      endAt: spread(ii, inCount.get(tk) ?? 1),
      turnY: 'object' in l.to ? bandTop(container, l, rectOf) : undefined,
    });
    next.push({
      key: `${l.from}-${tk}`,
      d: c.d,
      head: c.head,
      color: l.color,
      from: l.from,
      toTask: 'task' in l.to ? l.to.task : null,
      object: 'object' in l.to,
    });
  }
  return next;
}

/** The same arrows in the same places (keeps the old array, so nothing re-renders). */
function sameDrawing(prev: readonly Drawn[], next: readonly Drawn[]): boolean {
  return (
    prev.length === next.length &&
    prev.every((p, i) => p.key === next[i]?.key && p.d === next[i]?.d)
  );
}

/**
 * The arrows as measured now (in the layout the frame needs anyway), once more in the next frame
 * (the fit and motion have then placed everything), then every frame only while cards glide,
 * and whenever the container is resized. Not every frame for a fixed while: each measure after
 * motion moves a card is a forced layout, and while playing fast that filled the frames.
 */
function useMeasuredArrows(
  container: HTMLElement | null,
  links: readonly WaitLink[],
  measureKey: unknown,
): readonly Drawn[] {
  const [drawn, setDrawn] = useState<readonly Drawn[]>([]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: measureKey is the re-measure signal
  useLayoutEffect(() => {
    if (!container) return;
    let frame = 0;
    const measure = () => {
      const next = measureArrows(container, links);
      setDrawn((prev) => (sameDrawing(prev, next) ? prev : next));
    };
    const follow = () => {
      measure();
      frame = cardsMoving(container) ? requestAnimationFrame(follow) : 0;
    };
    measure();
    frame = requestAnimationFrame(follow);
    const observer = new ResizeObserver(measure);
    observer.observe(container);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
    };
  }, [container, links, measureKey]);

  return drawn;
}

function emphasisOf(arrow: Drawn, highlight: TaskId | null): 'normal' | 'strong' | 'dim' {
  if (highlight === null) return 'normal';
  return arrow.from === highlight || arrow.toTask === highlight ? 'strong' : 'dim';
}

/**
 * An SVG overlay that measures card positions and draws the links. It follows cards while they
 * glide and when the panel is resized.
 */
export function WaitArrows({ container, links, highlight, measureKey }: WaitArrowsProps) {
  const drawn = useMeasuredArrows(container, links, measureKey);
  return (
    <svg className="sim-arrows" aria-hidden="true">
      {drawn.map((a) => (
        <g
          key={a.key}
          className="sim-arrow"
          data-emphasis={emphasisOf(a, highlight)}
          data-object={a.object ? 'true' : undefined}
          style={{ color: a.color }}
        >
          <path className="sim-arrow__halo" d={a.d} />
          <path className="sim-arrow__line" d={a.d} />
          <polygon className="sim-arrow__head" points={a.head} />
        </g>
      ))}
    </svg>
  );
}
