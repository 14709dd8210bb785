/**
 * d3-zoom on the graph's <svg>: d3 owns the gesture maths and the current transform,
 * React draws with the transform it reports. Attached in an effect, removed on unmount.
 */
import { select, zoom, zoomIdentity, zoomTransform, type D3ZoomEvent, type ZoomBehavior } from 'd3';
import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { ViewTransform, Viewport } from '../../graph/viewport';

export const MIN_SCALE = 0.05;
export const MAX_SCALE = 2.5;

/**
 * Plain wheel scrolls the page (the graph sits in a long page); Ctrl/⌘ + wheel and
 * trackpad pinches (which arrive as Ctrl + wheel) zoom. Dragging pans; touch pinch zooms.
 */
function allowGesture(event: Event): boolean {
  if (event instanceof WheelEvent) return event.ctrlKey || event.metaKey;
  return !(event instanceof MouseEvent && event.button !== 0);
}

export interface GraphZoom {
  readonly transform: ViewTransform;
  /** The transform d3 holds right now (never stale, unlike the rendered one). */
  current(): ViewTransform;
  setView(t: ViewTransform): void;
  zoomBy(factor: number): void;
  viewport(): Viewport;
  /** Drops the kept canvas size (call on a resize before reading `viewport`). */
  forgetSize(): void;
}

/**
 * The canvas size, read once and kept until the canvas resizes. Reading clientWidth right
 * after React changed the DOM forces a synchronous layout of the whole page, and a new
 * selection asks for the size (to follow the node) in exactly that moment.
 */
function useViewport(svgRef: RefObject<SVGSVGElement | null>) {
  const size = useRef<Viewport | null>(null);
  useLayoutEffect(() => {
    const svg = svgRef.current;
    if (!svg || typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(() => { size.current = null; });
    observer.observe(svg);
    return () => observer.disconnect();
  }, [svgRef]);
  const viewport = useCallback((): Viewport => {
    const svg = svgRef.current;
    if (!svg) return { width: 0, height: 0 };
    // Without a ResizeObserver nothing would say when the size goes stale: always read it.
    if (size.current && typeof ResizeObserver !== 'undefined') return size.current;
    const read = { width: svg.clientWidth, height: svg.clientHeight };
    // A zero size (not laid out yet) is not kept: the next call reads again.
    size.current = read.width > 0 && read.height > 0 ? read : null;
    return read;
  }, [svgRef]);
  // For other resize handlers: whichever observer fires first, the size they read is new.
  const forgetSize = useCallback(() => { size.current = null; }, []);
  return { viewport, forgetSize };
}

/**
 * The d3-zoom behaviour. Its extent comes from `viewport` (the kept size): d3's default
 * measures the <svg> on every programmatic transform, forcing a layout mid-commit.
 */
function createZoom(viewport: () => Viewport, onZoom: (t: ViewTransform) => void): ZoomBehavior<SVGSVGElement, unknown> {
  return zoom<SVGSVGElement, unknown>()
    .scaleExtent([MIN_SCALE, MAX_SCALE])
    .extent(() => {
      const { width, height } = viewport();
      return [[0, 0], [width, height]];
    })
    .filter(allowGesture)
    .on('zoom', (event: D3ZoomEvent<SVGSVGElement, unknown>) => {
      const { x, y, k } = event.transform;
      onZoom({ x, y, k });
    });
}

export function useGraphZoom(svgRef: RefObject<SVGSVGElement | null>): GraphZoom {
  const [transform, setTransform] = useState<ViewTransform>({ x: 0, y: 0, k: 1 });
  const behaviorRef = useRef<ZoomBehavior<SVGSVGElement, unknown> | null>(null);
  const { viewport, forgetSize } = useViewport(svgRef);

  // A layout effect, so that the first fit (also a layout effect) finds d3-zoom attached.
  useLayoutEffect(() => {
    const svg = svgRef.current;
    if (!svg) return undefined;
    // A follow that found the node in view already re-applies the same transform: no re-render.
    const behavior = createZoom(viewport, ({ x, y, k }) => setTransform((t) => (t.x === x && t.y === y && t.k === k ? t : { x, y, k })));
    const selection = select(svg);
    // Double-click belongs to the nodes (it would otherwise zoom in on every fast toggle).
    selection.call(behavior).on('dblclick.zoom', null);
    behaviorRef.current = behavior;
    return () => {
      selection.on('.zoom', null);
      behaviorRef.current = null;
    };
  }, [svgRef, viewport]);

  const current = useCallback((): ViewTransform => {
    const svg = svgRef.current;
    if (!svg) return { x: 0, y: 0, k: 1 };
    const { x, y, k } = zoomTransform(svg);
    return { x, y, k };
  }, [svgRef]);

  const setView = useCallback((t: ViewTransform) => {
    const svg = svgRef.current;
    const behavior = behaviorRef.current;
    if (svg && behavior) select(svg).call(behavior.transform, zoomIdentity.translate(t.x, t.y).scale(t.k));
  }, [svgRef]);

  const zoomBy = useCallback((factor: number) => {
    const svg = svgRef.current;
    const behavior = behaviorRef.current;
    if (svg && behavior) select(svg).call(behavior.scaleBy, factor);
  }, [svgRef]);

  return { transform, current, setView, zoomBy, viewport, forgetSize };
}
