/**
 * Keyboard behaviour of the graph, as a pure function of the key and the visible state
 * (the WAI-ARIA tree-view pattern): Up/Down walk the reading order, Right opens a group or
 * steps into it, Left closes it or steps out to its parent, Enter/Space open and select.
 */
import { getGroup, type GraphTree } from './tree';

export type GraphKeyAction =
  | { readonly type: 'focus'; readonly id: string }
  | { readonly type: 'expand'; readonly id: string }
  | { readonly type: 'collapse'; readonly id: string }
  | { readonly type: 'toggle'; readonly id: string }
  | { readonly type: 'select'; readonly id: string };

export interface NavigationState {
  readonly tree: GraphTree;
  readonly expanded: ReadonlySet<string>;
  /** Visible ids in reading order (GraphLayout.visibleOrder). */
  readonly order: readonly string[];
}

function step(order: readonly string[], id: string, by: number): GraphKeyAction | null {
  const i = order.indexOf(id);
  const j = i < 0 ? 0 : Math.min(order.length - 1, Math.max(0, i + by));
  return order[j] === undefined || order[j] === id ? null : { type: 'focus', id: order[j] };
}

function right(state: NavigationState, id: string): GraphKeyAction | null {
  const group = getGroup(state.tree, id);
  if (!group) return null;
  if (!state.expanded.has(id)) return { type: 'expand', id };
  const first = group.children[0];
  return first ? { type: 'focus', id: first.id } : null;
}

function left(state: NavigationState, id: string): GraphKeyAction | null {
  if (getGroup(state.tree, id) && state.expanded.has(id)) return { type: 'collapse', id };
  const parent = state.tree.byId.get(id)?.parent ?? null;
  return parent === null ? null : { type: 'focus', id: parent };
}

/** What a key press on node `id` should do, or null to let the browser have the key. */
export function keyAction(key: string, id: string, state: NavigationState): GraphKeyAction | null {
  switch (key) {
    case 'ArrowDown':
      return step(state.order, id, 1);
    case 'ArrowUp':
      return step(state.order, id, -1);
    case 'Home':
      return step(state.order, id, -state.order.length);
    case 'End':
      return step(state.order, id, state.order.length);
    case 'ArrowRight':
      return right(state, id);
    case 'ArrowLeft':
      return left(state, id);
    case 'Enter':
    case ' ':
      return getGroup(state.tree, id) ? { type: 'toggle', id } : { type: 'select', id };
    default:
      return null;
  }
}
