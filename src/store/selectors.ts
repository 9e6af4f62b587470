/** Views of the store as plain functions of its state. */
import type { LabState } from './lab-state.ts';

function steps(n: number): string {
  return `${n.toLocaleString('en-US')} step${n === 1 ? '' : 's'}`;
}

/** The one sentence the status line shows. */
export function statusText(state: LabState): string {
  const { runtime, running, trace, failure } = state;
  if (running) {
    return runtime.state === 'loading' ? 'Loading Python…' : `Running… ${steps(state.steps)}`;
  }
  if (failure) return failure;
  if (trace) {
    if (trace.status === 'completed') return `Completed in ${steps(trace.stats.steps)}`;
    if (trace.status === 'limit' && trace.limit) return trace.limit.message;
    if (trace.error) {
      const where = trace.error.line == null ? '' : ` on line ${trace.error.line}`;
      const what = trace.error.message
        ? `${trace.error.type}: ${trace.error.message}`
        : trace.error.type;
      return `The program raised ${what}${where}.`;
    }
  }
  switch (runtime.state) {
    case 'loading':
      return 'Loading Python…';
    case 'ready':
      return `Python ${runtime.pythonVersion} ready`;
    case 'failed':
      return runtime.message;
  }
}
