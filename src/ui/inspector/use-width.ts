import { useLayoutEffect, useRef, useState } from 'react';

/**
 * The rendered width of an element, kept current with a ResizeObserver, so charts can draw
 * at their real size (text stays legible at 390px instead of shrinking with a viewBox).
 * The first reading is taken at mount, before the browser paints, so nothing is shown
 * drawn for the fallback width first: inspector content remounts with every layer.
 * `measured` is false only during the first render, which uses `fallback`.
 */
export function useWidth<T extends HTMLElement>(fallback: number) {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState<number | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return undefined;
    const initial = Math.round(el.getBoundingClientRect().width);
    setWidth(initial > 0 ? initial : fallback);
    if (typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(([entry]) => {
      const w = Math.round(entry.contentRect.width);
      if (w > 0) setWidth(w);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [fallback]);
  return [ref, width ?? fallback, width !== null] as const;
}
