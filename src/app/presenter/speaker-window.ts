/** Opens the speaker window (the same app at `#/speaker`), or brings it forward if it is open. */
export const SPEAKER_WINDOW_NAME = 'event-loop-lab-speaker';

export function openSpeakerWindow(): void {
  const { pathname, search } = window.location;
  // A popup of its own (no opener): either window can be closed and the other goes on.
  window.open(
    `${pathname}${search}#/speaker`,
    SPEAKER_WINDOW_NAME,
    'popup,width=980,height=720,noopener',
  );
}
