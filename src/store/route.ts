/**
 * What the URL's hash says is open, and back. Pure: no `window`, so it is unit-tested in Node and
 * the page's router (src/app/router.ts) only moves strings between this and `location.hash`.
 *
 * - `#/playground?code=<base64url of the program>&step=N` opens that program at step N (this is
 *   also the sharing format). Without `code`, the playground opens the program saved locally.
 * - `#/lessons` is the lesson list; `#/lessons/<slug>/<step>` a lesson's step (from 1).
 *   `?presenter` on a lesson step shows the presenter notes.
 * - `#/speaker` is the presenter's speaker window (src/app/speaker).
 * - `#/embed?code=…&step=N[&editor]` and `#/embed/lessons/<slug>/<n>` are the views for an
 *   iframe (src/app/embed).
 * Anything else opens the playground. A program longer than `MAX_LINK_CODE` is not opened.
 */

/** The longest `code=` a link may carry (base64url characters: about 48 KB of program). */
export const MAX_LINK_CODE = 65_536;

export interface EmbedRoute {
  readonly page: 'embed';
  readonly code: string | null;
  readonly step: number | null;
  /** A lesson step (from 1) instead of a program. */
  readonly lesson: { readonly slug: string; readonly step: number | null } | null;
  /** Show the editor beside the picture. */
  readonly editor: boolean;
}

export type Route =
  | { readonly page: 'playground'; readonly code: string | null; readonly step: number | null }
  | { readonly page: 'lessons' }
  | {
      readonly page: 'lesson';
      readonly slug: string;
      readonly step: number | null;
      readonly presenter?: boolean;
    }
  | { readonly page: 'speaker' }
  | EmbedRoute;

export type PlaygroundRoute = Extract<Route, { page: 'playground' }>;

export const PLAYGROUND: PlaygroundRoute = { page: 'playground', code: null, step: null };

/** A step from the URL: a non-negative integer, or null for anything else. */
function stepParam(text: string | null | undefined): number | null {
  if (text == null || !/^\d{1,9}$/.test(text)) return null;
  return Number(text);
}

export function parseRoute(hash: string): Route {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  const q = raw.indexOf('?');
  const path = (q < 0 ? raw : raw.slice(0, q)).replace(/^\/+|\/+$/g, '');
  const params = new URLSearchParams(q < 0 ? '' : raw.slice(q + 1));
  const parts = path.split('/').filter(Boolean);
  if (parts[0] === 'lessons' && parts[1]) {
    let slug = parts[1];
    try {
      slug = decodeURIComponent(slug);
    } catch {
      // keep it as written
    }
    const route = { page: 'lesson', slug, step: stepParam(parts[2]) } as const;
    return params.has('presenter') ? { ...route, presenter: true } : route;
  }
  if (parts[0] === 'lessons' && parts.length === 1) return { page: 'lessons' };
  if (parts[0] === 'speaker') return { page: 'speaker' };
  const encoded = params.get('code');
  let code: string | null = null;
  if (encoded && encoded.length <= MAX_LINK_CODE) {
    try {
      code = decodeProgram(encoded);
    } catch {
      code = null; // a damaged link opens the saved program rather than garbage
    }
  }
  if (parts[0] === 'embed') {
    const lesson =
      parts[1] === 'lessons' && parts[2]
        ? { slug: safeDecode(parts[2]), step: stepParam(parts[3]) }
        : null;
    const step = stepParam(params.get('step'));
    return { page: 'embed', code, step, lesson, editor: params.has('editor') };
  }
  return { page: 'playground', code, step: stepParam(params.get('step')) };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export function formatRoute(route: Route): string {
  if (route.page === 'lessons') return '#/lessons';
  if (route.page === 'lesson') {
    const step = route.step === null ? '' : `/${route.step}`;
    return `#/lessons/${encodeURIComponent(route.slug)}${step}${route.presenter ? '?presenter' : ''}`;
  }
  if (route.page === 'speaker') return '#/speaker';
  if (route.page === 'embed' && route.lesson) {
    const step = route.lesson.step === null ? '' : `/${route.lesson.step}`;
    return `#/embed/lessons/${encodeURIComponent(route.lesson.slug)}${step}${route.editor ? '?editor' : ''}`;
  }
  const params: string[] = [];
  if (route.code !== null) params.push(`code=${encodeProgram(route.code)}`);
  if (route.step !== null) params.push(`step=${route.step}`);
  if (route.page === 'embed') {
    if (route.editor) params.push('editor');
    return `#/embed${params.length ? `?${params.join('&')}` : ''}`;
  }
  return `#/playground${params.length ? `?${params.join('&')}` : ''}`;
}

// ---------------------------------------------------------------------------------------------
// base64url of UTF-8 (RFC 4648 §5, no padding): safe in a URL without escaping, and written out
// by hand so that the same code runs in Node tests and in the page.
// ---------------------------------------------------------------------------------------------

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUE = new Map([...ALPHABET].map((c, i) => [c, i]));

export function encodeProgram(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] as number;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += ALPHABET[(n >> 18) & 63];
    out += ALPHABET[(n >> 12) & 63];
    if (b !== undefined) out += ALPHABET[(n >> 6) & 63];
    if (c !== undefined) out += ALPHABET[n & 63];
  }
  return out;
}

/** Throws on text that is not base64url of UTF-8 (also accepts `+`, `/` and `=` padding). */
export function decodeProgram(encoded: string): string {
  const clean = encoded.replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  if (clean.length % 4 === 1) throw new Error('Not base64url: wrong length.');
  const bytes: number[] = [];
  let bits = 0;
  let acc = 0;
  for (const ch of clean) {
    const v = VALUE.get(ch);
    if (v === undefined) throw new Error(`Not base64url: ${JSON.stringify(ch)}.`);
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((acc >> bits) & 255);
    }
  }
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bytes));
}
