/**
 * The run slice: the Python runtime's status, the run in progress (with its step count) and the
 * last trace. Running goes through a `Runner` (the LabClient in the browser, a fake in tests).
 */
import type { StateCreator } from 'zustand/vanilla';
import type { RunCallbacks, RuntimeStatus } from '../../runtime/client.ts';
import type { RunOptions } from '../../runtime/protocol.ts';
import type { Trace } from '../../runtime/run-trace.ts';
import type { LabState } from '../lab-state.ts';

/** What the run slice needs from the runtime. */
export interface Runner {
  run(source: string, options?: RunOptions, callbacks?: RunCallbacks): Promise<Trace>;
  stop(): void;
  getStatus(): RuntimeStatus;
  subscribe(listener: (status: RuntimeStatus) => void): () => void;
}

export interface RunSlice {
  runtime: RuntimeStatus;
  running: boolean;
  /** Steps streamed so far by the run in progress. */
  steps: number;
  /** The last finished run's trace (kept while the next one runs). */
  trace: Trace | null;
  /** When Event Loop Lab itself failed (not the program): one sentence. */
  failure: string | null;
  run(): Promise<void>;
  stop(): void;
}

export function createRunSlice(runner: Runner): StateCreator<LabState, [], [], RunSlice> {
  return (set, get) => {
    runner.subscribe((runtime) => set({ runtime }));
    return {
      runtime: runner.getStatus(),
      running: false,
      steps: 0,
      trace: null,
      failure: null,
      async run() {
        if (get().running) return;
        set({ running: true, steps: 0, failure: null });
        try {
          const trace = await runner.run(
            get().source,
            {},
            { onProgress: (steps) => set({ steps }) },
          );
          set({ trace, running: false, steps: trace.stats.steps });
        } catch (error) {
          set({ running: false, failure: error instanceof Error ? error.message : String(error) });
        }
      },
      stop() {
        runner.stop();
      },
    };
  };
}
