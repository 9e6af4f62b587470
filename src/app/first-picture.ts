/**
 * When a lesson link's picture has been painted. The lesson's picture comes from traces recorded
 * at build time, so nothing on its way needs Python; but a 2-core laptop (or a projector's PC)
 * that also downloads and compiles Pyodide and fills the offline cache meanwhile lays the
 * picture out at a fraction of its speed. So on a lesson link those start after it.
 */

/** The picture: the simulator's region (src/ui/simulator/EventLoopView.tsx). */
const PICTURE = '[aria-label="Event loop"]';

/**
 * Resolves after the frame that paints the first event-loop picture under `root`, or after
 * `fallbackMs` whatever happens (a lesson that fails to load must not keep Python away).
 */
export function afterFirstPicture(root: HTMLElement, fallbackMs: number): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      observer.disconnect();
      clearTimeout(timer);
      // A task after the next frame: the picture is on screen by then.
      requestAnimationFrame(() => setTimeout(resolve, 0));
    };
    const observer = new MutationObserver(() => {
      if (root.querySelector(PICTURE)) finish();
    });
    const timer = setTimeout(finish, fallbackMs);
    observer.observe(root, { childList: true, subtree: true });
    if (root.querySelector(PICTURE)) finish();
  });
}

/** A lesson link (`#/lessons/<slug>/…`): its picture needs no Python. */
export const isLessonLink = (hash: string) => /^#\/lessons\/[^/]+/.test(hash);
