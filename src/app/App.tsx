import { useEffect, useMemo } from 'react';
import { statusText } from '../store/index.ts';
import { useLab } from '../store/react.tsx';
import { describeEvents } from '../ui/describe-events.ts';
import { ProgramEditor } from '../ui/editor/ProgramEditor.tsx';
import { OutputPanel } from '../ui/OutputPanel.tsx';
import { outputParts } from '../ui/output-parts.ts';
import { Toolbar } from '../ui/Toolbar.tsx';
import { TraceEventList } from '../ui/TraceEventList.tsx';

export function App() {
  const source = useLab((s) => s.source);
  const setSource = useLab((s) => s.setSource);
  const running = useLab((s) => s.running);
  const trace = useLab((s) => s.trace);
  const status = useLab(statusText);
  const run = useLab((s) => s.run);
  const stop = useLab((s) => s.stop);

  // Ctrl/Cmd+Enter runs from anywhere, the editor included. Capture phase: Monaco would
  // otherwise take the keystroke for "insert line below".
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        event.stopPropagation();
        void run();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [run]);

  const parts = useMemo(() => (trace ? outputParts(trace) : []), [trace]);
  const lines = useMemo(() => (trace ? describeEvents(trace) : []), [trace]);

  return (
    <div className="app">
      <header className="app__header">
        <h1 className="app__title">Event Loop Lab</h1>
        <Toolbar running={running} status={status} onRun={() => void run()} onStop={stop} />
      </header>
      <main className="app__main">
        <section className="panel panel--editor" aria-labelledby="program-heading">
          <h2 id="program-heading" className="panel__title">
            main.py
          </h2>
          <ProgramEditor value={source} onChange={setSource} />
        </section>
        <div className="app__side">
          <OutputPanel parts={parts} />
          <TraceEventList lines={lines} total={trace?.events.length ?? 0} />
        </div>
      </main>
    </div>
  );
}
