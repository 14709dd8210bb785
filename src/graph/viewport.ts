/** Zoom transforms as plain numbers (screen = graph * k + [x, y]), for fit and follow. */
import type { Bounds } from './layout-types';

export interface ViewTransform {
  readonly x: number;
  readonly y: number;
  readonly k: number;
}

export interface Viewport {
  readonly width: number;
  readonly height: number;
}

export interface FitOptions {
  readonly minScale: number;
  readonly maxScale: number;
  /** Fit the width only and show the top when the content is taller than the view. */
  readonly widthOnly?: boolean;
  readonly padding?: number;
}

/** The transform showing `bounds` whole (or its full width from the top), centred. */
export function fitTransform(bounds: Bounds, view: Viewport, options: FitOptions): ViewTransform {
  const pad = options.padding ?? 8;
  const sx = (view.width - 2 * pad) / bounds.width;
  const sy = (view.height - 2 * pad) / bounds.height;
  const fit = options.widthOnly ? sx : Math.min(sx, sy);
  const k = Math.max(options.minScale, Math.min(options.maxScale, fit));
  const x = (view.width - bounds.width * k) / 2 - bounds.x * k;
  const tall = bounds.height * k > view.height - 2 * pad;
  const y = tall ? pad - bounds.y * k : (view.height - bounds.height * k) / 2 - bounds.y * k;
  return { x, y, k };
}

function shiftInto(lo: number, size: number, viewSize: number, margin: number): number {
  if (size > viewSize - 2 * margin) return margin - lo;
  if (lo < margin) return margin - lo;
  if (lo + size > viewSize - margin) return viewSize - margin - (lo + size);
  return 0;
}

/** The smallest pan that brings `box` into view (its top-left first if it cannot fit). */
export function followTransform(t: ViewTransform, box: Bounds, view: Viewport, margin = 16): ViewTransform {
  const dx = shiftInto(box.x * t.k + t.x, box.width * t.k, view.width, margin);
  const dy = shiftInto(box.y * t.k + t.y, box.height * t.k, view.height, margin);
  return dx === 0 && dy === 0 ? t : { x: t.x + dx, y: t.y + dy, k: t.k };
}

/**
 * A group opened wider than the view (a stage on a phone) is zoomed out until its whole width
 * shows, its top left corner staying where it is on screen vertically; one that fits is left as it is.
 */
export function fitWidthTransform(t: ViewTransform, box: Bounds, view: Viewport, margin = 8): ViewTransform {
  const room = view.width - 2 * margin;
  if (room <= 0 || box.width * t.k <= room) return t;
  const k = room / box.width;
  const screenY = box.y * t.k + t.y;
  return { x: margin - box.x * k, y: screenY - box.y * k, k };
}

/** Keeps graph point `before` on screen where `after` now is (after a re-layout). */
export function anchoredTransform(t: ViewTransform, before: { x: number; y: number }, after: { x: number; y: number }): ViewTransform {
  return { x: t.x + (before.x - after.x) * t.k, y: t.y + (before.y - after.y) * t.k, k: t.k };
}

/** Whether any of `box` shows in the view. */
export function isInView(t: ViewTransform, box: Bounds, view: Viewport): boolean {
  const [x0, y0] = [box.x * t.k + t.x, box.y * t.k + t.y];
  return x0 < view.width && y0 < view.height && x0 + box.width * t.k > 0 && y0 + box.height * t.k > 0;
}
