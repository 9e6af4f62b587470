/**
 * The run slice: the Python runtime's status, the run in progress (with its step count) and the
 * last trace. Running goes through a `Runner` (the LabClient in the browser, a fake in tests).
 *
 * The live picture: while a run streams, the runner hands over partial traces a few times a
 * second; each becomes `trace` (its limit kind is `running`: see `isLive`), so the timeline grows and the learner can step
 * through what has arrived. The cursor stays where the learner put it; the final trace replaces
 * the last partial one when the run ends.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { RunCallbacks, RuntimeStatus } from '../../runtime/client.ts';
import type { RunOptions } from '../../runtime/protocol.ts';
import type { Trace } from '../../runtime/run-trace.ts';
import type { LabState } from '../lab-state.ts';
import { clampStep } from './playback.ts';

/** What the run slice needs from the runtime. */
export interface Runner {
  run(source: string, options?: RunOptions, callbacks?: RunCallbacks): Promise<Trace>;
  stop(): void;
  getStatus(): RuntimeStatus;
  subscribe(listener: (status: RuntimeStatus) => void): () => void;
}

/**
 * The page's runs record no locals at suspends outside the detail window (a third of the
 * tracer's time on a long run; the tracer's default since trace version 2, asked for here so the
 * focus slice can rely on it): the focus slice gets exact ones there when they are looked at.
 */
export const PAGE_RUN_OPTIONS: RunOptions = Object.freeze({ suspendLocals: false });

/** Whether `state.trace` is a live (partial) trace of the run in progress. */
export function isLive(state: { running: boolean; trace: Trace | null }): boolean {
  return state.running && state.trace?.limit?.kind === 'running';
}

export interface RunRequest {
  /** Where the cursor goes once the trace is in (a shared link's step); the first step if absent. */
  step?: number | null;
}

export interface RunSlice {
  runtime: RuntimeStatus;
  running: boolean;
  /** Steps streamed so far by the run in progress. */
  streamed: number;
  /**
   * The last finished run's trace (kept, and still replayable, while the next one runs until its
   * first live trace arrives), or the run in progress's live trace (`isLive`).
   */
  trace: Trace | null;
  /** The step the run in progress will open at (a shared link's), or null. */
  pendingStep: number | null;
  /** How many runs have finished: views reset their scroll and selection when it changes. */
  runCount: number;
  /** When Event Loop Lab itself failed (not the program): one sentence. */
  failure: string | null;
  /** Traces the editor's program; the cursor then goes to `request.step` or the first step. */
  run(request?: RunRequest): Promise<void>;
  stop(): void;
}

export interface RunSliceHooks {
  /** A run finished and is shown (the program it ran is still the editor's). */
  onShown?(trace: Trace): void;
}

export function createRunSlice(
  runner: Runner,
  hooks: RunSliceHooks = {},
): StateCreator<LabState, [], [], RunSlice> {
  return (set, get) => {
    runner.subscribe((runtime) => set({ runtime }));
    return {
      runtime: runner.getStatus(),
      running: false,
      streamed: 0,
      trace: null,
      runCount: 0,
      pendingStep: null,
      failure: null,
      async run(request = {}) {
        if (get().running) return;
        const pendingStep = request.step ?? null;
        const programKey = get().programKey;
        set({ running: true, playing: false, streamed: 0, failure: null, pendingStep });
        /** Whether a live trace of this run has been shown (the views were reset for it then). */
        let shown = false;
        const onPartial = (partial: Trace) => {
          if (get().programKey !== programKey || !get().running) return;
          const first = !shown;
          shown = true;
          set({
            trace: partial,
            step: clampStep(partial, first ? 0 : get().step),
            ...(first ? { selectedTask: null, runCount: get().runCount + 1 } : {}),
          });
        };
        try {
          const trace = await runner.run(get().source, PAGE_RUN_OPTIONS, {
            onProgress: (streamed) => set({ streamed }),
            onPartial,
          });
          if (get().programKey !== programKey) {
            // The editor was given another program while this one ran: what is shown stays.
            set({
              running: false,
              streamed: get().trace?.stats.steps ?? 0,
              pendingStep: null,
              playing: false,
              selectedTask: null,
              runCount: get().runCount + 1,
            });
            return;
          }
          // After a live picture the learner's cursor stays (unless a link asked for a step).
          const step = pendingStep ?? (shown ? get().step : 0);
          set({
            trace,
            running: false,
            streamed: trace.stats.steps,
            step: clampStep(trace, step),
            pendingStep: null,
            playing: false,
            ...(shown ? {} : { selectedTask: null, runCount: get().runCount + 1 }),
          });
          hooks.onShown?.(trace);
        } catch (error) {
          set({
            running: false,
            pendingStep: null,
            failure: error instanceof Error ? error.message : String(error),
          });
        }
      },
      stop() {
        runner.stop();
      },
    };
  };
}
