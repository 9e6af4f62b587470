/**
 * Keeps the audience window and the speaker window in step over a BroadcastChannel. This is a
 * side effect at the store's edge (as zustand's persist middleware is): it subscribes to the
 * store, posts what changed, and applies what the other window posted. Components never see
 * the channel.
 *
 * The audience window owns the run: it sends its trace, and answers every `hello` with the whole
 * picture. Either window may move the step, blank the screen, restart the clock or change the
 * lesson step. A change applied from the other window is not posted back (no echoes, so quick
 * clicks in one window never bounce). Either window can close; the other keeps working, and a
 * window that comes back says hello and is brought up to date.
 *
 * The speaker window opens the audience's lesson step in its own store, and that lesson may
 * still be loading (lessons and their traces are chunks of their own) when the audience's run
 * arrives; once loaded, the lesson would show its own shipped run over it. So a run is tagged
 * with its place (a lesson step, or the playground), and the speaker window holds it until its
 * own lesson for that place has loaded (the hold is ./presenter-mirror.ts).
 *
 * Pure TypeScript over a `ChannelLike`, so it is tested in Node with a fake channel.
 */
import type { Trace } from '../runtime/run-trace.ts';
import type { LabStore } from './create-lab-store.ts';
import type { LabState } from './lab-state.ts';
import { createMirror, type Mirror, samePlace } from './presenter-mirror.ts';
import type { LessonPlace } from './slices/lesson/index.ts';

export const PRESENTER_CHANNEL = 'event-loop-lab:presenter';

export type SyncRole = 'audience' | 'speaker';

/** Everything the windows say to each other: one discriminated union. */
export type SyncMessage =
  | { readonly kind: 'hello'; readonly role: SyncRole }
  | { readonly kind: 'bye'; readonly role: SyncRole }
  | {
      readonly kind: 'trace';
      readonly trace: Trace | null;
      readonly step: number;
      /** Where the audience shows this run: a lesson step, or the playground (null). */
      readonly place: LessonPlace | null;
    }
  | { readonly kind: 'step'; readonly step: number }
  | { readonly kind: 'lesson'; readonly place: LessonPlace | null }
  | { readonly kind: 'blank'; readonly blanked: boolean }
  | { readonly kind: 'clock'; readonly since: number | null };

/** The part of a BroadcastChannel the sync uses (a fake in tests). */
export interface ChannelLike {
  postMessage(message: SyncMessage): void;
  onmessage: ((event: { data: unknown }) => void) | null;
  close(): void;
}

export interface SyncOptions {
  role: SyncRole;
  /**
   * How the audience window opens a lesson step the speaker asked for (it changes the address,
   * so the router opens it). The speaker window opens it in its own store.
   */
  openLesson?: (place: LessonPlace | null) => void;
}

const KINDS = new Set(['hello', 'bye', 'trace', 'step', 'lesson', 'blank', 'clock']);

function isSyncMessage(data: unknown): data is SyncMessage {
  return (
    typeof data === 'object' && data !== null && KINDS.has((data as { kind?: string }).kind ?? '')
  );
}

/** The whole picture, for a window that just said hello. */
function snapshotMessages(s: LabState): SyncMessage[] {
  return [
    { kind: 'lesson', place: s.lessonAt },
    { kind: 'trace', trace: s.trace, step: s.step, place: s.lessonAt },
    { kind: 'blank', blanked: s.blanked },
    { kind: 'clock', since: s.presentingSince },
  ];
}

/** What changed between two states of the store, as messages for the other window, in order. */
function changeMessages(s: LabState, before: LabState, role: SyncRole): SyncMessage[] {
  const out: SyncMessage[] = [];
  // The lesson first: opening it in the other window shows its shipped run, which the trace
  // that follows then replaces with this window's.
  if (!samePlace(s.lessonAt, before.lessonAt)) out.push({ kind: 'lesson', place: s.lessonAt });
  if (role === 'audience' && s.trace !== before.trace) {
    out.push({ kind: 'trace', trace: s.trace, step: s.step, place: s.lessonAt });
  } else if (s.step !== before.step) {
    out.push({ kind: 'step', step: s.step });
  }
  if (s.blanked !== before.blanked) out.push({ kind: 'blank', blanked: s.blanked });
  if (s.presentingSince !== before.presentingSince) {
    out.push({ kind: 'clock', since: s.presentingSince });
  }
  return out;
}

/** How one window applies what the other posted. */
interface Receiver {
  store: LabStore;
  channel: ChannelLike;
  role: SyncRole;
  openPlace(place: LessonPlace | null): void;
  /** The audience's run in the speaker window (held while the lesson it belongs to loads). */
  mirror: Mirror;
}

function receive({ store, channel, role, openPlace, mirror }: Receiver, m: SyncMessage): void {
  const s = store.getState();
  switch (m.kind) {
    case 'hello':
      store.setState({ peerConnected: true });
      if (role === 'audience')
        for (const message of snapshotMessages(s)) channel.postMessage(message);
      else channel.postMessage({ kind: 'hello', role }); // the audience came (back): ask it
      return;
    case 'bye':
      store.setState({ peerConnected: false });
      return;
    case 'trace':
      // Only the speaker mirrors the audience's run; it never runs programs of its own.
      if (role === 'speaker') mirror.offer({ trace: m.trace, step: m.step, place: m.place });
      store.setState({ peerConnected: true });
      return;
    case 'step':
      if (!mirror.step(m.step) && m.step !== s.step) s.seek(m.step);
      return;
    case 'lesson':
      mirror.moved(m.place);
      openPlace(m.place);
      return;
    case 'blank':
      if (m.blanked !== s.blanked) s.setBlanked(m.blanked);
      return;
    case 'clock':
      if (m.since !== s.presentingSince) store.setState({ presentingSince: m.since });
      return;
  }
}

/** Connects the store to the channel; returns the function that disconnects (and says bye). */
export function connectPresenterSync(
  store: LabStore,
  channel: ChannelLike,
  { role, openLesson }: SyncOptions,
): () => void {
  /** True while a message from the other window is being applied: do not post it back. */
  let applying = false;

  const openPlace = (place: LessonPlace | null) => {
    if (samePlace(place, store.getState().lessonAt)) return;
    if (role === 'audience' && openLesson) return openLesson(place);
    if (place) store.getState().openLesson(place.slug, place.step);
    else store.getState().closeLesson();
  };
  /** Applies a change from the other window (not posted back). */
  const apply = (change: () => void) => {
    const was = applying;
    applying = true;
    try {
      change();
    } finally {
      applying = was;
    }
  };
  const mirror = createMirror(store, ({ trace, step }) =>
    apply(() => store.setState({ trace, step, playing: false })),
  );
  const receiver: Receiver = { store, channel, role, openPlace, mirror };

  channel.onmessage = (event) => {
    const m = event.data;
    if (isSyncMessage(m)) apply(() => receive(receiver, m));
  };

  const unsubscribe = store.subscribe((s, before) => {
    mirror.changed();
    if (applying) return;
    for (const message of changeMessages(s, before, role)) {
      // While the audience's run is held, this window's own steps are in another run.
      if (!(message.kind === 'step' && mirror.holding())) channel.postMessage(message);
    }
  });

  channel.postMessage({ kind: 'hello', role });
  return () => {
    unsubscribe();
    channel.postMessage({ kind: 'bye', role });
    channel.onmessage = null;
    channel.close();
  };
}
