import { type RefObject, useLayoutEffect, useState } from 'react';

/** One of an element's content dimensions in CSS pixels, updated as it resizes. */
function useClientSize(
  ref: RefObject<HTMLElement | null>,
  dimension: 'clientWidth' | 'clientHeight',
): number {
  const [size, setSize] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setSize(Math.round(el[dimension]));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, dimension]);
  return size;
}

/** The content width of an element in CSS pixels, updated as it resizes. */
export function useElementWidth(ref: RefObject<HTMLElement | null>): number {
  return useClientSize(ref, 'clientWidth');
}

/** The content height of an element in CSS pixels, updated as it resizes. */
export function useElementHeight(ref: RefObject<HTMLElement | null>): number {
  return useClientSize(ref, 'clientHeight');
}
