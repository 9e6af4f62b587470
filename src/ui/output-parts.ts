/**
 * Splits a run's output into stdout and stderr pieces in the order they were written: the `out`
 * events give the interleaving; whatever the top-level `stdout`/`stderr` hold beyond them (say,
 * a traceback written after the last event) follows at the end.
 */
import type { Trace } from '../runtime/run-trace.ts';

export interface OutputPart {
  stream: 'stdout' | 'stderr';
  text: string;
}

export function outputParts(trace: Pick<Trace, 'events' | 'stdout' | 'stderr'>): OutputPart[] {
  const parts: OutputPart[] = [];
  let out = '';
  let err = '';
  const push = (stream: OutputPart['stream'], text: string) => {
    if (!text) return;
    const last = parts[parts.length - 1];
    if (last?.stream === stream) last.text += text;
    else parts.push({ stream, text });
  };
  for (const event of trace.events) {
    if (typeof event === 'number' || event.k !== 'out') continue;
    const text = String(event.s);
    if (event.e) {
      err += text;
      push('stderr', text);
    } else {
      out += text;
      push('stdout', text);
    }
  }
  if (trace.stdout.startsWith(out)) push('stdout', trace.stdout.slice(out.length));
  if (trace.stderr.startsWith(err)) push('stderr', trace.stderr.slice(err.length));
  return parts;
}
