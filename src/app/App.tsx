/**
 * The playground page. Each pane subscribes to the store slices it shows, so typing re-renders
 * the editor and the status bar, and stepping re-renders the panes that depend on the step, and
 * nothing else. Every pane derives what it shows from `stateAt(trace, step)` through the memoised
 * view models in src/store/views.ts.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import {
  consoleView,
  focusedPicture,
  hidesLaterOutput,
  isLive,
  isRecording,
  isStale,
  lastStepOf,
  lessonHighlight,
  linkProblem,
  narrationAt,
  recordingNote,
  runProgress,
  runTone,
  SPEEDS,
  speedLabel,
  stateAtStep,
  statusText,
  stepText,
  timeText,
  waitingNarration,
  withoutLaterOutput,
} from '../store/index.ts';
import { useLab, useLabStore } from '../store/react.tsx';
import { adviceSummary, coach, type TaskId, taskName } from '../trace/index.ts';
import { ConsolePanel } from '../ui/console/ConsolePanel.tsx';
import { Transport } from '../ui/controls/Transport.tsx';
import { coachDiagnostics, editorMarkers, traceDiagnostics } from '../ui/editor/markers.ts';
import { ProgramEditor } from '../ui/editor/ProgramEditor.tsx';
import { PlaygroundLayout } from '../ui/layout/PlaygroundLayout.tsx';
import { useElementHeight } from '../ui/layout/use-element-size.ts';
import { NarrationBar } from '../ui/narration/NarrationBar.tsx';
import { longestLine } from '../ui/presenter/code-width.ts';
import { PresenterLayout } from '../ui/presenter/PresenterLayout.tsx';
import { LocalsNoteContext, SimulatorPanel } from '../ui/simulator/index.ts';
import { StatusBar } from '../ui/status/StatusBar.tsx';
import { Timeline } from '../ui/timeline/index.ts';
import { EmbedPage } from './embed/EmbedPage.tsx';
import { Header } from './Header.tsx';
import { LessonListPage, LessonStepPage } from './LessonPage.tsx';
import { LinkNotice } from './link-notice.tsx';
import { PresenterHeader, PresenterLesson, PresenterStage } from './presenter/PresenterShell.tsx';
import { usePresenterKeys } from './presenter/use-presenter-keys.ts';
import { useRoute } from './router.ts';
import { SpeakerPage } from './speaker/SpeakerPage.tsx';
import { StartHere } from './start-here.tsx';
import { useFocusRequests } from './use-focus-requests.ts';
import { usePlayer } from './use-player.ts';
import { useShortcuts } from './use-shortcuts.ts';

function EditorPane() {
  const source = useLab((s) => s.source);
  const setSource = useLab((s) => s.setSource);
  const trace = useLab((s) => s.trace);
  const step = useLab((s) => s.step);
  const stale = useLab(isStale);
  const highlight = useLab(lessonHighlight);
  const state = trace ? stateAtStep(trace, step) : null;
  const markers = useMemo(
    () => (trace && state && trace.events.length > 0 ? editorMarkers(trace, state) : []),
    [trace, state],
  );
  const diagnostics = useMemo(
    () => (trace ? [...traceDiagnostics(trace), ...coachDiagnostics(trace)] : []),
    [trace],
  );
  return (
    <section className="panel panel--editor" aria-labelledby="program-heading">
      <h2 id="program-heading" className="panel__title">
        {trace?.file ?? 'main.py'}
      </h2>
      <ProgramEditor
        value={source}
        onChange={setSource}
        markers={markers}
        diagnostics={stale ? [] : diagnostics}
        stale={stale}
        highlightLines={highlight}
        revealLine={!stale && state?.line != null ? state.line : undefined}
      />
    </section>
  );
}

function SimulatorPane() {
  const trace = useLab((s) => s.trace);
  const step = useLab((s) => s.step);
  const running = useLab((s) => s.running);
  const showInternal = useLab((s) => s.showInternal);
  const setShowInternal = useLab((s) => s.setShowInternal);
  const selectedTask = useLab((s) => s.selectedTask);
  const selectTask = useLab((s) => s.selectTask);
  const focusRuns = useLab((s) => s.focusRuns);
  const canFocus = useLab((s) => s.canFocus);
  useFocusRequests();
  if (!trace) {
    return (
      <section className="panel panel--simulator" aria-label="Simulator">
        <div className="empty-state">
          <p className="empty-state__title">
            {running
              ? 'The picture appears as the run goes.'
              : 'Press Run to watch the event loop.'}
          </p>
          <p className="empty-state__text">
            The program runs in real Python in your browser. Then step through it: which task holds
            control, what every other one is waiting for, and why.
          </p>
        </div>
      </section>
    );
  }
  const picture = focusedPicture(focusRuns, trace, step, canFocus);
  return (
    <section className="panel panel--simulator" aria-label="Simulator">
      <LocalsNoteContext.Provider value={picture.locals}>
        <SimulatorPanel
          trace={trace}
          state={picture.state}
          previous={picture.previous}
          showInternal={showInternal}
          onShowInternalChange={setShowInternal}
          selectedTask={selectedTask}
          onSelectTask={selectTask}
        />
      </LocalsNoteContext.Provider>
    </section>
  );
}

function ConsolePane() {
  const trace = useLab((s) => s.trace);
  const step = useLab((s) => s.step);
  const seek = useLab((s) => s.seek);
  const hideLater = useLab(hidesLaterOutput);
  const full = trace ? consoleView(trace, step) : null;
  const view = useMemo(
    () => (full && hideLater ? withoutLaterOutput(full) : full),
    [full, hideLater],
  );
  const nameOf = useCallback(
    (id: TaskId) =>
      trace ? taskName(stateAtStep(trace, trace.events.length - 1), id, trace) : taskName(null, id),
    [trace],
  );
  const advice = useMemo(() => (trace ? coach(trace) : []), [trace]);
  // Hidden later lines, or a run still streaming: an empty console is only empty so far.
  const live = useLab(isLive);
  const waiting = useLab((s) => s.running && s.trace === null);
  const moreToCome = live || waiting || (full !== null && view !== null && full.total > view.total);
  return (
    <ConsolePanel
      view={view}
      step={step}
      taskName={nameOf}
      onSeek={seek}
      advice={advice}
      moreToCome={moreToCome}
    />
  );
}

function NarrationPane() {
  const trace = useLab((s) => s.trace);
  const step = useLab((s) => s.step);
  const playing = useLab((s) => s.playing);
  const waiting = useLab(waitingNarration);
  if (!trace) {
    return <NarrationBar text={waiting} holder={null} playing={false} started={false} />;
  }
  const state = stateAtStep(trace, step);
  return (
    <NarrationBar text={narrationAt(trace, step)} holder={state.holder} playing={playing} started />
  );
}

function TransportPane() {
  const trace = useLab((s) => s.trace);
  const step = useLab((s) => s.step);
  const playing = useLab((s) => s.playing);
  const speed = useLab((s) => s.speed);
  // While a run streams, its live picture can be stepped through already.
  const locked = useLab((s) => s.running && !isLive(s));
  // Actions never change: read them once instead of subscribing to the whole state.
  const a = useLabStore().getState();
  const last = lastStepOf(trace);
  return (
    <Transport
      step={step}
      last={last}
      playing={playing}
      speed={speed}
      speeds={SPEEDS}
      speedLabel={speedLabel}
      valueText={trace ? `${stepText(trace, step)}, ${timeText(trace, step)}` : 'No run yet'}
      disabled={!trace || locked}
      onSeek={a.seek}
      onFirst={a.firstStep}
      onLast={a.lastStep}
      onStepBack={a.stepBack}
      onStepForward={a.stepForward}
      onPrevHandoff={a.prevHandoff}
      onNextHandoff={a.nextHandoff}
      onTogglePlay={a.togglePlay}
      onSpeed={a.setSpeed}
    />
  );
}

function TimelinePane() {
  const trace = useLab((s) => s.trace);
  const step = useLab((s) => s.step);
  const seek = useLab((s) => s.seek);
  const showInternal = useLab((s) => s.showInternal);
  const axis = useLab((s) => s.timelineAxis);
  const setAxis = useLab((s) => s.setTimelineAxis);
  const box = useRef<HTMLDivElement>(null);
  const height = useElementHeight(box);
  return (
    <div className="timeline-box" ref={box}>
      {trace && trace.events.length > 0 ? (
        <Timeline
          trace={trace}
          step={step}
          onSeek={seek}
          axis={axis}
          onAxisChange={setAxis}
          showInternal={showInternal}
          height={height}
        />
      ) : (
        <section className="timeline-empty" aria-label="Timeline">
          <p>The timeline of who held control appears here after a run.</p>
        </section>
      )}
    </div>
  );
}

function StatusPane() {
  const trace = useLab((s) => s.trace);
  const step = useLab((s) => s.step);
  const runText = useLab(statusText);
  const tone = useLab(runTone);
  const stale = useLab(isStale);
  // runProgress builds a new object each time: compare it by its fields, or React loops.
  const progress = useLab(useShallow(runProgress));
  const first = trace ? coach(trace)[0] : undefined;
  return (
    <StatusBar
      stepText={stepText(trace, step)}
      timeText={timeText(trace, step)}
      runText={runText}
      tone={tone}
      progress={progress}
      stale={stale}
      coachText={first ? adviceSummary(first) : undefined}
    />
  );
}

/** The player bar: a landmark of its own, so a screen reader can jump to the replay's controls. */
function PlayerPane({ firstVisit = false }: { firstVisit?: boolean }) {
  const recording = useLab(isRecording);
  const note = useLab(recordingNote);
  return (
    <section className="player" aria-label="Player">
      <TransportPane />
      <StatusPane />
      {recording ? (
        <p className="recording-note">
          <strong>A recorded run</strong> of this program, made when the site was built. {note}
          {firstVisit && <StartHere />}
        </p>
      ) : (
        // Without the recording's note, the pointer shares the status's row (a row is precious
        // at 1024×768: the picture above needs it).
        firstVisit && <StartHere />
      )}
    </section>
  );
}

