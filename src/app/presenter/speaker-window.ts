/** Opens the speaker window (the same app at `#/speaker`), or brings it forward if it is open. */
export const SPEAKER_WINDOW_NAME = 'event-loop-lab-speaker';

/** The window this tab opened, kept so that pressing S again brings it forward. */
let speaker: Window | null = null;

export function openSpeakerWindow(): void {
  if (speaker && !speaker.closed) {
    speaker.focus();
    return;
  }
  const { pathname, search } = window.location;
  // Not `noopener`: with it, browsers ignore the window's name and open a second window each
  // time. The opener link is cut right after instead, so either window can close and the other
  // goes on (they talk over a BroadcastChannel, not through each other).
  const opened = window.open(
    `${pathname}${search}#/speaker`,
    SPEAKER_WINDOW_NAME,
    'popup,width=980,height=720',
  );
  if (!opened) return;
  opened.opener = null;
  speaker = opened;
}
