/**
 * The projector layout's bar: what is shown (a lesson step or the playground), Run, how far the
 * clicker moves, the zoom steps, high contrast, the speaker window, the follow-along link, export,
 * blank, and the way out. Every control has a name a screen reader and a test can find, and a key
 * (shown in its title).
 */
import type { ReactNode } from 'react';
import type { Granularity } from '../../store/slices/presenter.ts';

export interface PresenterBarProps {
  title: string;
  zoom: number;
  minZoom: number;
  maxZoom: number;
  highContrast: boolean;
  granularity: Granularity;
  speakerConnected: boolean;
  /** Run / Stop, as in the normal header. */
  run: ReactNode;
  /** The export menu. */
  exporter: ReactNode;
  onZoomIn(): void;
  onZoomOut(): void;
  onHighContrast(on: boolean): void;
  onGranularity(granularity: Granularity): void;
  onSpeaker(): void;
  onFollowAlong(): void;
  onBlank(): void;
  onExit(): void;
}

export function PresenterBar(p: PresenterBarProps) {
  return (
    <header className="app-header presenter-bar">
      <h1 className="presenter-bar__title">{p.title}</h1>
      {p.run}
      <ClickerField granularity={p.granularity} onGranularity={p.onGranularity} />
      <ZoomControls {...p} />
      <button
        type="button"
        className="button"
        aria-pressed={p.highContrast}
        onClick={() => p.onHighContrast(!p.highContrast)}
      >
        High contrast
      </button>
      <span className="presenter-bar__gap" />
      <button
        type="button"
        className="button"
        onClick={p.onSpeaker}
        aria-keyshortcuts="S"
        title="Open the speaker window: notes, the next handoff and the time, on your own screen (S)"
      >
        Speaker window
        {p.speakerConnected && <span className="presenter-bar__dot"> (connected)</span>}
      </button>
      <button type="button" className="button" onClick={p.onFollowAlong}>
        Follow along
      </button>
      {p.exporter}
      <button
        type="button"
        className="button"
        onClick={p.onBlank}
        aria-keyshortcuts="B"
        title="Blank the screen; any key brings it back (B)"
      >
        Blank
      </button>
      <button
        type="button"
        className="button button--primary"
        onClick={p.onExit}
        aria-keyshortcuts="P"
        title="Leave presenter mode (P)"
      >
        Exit presenter mode
      </button>
    </header>
  );
}

/** How far PageDown / PageUp move: one handoff or one line step. */
function ClickerField({
  granularity,
  onGranularity,
}: Pick<PresenterBarProps, 'granularity' | 'onGranularity'>) {
  return (
    <label className="presenter-bar__field" title="How far PageDown / PageUp (a clicker) move">
      <span>Clicker:</span>
      <select value={granularity} onChange={(e) => onGranularity(e.target.value as Granularity)}>
        <option value="handoff">one handoff</option>
        <option value="step">one line step</option>
      </select>
    </label>
  );
}

/** Zoom out, the level, zoom in; a button at its limit says so (aria-disabled) and does nothing. */
function ZoomControls({
  zoom,
  minZoom,
  maxZoom,
  onZoomIn,
  onZoomOut,
}: Pick<PresenterBarProps, 'zoom' | 'minZoom' | 'maxZoom' | 'onZoomIn' | 'onZoomOut'>) {
  return (
    <fieldset className="presenter-bar__group" aria-label="Zoom">
      <button
        type="button"
        className="button"
        onClick={zoom > minZoom ? onZoomOut : undefined}
        aria-disabled={zoom <= minZoom || undefined}
        aria-keyshortcuts="-"
        title="Zoom out (−)"
      >
        A−
        <span className="sr-only">Zoom out</span>
      </button>
      <output className="presenter-bar__zoom" aria-label="Zoom level">
        {zoom} %
      </output>
      <button
        type="button"
        className="button"
        onClick={zoom < maxZoom ? onZoomIn : undefined}
        aria-disabled={zoom >= maxZoom || undefined}
        aria-keyshortcuts="+"
        title="Zoom in (+)"
      >
        A+
        <span className="sr-only">Zoom in</span>
      </button>
    </fieldset>
  );
}

/** The black screen the audience sees while the screen is blanked. */
export function BlankScreen() {
  return <div className="presenter-blank" role="img" aria-label="Blank screen (press any key)" />;
}

/** The button that turns presenter mode on, for the normal header. */
export function PresenterToggle({ onClick }: { onClick(): void }) {
  return (
    <button
      type="button"
      className="button button--quiet"
      onClick={onClick}
      aria-keyshortcuts="P"
      title="Presenter mode: large type for a projector, driven by keyboard or clicker (P)"
    >
      Presenter mode
    </button>
  );
}
