/** Checks on what the program printed: stdout's text, and warnings on stderr. */
import { type Trace, traceIndex } from '../../trace/index.ts';
import { plural } from '../../trace/words.ts';
import { quoteOutput } from '../lesson-words.ts';
import type { Verdict } from './verdict.ts';

export function outputContains(trace: Trace, text: string): Verdict {
  const step = stdoutStepContaining(trace, text);
  return trace.stdout.includes(text)
    ? { pass: true, reason: `It prints ${quoteOutput(text)}.`, step }
    : {
        pass: false,
        reason: `The output never contains ${quoteOutput(text)}.${outputSummary(trace)}`,
      };
}

export function outputLacks(trace: Trace, text: string): Verdict {
  const step = stdoutStepContaining(trace, text);
  return trace.stdout.includes(text)
    ? {
        pass: false,
        reason: `The output contains ${quoteOutput(text)}, and it should not.`,
        step,
      }
    : { pass: true, reason: `The output never contains ${quoteOutput(text)}.` };
}

export function outputEquals(trace: Trace, expected: string): Verdict {
  const norm = (s: string) => s.replace(/\r\n/g, '\n').replace(/\s+$/, '');
  const got = norm(trace.stdout);
  const want = norm(expected);
  if (got === want) return { pass: true, reason: 'The output is exactly as expected.' };
  const g = got.split('\n');
  const w = want.split('\n');
  for (let i = 0; i < Math.max(g.length, w.length); i++) {
    if (g[i] !== w[i]) {
      if (g[i] === undefined) {
        return {
          pass: false,
          reason: `The output stops after ${plural(g.length, 'line')}; line ${i + 1} should be ${quoteOutput(w[i] as string)}.`,
        };
      }
      if (w[i] === undefined) {
        return {
          pass: false,
          reason: `The output has more lines than expected: line ${i + 1} is ${quoteOutput(g[i] as string)}.`,
        };
      }
      return {
        pass: false,
        reason: `Line ${i + 1} of the output is ${quoteOutput(g[i] as string)}; it should be ${quoteOutput(w[i] as string)}.`,
      };
    }
  }
  return { pass: false, reason: 'The output differs from the expected output.' };
}

export function noWarnings(trace: Trace): Verdict {
  const warning = warnings(trace)[0];
  return warning
    ? {
        pass: false,
        reason: `Python printed a warning: ${quoteOutput(firstLine(warning.text))}.`,
        step: warning.step,
      }
    : { pass: true, reason: 'Python printed no warnings.' };
}

function firstLine(text: string): string {
  return text.split('\n').find((l) => l.trim() !== '') ?? text;
}

function stdoutStepContaining(trace: Trace, text: string): number | null {
  // A text may span several prints; point at the print that completes its first occurrence.
  const at = trace.stdout.indexOf(text);
  if (at < 0) return null;
  const end = at + text.length;
  let length = 0;
  for (const o of traceIndex(trace).outputs) {
    if (o.stream !== 'stdout') continue;
    length += o.text.length;
    if (length >= end) return o.step;
  }
  return null;
}

function outputSummary(trace: Trace): string {
  const lines = trace.stdout.split('\n').filter((l) => l !== '');
  if (lines.length === 0) return ' The program printed nothing.';
  const shown = lines.slice(0, 3).map((l) => quoteOutput(l));
  return ` It printed ${shown.join(', ')}${lines.length > 3 ? ` and ${lines.length - 3} more lines` : ''}.`;
}

/** Output on stderr other than the traceback of an exception that ended the run. */
function warnings(trace: Trace): { step: number; text: string }[] {
  const tb = trace.error?.traceback ?? null;
  return traceIndex(trace)
    .outputs.filter((o) => o.stream === 'stderr')
    .filter((o) => tb === null || !(o.text === tb || o.text.endsWith(tb) || tb.endsWith(o.text)))
    .map((o) => ({ step: o.step, text: o.text }));
}
