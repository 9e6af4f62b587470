/**
 * Geometry of the arrows from a waiting task to what it awaits: pure functions of two
 * rectangles, so the SVG overlay only measures and draws.
 *
 * Arrows leave and enter cards through their top or bottom edge, like the edges of a tree:
 * - target beside the source (their rows overlap): an arc over the top, from top to top;
 * - target below: from the source's bottom to the target's top;
 * - target above: from the source's top to the target's bottom.
 */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface Connector {
  /** SVG path data of the line (a cubic curve), ending just short of the arrowhead's tip. */
  readonly d: string;
  /** SVG polygon points of the arrowhead. */
  readonly head: string;
  readonly start: Point;
  readonly end: Point;
}

export interface ConnectorOptions {
  /** Where along the source's edge the arrow leaves, 0…1 (default ½: the middle). */
  readonly startAt?: number;
  /** Where along the target's edge the arrow enters, 0…1 (default ½). */
  readonly endAt?: number;
  /** Arrowhead length in px (default 11). */
  readonly headSize?: number;
  /**
   * For a target below: the arrow drops straight down to this height, and only then turns
   * towards the target (default: it curves all the way). The Connections band passes its own
   * top, so that an arrow to a box under the side column makes its sideways run below that
   * column's boxes (the timers), not through them.
   */
  readonly turnY?: number;
}

const r1 = (n: number) => Math.round(n * 10) / 10;

export function connector(from: Rect, to: Rect, options: ConnectorOptions = {}): Connector {
  const { startAt = 0.5, endAt = 0.5, headSize = 11, turnY } = options;
  const sx = from.x + from.width * startAt;
  const ex = to.x + to.width * endAt;
  const fromBottom = from.y + from.height;
  const toBottom = to.y + to.height;
  let start: Point;
  let end: Point;
  let c1: Point;
  let c2: Point;
  let drop: number | undefined;
  if (to.y >= fromBottom) {
    start = { x: sx, y: fromBottom };
    end = { x: ex, y: to.y };
    // With turnY, straight down to it first (`drop`), then the curve: its sideways run is all
    // below turnY.
    if (turnY !== undefined && turnY > start.y && turnY < end.y) drop = turnY;
    const top = drop ?? start.y;
    const mid = (top + end.y) / 2;
    c1 = { x: sx, y: mid };
    c2 = { x: ex, y: mid };
  } else if (toBottom <= from.y) {
    start = { x: sx, y: from.y };
    end = { x: ex, y: toBottom };
    const mid = (start.y + end.y) / 2;
    c1 = { x: sx, y: mid };
    c2 = { x: ex, y: mid };
  } else {
    start = { x: sx, y: from.y };
    end = { x: ex, y: to.y };
    const lift = Math.min(44, 18 + Math.abs(ex - sx) * 0.06);
    const top = Math.min(start.y, end.y) - lift;
    c1 = { x: sx, y: top };
    c2 = { x: ex, y: top };
  }
  // The arrowhead points along the curve's last tangent (c2 → end).
  let dx = end.x - c2.x;
  let dy = end.y - c2.y;
  const len = Math.hypot(dx, dy) || 1;
  dx /= len;
  dy /= len;
  const base = { x: end.x - dx * headSize, y: end.y - dy * headSize };
  const half = headSize * 0.5;
  const left = { x: base.x - dy * half, y: base.y + dx * half };
  const right = { x: base.x + dy * half, y: base.y - dx * half };
  // The line stops inside the head, so a thick stroke never pokes past the tip.
  const lineEnd = { x: end.x - dx * headSize * 0.6, y: end.y - dy * headSize * 0.6 };
  return {
    d: `M ${r1(start.x)} ${r1(start.y)}${drop === undefined ? '' : ` L ${r1(start.x)} ${r1(drop)}`} C ${r1(c1.x)} ${r1(c1.y)}, ${r1(c2.x)} ${r1(c2.y)}, ${r1(lineEnd.x)} ${r1(lineEnd.y)}`,
    head: `${r1(end.x)},${r1(end.y)} ${r1(left.x)},${r1(left.y)} ${r1(right.x)},${r1(right.y)}`,
    start,
    end,
  };
}

/**
 * A box measured with getBoundingClientRect (the viewport's pixels) in the coordinates of the
 * element that holds the arrows, whose top left corner is at `origin` on screen. Under CSS
 * `zoom` or a scale transform (presenter mode zooms the whole stage) the viewport's pixels are
 * `scale` times the element's own, which the SVG inside it draws in.
 */
export function localRect(box: Rect, origin: Point, scale: number): Rect {
  const k = scale > 0 && Number.isFinite(scale) ? scale : 1;
  return {
    x: (box.x - origin.x) / k,
    y: (box.y - origin.y) / k,
    width: box.width / k,
    height: box.height / k,
  };
}

/** Spread `n` attachment points along an edge: ½ for one, then evenly inside the middle 60%. */
export function spread(i: number, n: number): number {
  if (n <= 1) return 0.5;
  return 0.2 + (0.6 * i) / (n - 1);
}
