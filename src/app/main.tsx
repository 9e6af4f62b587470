import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserLabClient } from '../runtime/browser-client.ts';
import { createLabStore, webTextStore } from '../store/index.ts';
import { LabStoreProvider } from '../store/react.tsx';
import { App } from './App.tsx';
import { DEFAULT_PROGRAM } from './default-program.ts';
import { loadLessons } from './lessons-data.ts';
import './app.css';

const PROGRAM_KEY = 'event-loop-lab:program';

/** `?watchdog=3000` shortens the silent-worker timeout (the e2e suite uses it). */
function watchdogFromUrl(): number | undefined {
  const value = Number(new URLSearchParams(window.location.search).get('watchdog'));
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

function localStorageOrNothing(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined; // storage disabled: edits live as long as the page
  }
}

// One worker for the page's lifetime: Python loads while the learner reads the program.
const client = createBrowserLabClient({ watchdogMs: watchdogFromUrl() });
const store = createLabStore({
  runner: client,
  textStore: webTextStore(PROGRAM_KEY, localStorageOrNothing()),
  defaultSource: DEFAULT_PROGRAM,
  lessonStorage: localStorageOrNothing(),
});
// The lessons (and their build-time traces) load beside the page, not before it.
loadLessons(store);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <LabStoreProvider store={store}>
      <App defaultSource={DEFAULT_PROGRAM} />
    </LabStoreProvider>
  </StrictMode>,
);
