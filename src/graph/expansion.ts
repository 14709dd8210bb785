/** Which groups are open: plain sets of group ids, changed without mutation. */
import { ancestorsOf, resolveName, type GraphTree } from './tree';

/** The readable overview: input, stem, stages 2-5 and head, all closed. */
export function collapsedAll(): ReadonlySet<string> {
  return new Set();
}

export function expandedAll(tree: GraphTree): ReadonlySet<string> {
  return new Set(tree.groupIds);
}

export function withExpanded(expanded: ReadonlySet<string>, id: string, open: boolean): ReadonlySet<string> {
  if (expanded.has(id) === open) return expanded;
  const next = new Set(expanded);
  if (open) next.add(id);
  else next.delete(id);
  return next;
}

export function toggled(expanded: ReadonlySet<string>, id: string): ReadonlySet<string> {
  return withExpanded(expanded, id, !expanded.has(id));
}

/** Opens every group around `id` so that it is visible. */
export function revealed(tree: GraphTree, expanded: ReadonlySet<string>, id: string): ReadonlySet<string> {
  const missing = ancestorsOf(tree, id).filter((g) => !expanded.has(g));
  return missing.length === 0 ? expanded : new Set([...expanded, ...missing]);
}

/** The item itself if visible, else its outermost closed group. */
export function visibleStandIn(tree: GraphTree, expanded: ReadonlySet<string>, id: string): string {
  return ancestorsOf(tree, id).find((g) => !expanded.has(g)) ?? id;
}

/**
 * The visible nodes to mark for a set of names (layers, blocks, `stage 2`): each named item
 * if visible, else the closed group that holds it. Unknown names are ignored.
 */
export function highlightedNodes(tree: GraphTree, expanded: ReadonlySet<string>, names: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const name of names) {
    const id = resolveName(tree, name);
    if (id !== null) out.add(visibleStandIn(tree, expanded, id));
  }
  return out;
}
