/**
 * What is wrong with a link, in one sentence for the person who opened it. The router opens
 * nothing from a damaged or oversized link (see `parseRoute`); this says why, so the page shows a
 * clear message instead of silently showing something else.
 */
import { decodeProgram, MAX_LINK_CODE } from './route.ts';

export function linkProblem(hash: string): string | null {
  const q = hash.indexOf('?');
  if (q < 0) return null;
  const params = new URLSearchParams(hash.slice(q + 1));
  const encoded = params.get('code');
  if (params.has('code') && !encoded) {
    return 'This link is damaged: it has no program in it. Nothing was opened from it.';
  }
  if (encoded) {
    if (encoded.length > MAX_LINK_CODE) {
      const kb = Math.round(encoded.length / 1024);
      return `This link is too long (${kb} KB; the limit is ${MAX_LINK_CODE / 1024} KB), so nothing was opened from it. Share a shorter program, or send the .py file.`;
    }
    try {
      decodeProgram(encoded);
    } catch {
      return 'This link is damaged (it was probably cut off or changed when it was copied), so nothing was opened from it. Ask for the link again.';
    }
  }
  const step = params.get('step');
  if (step !== null && !/^\d{1,9}$/.test(step)) {
    return `This link's step ("${step.slice(0, 20)}") is not a number, so the run opens at its first step.`;
  }
  return null;
}
