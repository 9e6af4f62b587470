/** Views of the store as plain functions of its state. */
import { formatCount, limitText, plural, stepCount } from '../trace/index.ts';
import type { LabState } from './lab-state.ts';
import type { PlaygroundRoute } from './route.ts';
import { isRecording } from './slices/recording.ts';
import { maxStepsOf } from './views.ts';

/** The one sentence the run status shows: loading, running, how the last run ended. */
export function statusText(state: LabState): string {
  const { runtime, running, trace, failure } = state;
  if (running) {
    return runtime.state === 'loading'
      ? 'Loading Python…'
      : `Running… ${plural(state.streamed, 'step')}`;
  }
  if (failure) return failure;
  // A recording is not a run of the learner's: the status speaks of Python until they run.
  if (trace && !isRecording(state)) {
    if (trace.status === 'completed') return `Completed in ${stepCount(trace.stats.steps)}`;
    if (trace.status === 'limit' && trace.limit) return limitText(trace) ?? trace.limit.message;
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

/**
 * The narration while there is no picture yet. One state, one message: a run that waits for
 * Python says so (the status bar says "Loading Python…" then too), and only a run that Python
 * has started is "being traced".
 */
export function waitingNarration(state: LabState): string {
  if (!state.running) return 'Run the program, then step through it with the arrow keys.';
  if (state.runtime.state === 'loading') {
    return 'Loading Python… (a first visit takes about 10 s). Your program runs as soon as it is ready.';
  }
  return 'Python is tracing the program: every line, every handoff, every wait.';
}

/** The recorded run's note: how the learner's own run takes its place. */
export function recordingNote(state: LabState): string {
  if (!state.running) return 'Press Run to run it yourself.';
  return state.runtime.state === 'loading'
    ? 'Yours runs as soon as Python is ready, and replaces it.'
    : 'Yours replaces it as soon as it starts.';
}

/** How the last run ended, as a tone for the status bar's colour (words say it too). */
export function runTone(state: LabState): 'busy' | 'ok' | 'error' | 'limit' | 'idle' {
  if (state.running) return 'busy';
  if (state.failure || state.runtime.state === 'failed') return 'error';
  if (!state.trace || isRecording(state))
    return state.runtime.state === 'loading' ? 'busy' : 'idle';
  if (state.trace.status === 'completed') return 'ok';
  return state.trace.status === 'limit' ? 'limit' : 'error';
}

/** The editor's program differs from the one whose run is shown. */
export function isStale(state: LabState): boolean {
  return state.trace !== null && state.trace.source !== state.source;
}

/** Progress of the run in progress, against its step limit (null when nothing runs). */
export function runProgress(state: LabState): { value: number; max: number; text: string } | null {
  if (!state.running) return null;
  const max = maxStepsOf(state.source);
  return {
    value: Math.min(state.streamed, max),
    max,
    text: `${plural(state.streamed, 'step')} so far (the limit is ${formatCount(max)})`,
  };
}

/** Whether playback controls have something to move over. */
export function canNavigate(state: LabState): boolean {
  return state.trace !== null && state.trace.events.length > 1;
}

/**
 * What the URL says is open (see route.ts): the editor's program, once it is not the default one
 * or has been run, and the step shown when the picture belongs to that program.
 */
export function playgroundRoute(state: LabState, defaultSource: string): PlaygroundRoute {
  // The recording is what a first visit shows anyway: it leaves the address as a first visit's.
  const ran = state.trace !== null && !isRecording(state);
  const code = ran || state.running || state.source !== defaultSource ? state.source : null;
  let step: number | null = null;
  if (state.running) step = state.pendingStep;
  else if (ran && !isStale(state) && state.trace !== null && state.trace.events.length > 0) {
    step = state.step;
  }
  return { page: 'playground', code, step };
}

/** The link Share copies: always the program, and the step when the picture is of it. */
export function shareRoute(state: LabState): PlaygroundRoute {
  const step = state.trace !== null && !isStale(state) && !state.running ? state.step : null;
  return { page: 'playground', code: state.source, step };
}
