/**
 * Focus and input on graph nodes: one roving tab stop, arrow keys through the reading order
 * (graph/navigation.ts decides), Enter/Space/click to open groups and select layers.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { visibleStandIn } from '../../graph/expansion';
import type { LayoutNode } from '../../graph/layout';
import { keyAction } from '../../graph/navigation';
import type { GraphTree } from '../../graph/tree';
import { followTransform, isInView } from '../../graph/viewport';
import type { GraphState } from './use-graph-state';
import type { GraphZoom } from './use-graph-zoom';

export interface GraphFocus {
  /** The node that Tab reaches. */
  readonly activeId: string;
  register(id: string, el: SVGGElement | null): void;
  onFocusNode(node: LayoutNode): void;
  onActivate(node: LayoutNode): void;
  onKey(event: KeyboardEvent<SVGGElement>, node: LayoutNode): void;
}

/** The part of a node that must be on screen when it has focus. */
function focusBox(n: LayoutNode) {
  return { x: n.x, y: n.y, width: n.width, height: n.expanded ? n.headerHeight : n.height };
}

type StateParts = Pick<GraphState, 'expanded' | 'layout' | 'setOpen'>;
type ZoomParts = Pick<GraphZoom, 'current' | 'setView' | 'viewport'>;

/**
 * `onOpenBlock`: a residual block opened with a click or Enter (not with Right, which only
 * walks the graph), for the page to summarise it.
 */
export function useGraphFocus(tree: GraphTree, state: StateParts, zoom: ZoomParts, onSelect: (name: string) => void, onOpenBlock: ((block: string) => void) | null = null): GraphFocus {
  const { expanded, layout, setOpen } = state;
  const { current, setView, viewport } = zoom;
  const [focusId, setFocusId] = useState('input');
  const nodeEls = useRef(new Map<string, SVGGElement>());
  // A node to move focus to once it is rendered (it may appear only after a re-layout).
  const pending = useRef<string | null>(null);
  const [request, setRequest] = useState(0);

  useEffect(() => {
    const el = pending.current === null ? undefined : nodeEls.current.get(pending.current);
    if (!el) return;
    pending.current = null;
    el.focus({ preventScroll: true });
  }, [request, layout]);

  const activeId = layout.byId.has(focusId)
    ? focusId
    : tree.byId.has(focusId) ? visibleStandIn(tree, expanded, focusId) : layout.visibleOrder[0];

  const register = useCallback((id: string, el: SVGGElement | null) => {
    if (el) nodeEls.current.set(id, el);
    else nodeEls.current.delete(id);
  }, []);

  const onFocusNode = useCallback((node: LayoutNode) => {
    setFocusId(node.id);
    // Follow keyboard focus, and focus given from code to a node out of sight; not a click
    // (the node is on screen already, and moving it under the pointer would fight d3-zoom).
    const box = focusBox(node);
    const keyboard = nodeEls.current.get(node.id)?.matches(':focus-visible') ?? false;
    if (keyboard || !isInView(current(), box, viewport())) setView(followTransform(current(), box, viewport()));
  }, [current, setView, viewport]);

  const toggle = useCallback((id: string, open: boolean) => {
    setOpen(id, open);
    const item = tree.byId.get(id);
    if (open && item?.type === 'group' && item.kind === 'block') onOpenBlock?.(id);
  }, [tree, setOpen, onOpenBlock]);

  const onActivate = useCallback((node: LayoutNode) => {
    if (node.expanded === null) onSelect(node.id);
    else toggle(node.id, !node.expanded);
  }, [onSelect, toggle]);

  const onKey = useCallback((event: KeyboardEvent<SVGGElement>, node: LayoutNode) => {
    const action = keyAction(event.key, node.id, { tree, expanded, order: layout.visibleOrder });
    if (!action) return;
    event.preventDefault();
    if (action.type === 'focus') {
      pending.current = action.id;
      setRequest((n) => n + 1);
    } else if (action.type === 'select') {
      onSelect(action.id);
    } else if (action.type === 'toggle') {
      toggle(action.id, !expanded.has(action.id));
    } else {
      setOpen(action.id, action.type === 'expand');
    }
  }, [tree, expanded, layout, onSelect, setOpen, toggle]);

  return useMemo(() => ({ activeId, register, onFocusNode, onActivate, onKey }), [activeId, register, onFocusNode, onActivate, onKey]);
}
