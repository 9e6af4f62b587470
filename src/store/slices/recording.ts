/**
 * The recording slice: a trace recorded at build time (the default program's) shown before the
 * learner has run anything, so a first visit has a whole picture while Python is still loading.
 *
 * The recording is kept apart from the trace it is shown as: the picture is "a recording" exactly
 * while `trace` is that object (`isRecording`). A run replaces `trace`, so the recording ends
 * there; an edit drops it (`dropsRecording`: the picture would be of a program no longer in the
 * editor, and no run of the new text is on its way). A lesson opened and closed again brings it
 * back with the rest of the playground, since the lesson slice restores `trace` itself.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { Trace } from '../../runtime/run-trace.ts';
import type { LabState } from '../lab-state.ts';

export interface RecordingSlice {
  /** The build-time trace being (or once) shown as a recording, or null. */
  recording: Trace | null;
  /**
   * Shows `trace` as a recording, at its first step, when it is of the editor's program and
   * nothing else is shown or running (a returning learner's own program is never covered).
   */
  showRecording(trace: Trace): void;
}

/** Whether the picture is the recording (not a run of the learner's). */
export function isRecording(state: Pick<LabState, 'recording' | 'trace'>): boolean {
  return state.recording !== null && state.trace === state.recording;
}

/** The patch that drops the recording when the editor's text becomes `text` (else nothing). */
export function dropsRecording(state: LabState, text: string): Partial<LabState> {
  if (!isRecording(state) || state.recording?.source === text) return {};
  return { trace: null, step: 0, playing: false, selectedTask: null, runCount: state.runCount + 1 };
}

export function createRecordingSlice(): StateCreator<LabState, [], [], RecordingSlice> {
  return (set, get) => ({
    recording: null,
    showRecording(trace) {
      const s = get();
      if (s.trace !== null || s.running || s.source !== trace.source) return;
      set({
        recording: trace,
        trace,
        step: 0,
        playing: false,
        selectedTask: null,
        runCount: s.runCount + 1,
      });
    },
  });
}
