/**
 * Keeping the inspector in view when a layer is picked. Where it sits beside the graph
 * (sticky, wide screens) it is in view already and nothing moves; where it is below (a
 * phone, the layer table) the page scrolls to it, and "Back" returns to the picked node.
 * A walkthrough step chosen where the graph is out of sight (below it, on a phone) scrolls
 * the page to the nodes the step lights, and "Back to the step" returns to it.
 */
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';

export interface InspectorScroll {
  /** The element around the inspector. */
  readonly ref: RefObject<HTMLDivElement | null>;
  /** The element around the graph or table, to go back to. */
  readonly backRef: RefObject<HTMLElement | null>;
  /** Call when a person picks a layer: after the render, the inspector is scrolled to if out of view. */
  readonly request: () => void;
  /** Back to the picked layer's node (or table row), focused. */
  readonly back: (layer: string | null) => void;
  /**
   * Call when a person picks a walkthrough step (its button focused): once the graph has lit
   * its nodes (and panned), they are scrolled to if out of view, and `stepBack` is set.
   */
  readonly requestLit: () => void;
  /** True while the page has moved away from a picked step: the page offers a way back. */
  readonly stepBack: boolean;
  /** Back to the step's button, focused. */
  readonly backToStep: () => void;
  /** Forget the way back (the step was left). */
  readonly leaveStep: () => void;
}

/** Fully on screen, as far as the page's own scrolling goes. */
function onScreen(el: Element): boolean {
  const { top, bottom } = el.getBoundingClientRect();
  return top >= 0 && bottom <= window.innerHeight;
}

function reducedMotion(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

export function useInspectorScroll(): InspectorScroll {
  const ref = useRef<HTMLDivElement>(null);
  const backRef = useRef<HTMLElement>(null);
  const pending = useRef(false);
  const request = useCallback(() => { pending.current = true; }, []);
  // After every render: cheap unless a pick asked for it.
  useEffect(() => {
    if (!pending.current) return;
    pending.current = false;
    const el = ref.current;
    if (!el) return;
    const { top } = el.getBoundingClientRect();
    // In view: its top on screen, in the upper part of it (a sticky inspector always is).
    if (top >= 0 && top < window.innerHeight * 0.5) return;
    el.scrollIntoView({ block: 'start', behavior: reducedMotion() ? 'auto' : 'smooth' });
  });
  const litFrame = useRef(0);
  useEffect(() => () => cancelAnimationFrame(litFrame.current), []);
  // The step's button the page moved away from, to go back to.
  const [stepFrom, setStepFrom] = useState<HTMLElement | null>(null);
  const requestLit = useCallback(() => {
    cancelAnimationFrame(litFrame.current);
    const from = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    // A frame later: the graph has re-rendered with the step's nodes lit and panned to them.
    litFrame.current = requestAnimationFrame(() => {
      const lit = backRef.current?.querySelector('.is-highlighted');
      if (!lit || onScreen(lit)) return;
      const graph = lit.closest('svg') ?? lit;
      // A step below the graph (not beside it) goes out of sight: the page offers a way back.
      const below = from !== null && from.getBoundingClientRect().top >= graph.getBoundingClientRect().bottom;
      // The whole graph comes into view (the graph has panned to the lit nodes inside it).
      graph.scrollIntoView({ block: 'center', behavior: reducedMotion() ? 'auto' : 'smooth' });
      if (below) setStepFrom(from);
    });
  }, []);
  const leaveStep = useCallback(() => setStepFrom(null), []);
  const backToStep = useCallback(() => {
    setStepFrom(null);
    if (!stepFrom?.isConnected) return;
    stepFrom.scrollIntoView({ block: 'center', behavior: reducedMotion() ? 'auto' : 'smooth' });
    stepFrom.focus({ preventScroll: true });
  }, [stepFrom]);
  // Scrolled back to the step by hand: the way back is no longer needed.
  useEffect(() => {
    if (!stepFrom || typeof IntersectionObserver === 'undefined') return undefined;
    let left = false;
    const watch = new IntersectionObserver(([entry]) => {
      if (!entry) return;
      if (!entry.isIntersecting) left = true;
      else if (left) setStepFrom(null);
    });
    watch.observe(stepFrom);
    return () => watch.disconnect();
  }, [stepFrom]);
  const back = useCallback((layer: string | null) => {
    const panel = backRef.current;
    if (!panel) return;
    const node = layer === null ? null : panel.querySelector<HTMLElement | SVGElement>(`[data-node-id="${CSS.escape(layer)}"], tr.selected button`);
    panel.scrollIntoView({ block: 'start', behavior: reducedMotion() ? 'auto' : 'smooth' });
    node?.focus({ preventScroll: true });
  }, []);
  return { ref, backRef, request, back, requestLit, stepBack: stepFrom !== null, backToStep, leaveStep };
}
