/**
 * The picture on screen (the simulator and the timeline) as a standalone SVG, and as a PNG drawn
 * from it, for slides. The panes are cloned as they are rendered: the page's own style sheets go
 * inside the SVG (a <foreignObject>), the theme's custom properties are copied onto it, and the
 * timeline's canvases become images. So the export looks like the screen, theme and all, and
 * needs no second renderer to keep in step with the real one.
 */

/** Panes are found by their accessible names (the same names the e2e specs use). */
export const PICTURE_PANES = ['section[aria-label="Simulator"]', 'section[aria-label="Timeline"]'];

interface Sized {
  clone: HTMLElement;
  width: number;
  height: number;
}

/** CSS pixels of layout, before any CSS zoom of an ancestor (presenter mode zooms). */
function layoutSize(el: HTMLElement): { width: number; height: number } {
  const rect = el.getBoundingClientRect();
  const zoom = (el as HTMLElement & { currentCSSZoom?: number }).currentCSSZoom ?? 1;
  return { width: Math.ceil(rect.width / zoom), height: Math.ceil(rect.height / zoom) };
}

function cloneWithCanvases(el: HTMLElement): HTMLElement {
  const clone = el.cloneNode(true) as HTMLElement;
  const originals = el.querySelectorAll('canvas');
  const copies = clone.querySelectorAll('canvas');
  originals.forEach((canvas, i) => {
    const copy = copies[i];
    if (!copy) return;
    const img = document.createElement('img');
    try {
      img.src = canvas.toDataURL('image/png');
    } catch {
      return; // a tainted canvas cannot be read: leave it empty rather than fail the export
    }
    img.className = canvas.className;
    img.setAttribute('style', canvas.getAttribute('style') ?? '');
    img.alt = '';
    copy.replaceWith(img);
  });
  return clone;
}

/** The page's CSS rules, without the editor's (the editor is not in the picture) or fonts. */
function pageCss(): string {
  const out: string[] = [];
  for (const sheet of Array.from(document.styleSheets)) {
    let rules: CSSRuleList;
    try {
      rules = sheet.cssRules;
    } catch {
      continue; // another origin's sheet (there are none; be safe)
    }
    for (const rule of Array.from(rules)) {
      const text = rule.cssText;
      if (text.includes('monaco') || text.startsWith('@font-face')) continue;
      out.push(text);
    }
  }
  return out.join('\n');
}

function themeVariables(el: Element): string {
  const style = getComputedStyle(el);
  const out: string[] = [];
  for (let i = 0; i < style.length; i++) {
    const name = style.item(i);
    if (name.startsWith('--')) out.push(`${name}: ${style.getPropertyValue(name)}`);
  }
  for (const name of ['color', 'background-color', 'font-family', 'font-size', 'line-height']) {
    out.push(`${name}: ${style.getPropertyValue(name)}`);
  }
  return out.join('; ');
}

/** The panes as one SVG document (a string), stacked top to bottom. Null if none is on screen. */
export function pictureSvg(
  root: ParentNode = document,
): { svg: string; width: number; height: number } | null {
  const panes: Sized[] = [];
  for (const selector of PICTURE_PANES) {
    const el = root.querySelector<HTMLElement>(selector);
    if (!el) continue;
    const size = layoutSize(el);
    if (size.width === 0 || size.height === 0) continue;
    panes.push({ clone: cloneWithCanvases(el), ...size });
  }
  const first = root.querySelector(PICTURE_PANES[0] as string) ?? document.body;
  if (panes.length === 0) return null;
  const width = Math.max(...panes.map((p) => p.width));
  const height = panes.reduce((sum, p) => sum + p.height, 0);

  const wrapper = document.createElement('div');
  wrapper.setAttribute(
    'style',
    `${themeVariables(first)}; width: ${width}px; height: ${height}px; background: var(--bg, #fff); display: flex; flex-direction: column; overflow: hidden`,
  );
  const style = document.createElement('style');
  style.textContent = pageCss();
  wrapper.append(style);
  for (const p of panes) {
    const box = document.createElement('div');
    box.setAttribute(
      'style',
      `width: ${p.width}px; height: ${p.height}px; flex: none; display: flex`,
    );
    p.clone.style.width = `${p.width}px`;
    p.clone.style.height = `${p.height}px`;
    box.append(p.clone);
    wrapper.append(box);
  }
  const xhtml = new XMLSerializer().serializeToString(wrapper);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<title>Event Loop Lab: the event loop and the timeline</title>` +
    `<foreignObject x="0" y="0" width="${width}" height="${height}">${xhtml}</foreignObject></svg>`;
  return { svg, width, height };
}

/** The SVG drawn into a canvas at `scale` (2: sharp on a projector and in slides), as a PNG. */
export async function svgToPng(
  svg: string,
  width: number,
  height: number,
  scale = 2,
): Promise<Blob> {
  const img = new Image();
  img.decoding = 'sync';
  // A data: URL (the page's CSP allows data: images, not blob: ones).
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('This browser cannot draw the picture into a PNG.');
  ctx.scale(scale, scale);
  ctx.drawImage(img, 0, 0, width, height);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('The PNG could not be made.'))),
      'image/png',
    ),
  );
}

/** Hands a file to the browser's downloads. */
export function download(name: string, data: Blob | string, type = 'text/plain'): void {
  const blob = typeof data === 'string' ? new Blob([data], { type }) : data;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