export function App({ defaultSource }: { defaultSource: string }) {
  const store = useLabStore();
  const route = useRoute(store, defaultSource);
  usePlayer();
  useShortcuts();
  usePresenterKeys(route.page);
  const presenting = useLab((s) => s.presenting);
  const codeColumns = useLab((s) => longestLine(s.source));
  const zoom = useLab((s) => s.zoom);
  const [problem] = useState(() => linkProblem(window.location.hash));

  if (route.page === 'speaker') return <SpeakerPage />;
  if (route.page === 'embed') {
    return (
      <EmbedPage
        route={route}
        problem={problem}
        editor={route.editor ? <EditorPane /> : null}
        simulator={<SimulatorPane />}
        narration={<NarrationPane />}
        footer={<TransportPane />}
      />
    );
  }
  if (route.page === 'lessons') return <LessonListPage header={<Header page="lessons" />} />;

  const lesson = route.page === 'lesson';
  if (presenting) {
    const panes = (
      <PresenterLayout
        editor={<EditorPane />}
        simulator={<SimulatorPane />}
        console={<ConsolePane />}
        narration={<NarrationPane />}
        footer={<PlayerPane />}
        codeColumns={codeColumns}
        zoom={zoom / 100}
      />
    );
    return (
      <PresenterStage header={<PresenterHeader />}>
        {lesson ? <PresenterLesson playground={panes} /> : panes}
      </PresenterStage>
    );
  }
  const playground = (
    <PlaygroundLayout
      header={lesson ? null : <LinkNotice problem={problem}>{<Header />}</LinkNotice>}
      editor={<EditorPane />}
      simulator={<SimulatorPane />}
      console={<ConsolePane />}
      narration={<NarrationPane />}
      timeline={<TimelinePane />}
      footer={<PlayerPane firstVisit={!lesson} />}
      // A lesson's picture shares the width with its prose: its editor keeps the fixed split.
      codeColumns={lesson ? undefined : codeColumns}
    />
  );
  if (lesson) {
    return (
      <LessonStepPage
        header={<Header page="lesson" />}
        playground={playground}
        presenter={route.presenter === true}
      />
    );
  }
  return playground;
}
