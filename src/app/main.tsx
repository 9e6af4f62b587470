import { trace as defaultTrace } from 'virtual:default-trace';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserLabClient, createFocusRunner } from '../runtime/browser-client.ts';
import {
  createLabStore,
  memoryTextStore,
  warmReplayIndexes,
  webTextStore,
} from '../store/index.ts';
import { LabStoreProvider } from '../store/react.tsx';
import { parseTrace } from '../trace/index.ts';
import { App } from './App.tsx';
import { DEFAULT_PROGRAM } from './default-program.ts';
import { afterFirstPicture, isLessonLink } from './first-picture.ts';
import { browserIdleScheduler } from './idle-scheduler.ts';
import { preloadLessonTraces } from './lesson-traces-preload.ts';
import { loadLessons } from './lessons-data.ts';
import { registerOffline } from './offline/register.ts';
import { syncPresenterWindows } from './presenter/sync-edge.ts';
import { mirrorRunner, windowRole } from './presenter/window-role.ts';
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

// The speaker window never runs Python; an embed never writes over the visitor's saved work.
const role = windowRole(window.location.hash);
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// On a lesson link, Python and the offline cache start once the lesson's picture is painted
// (first-picture.ts); elsewhere at once.
const pictureFirst = isLessonLink(window.location.hash)
  ? afterFirstPicture(root, 3_000)
  : Promise.resolve();
// One worker for the page's lifetime: Python loads while the learner reads the program.
const client =
  role === 'speaker'
    ? mirrorRunner()
    : createBrowserLabClient({ watchdogMs: watchdogFromUrl() }, pictureFirst);
const store = createLabStore({
  runner: client,
  textStore:
    role === 'app' ? webTextStore(PROGRAM_KEY, localStorageOrNothing()) : memoryTextStore(),
  defaultSource: DEFAULT_PROGRAM,
  lessonStorage: role === 'app' ? localStorageOrNothing() : undefined,
  // Exact locals at far steps of a long run come from re-runs in a worker of their own.
  focusRunner: role === 'speaker' ? null : createFocusRunner({ watchdogMs: watchdogFromUrl() }),
});
if (role === 'speaker') store.setState({ presenting: true }); // its keys drive both windows
if (role !== 'embed') syncPresenterWindows(store, role === 'speaker' ? 'speaker' : 'audience');
void pictureFirst.then(() => registerOffline(role));
// The shown trace's replay checkpoints are built in idle slices: a far seek then finds them.
warmReplayIndexes(store, browserIdleScheduler());
// A first visit sees the default program's run, recorded at build time, while Python loads.
// (Only the playground's own window: an embed shows its own program, the speaker mirrors.)
if (role === 'app') store.getState().showRecording(parseTrace(defaultTrace));
// The lessons (and their build-time traces) load beside the page, not before it; a lesson
// link's traces at once, beside the lessons.
preloadLessonTraces(window.location.hash);
loadLessons(store);

createRoot(root).render(
  <StrictMode>
    <LabStoreProvider store={store}>
      <App defaultSource={DEFAULT_PROGRAM} />
    </LabStoreProvider>
  </StrictMode>,
);
