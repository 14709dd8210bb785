/**
 * The graph's view state: which groups are open, the layout for it, and keeping the view
 * steady while that changes (a toggled group stays put on screen; "all" re-fits).
 */
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { collapsedAll, expandedAll, revealed, withExpanded } from '../../graph/expansion';
import { layoutGraph, type GraphLayout } from '../../graph/layout';
import type { GraphTree } from '../../graph/tree';
import { anchoredTransform, fitTransform, fitWidthTransform, followTransform, type FitOptions } from '../../graph/viewport';
import { MIN_SCALE, type GraphZoom } from './use-graph-zoom';

type FitMode = 'whole' | 'width' | 'overview';

const FITS: Record<FitMode, FitOptions> = {
  /** "Fit to view": everything, however small. */
  whole: { minScale: MIN_SCALE, maxScale: 1.5 },
  /** After "Expand all": full width from the top, never larger than life. */
  width: { minScale: MIN_SCALE, maxScale: 1, widthOnly: true },
  /** First view and after "Collapse all": readable first, whole if it fits. */
  overview: { minScale: 0.75, maxScale: 1 },
};
/** The first view of a group drawn open from the start: its full width, from its top. */
const GROUP_FIT: FitOptions = { minScale: MIN_SCALE, maxScale: 1, widthOnly: true };

export interface GraphState {
  readonly expanded: ReadonlySet<string>;
  readonly layout: GraphLayout;
  setOpen(id: string, open: boolean): void;
  expandAll(): void;
  collapseAll(): void;
  fit(): void;
  /** Applies a fit that waited for the canvas to have a size (call on resize). */
  settle(): void;
}

type ZoomControls = Pick<GraphZoom, 'current' | 'setView' | 'viewport'>;

/** The top-level group holding a node (a block's stage): what must fit when the node opens. */
function outermost(tree: GraphTree, id: string): string {
  let at = id;
  for (let parent = tree.byId.get(at)?.parent ?? null; parent !== null; parent = tree.byId.get(at)?.parent ?? null) at = parent;
  return at;
}

/** `initialOpen`: a group shown open (with the groups around it) from the first render. */
export function useGraphState(tree: GraphTree, selected: string | null, zoom: ZoomControls, initialOpen: string | null = null): GraphState {
  const { current, setView, viewport } = zoom;
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => (
    initialOpen !== null && tree.byId.has(initialOpen) ? withExpanded(revealed(tree, collapsedAll(), initialOpen), initialOpen, true) : collapsedAll()
  ));
  // A layer selected elsewhere (the inspector, the URL) is revealed once, when it changes.
  const [revealedFor, setRevealedFor] = useState<string | null>(null);
  if (selected !== revealedFor) {
    setRevealedFor(selected);
    if (selected !== null && tree.byId.has(selected)) setExpanded((e) => revealed(tree, e, selected));
  }
  const layout = useMemo(() => layoutGraph(tree, expanded), [tree, expanded]);
  const anchor = useRef<{ id: string; x: number; y: number } | null>(null);
  const pendingFit = useRef<FitMode | null>('overview');
  const fitGroup = useRef<string | null>(initialOpen);

  const applyPending = useCallback((): void => {
    const a = anchor.current;
    const moved = a ? layout.byId.get(a.id) : undefined;
    anchor.current = null;
    const view = viewport();
    if (a && moved) {
      // Keep the toggled group where it was; if it opened wider than the view, zoom out to its
      // width (a stage on a phone), else pan sideways to show its header.
      const kept = anchoredTransform(current(), a, moved);
      const header = { x: moved.x, y: moved.y, width: moved.width, height: moved.headerHeight };
      setView(moved.expanded ? followTransform(fitWidthTransform(kept, layout.byId.get(outermost(tree, a.id)) ?? moved, view), header, view) : kept);
    }
    const mode = pendingFit.current;
    if (mode && view.width > 0 && view.height > 0) {
      pendingFit.current = null;
      const group = fitGroup.current === null ? undefined : layout.byId.get(fitGroup.current);
      fitGroup.current = null;
      setView(group ? fitTransform(group, view, GROUP_FIT) : fitTransform(layout.bounds, view, FITS[mode]));
    }
  }, [tree, layout, current, setView, viewport]);

  useLayoutEffect(applyPending, [applyPending]);

  // Bring a newly selected layer into view (after any fit, so it wins).
  const followed = useRef<string | null>(null);
  useLayoutEffect(() => {
    if (selected === followed.current) return;
    const node = selected === null ? undefined : layout.byId.get(selected);
    if (node && viewport().width > 0) {
      followed.current = selected;
      // A selected block (opened to be summarised) needs only its header in view, not all its layers.
      const box = node.expanded ? { x: node.x, y: node.y, width: node.width, height: node.headerHeight } : node;
      setView(followTransform(current(), box, viewport()));
    }
  }, [selected, layout, current, setView, viewport]);

  const setOpen = useCallback((id: string, open: boolean) => {
    const node = layout.byId.get(id);
    if (node) anchor.current = { id, x: node.x, y: node.y };
    setExpanded((e) => withExpanded(e, id, open));
  }, [layout]);

  const expandAll = useCallback(() => {
    pendingFit.current = 'width';
    setExpanded(expandedAll(tree));
  }, [tree]);

  const collapseAll = useCallback(() => {
    pendingFit.current = 'overview';
    setExpanded(collapsedAll());
  }, []);

  const fit = useCallback(() => {
    pendingFit.current = 'whole';
    applyPending();
  }, [applyPending]);

  return { expanded, layout, setOpen, expandAll, collapseAll, fit, settle: applyPending };
}
