/** The node buttons, in reading order (so screen readers meet them as the keyboard does). */
import { memo, useMemo } from 'react';
import { highlightedNodes, visibleStandIn } from '../../graph/expansion';
import type { GraphLayout } from '../../graph/layout';
import type { Tint } from '../../graph/tint';
import type { GraphTree } from '../../graph/tree';
import { GraphNode, type NodeTint } from './GraphNode';
import type { GraphFocus } from './use-graph-focus';

export interface NodeTinting {
  /** Value per node id (groups: their output layer's). */
  readonly values: ReadonlyMap<string, number>;
  readonly scale: Tint;
}

interface Props {
  readonly tree: GraphTree;
  readonly layout: GraphLayout;
  readonly expanded: ReadonlySet<string>;
  readonly selected: string | null;
  readonly highlight: readonly string[];
  readonly tinting: NodeTinting | null;
  readonly focus: GraphFocus;
}

function nodeTint(tinting: NodeTinting | null, id: string, open: boolean | null): NodeTint | null {
  const value = tinting && !open ? tinting.values.get(id) : undefined;
  return tinting && value !== undefined ? { fill: tinting.scale.fill(value), ink: tinting.scale.ink(value) } : null;
}

export const GraphNodes = memo(function GraphNodes({ tree, layout, expanded, selected, highlight, tinting, focus }: Props) {
  const marked = useMemo(() => highlightedNodes(tree, expanded, highlight), [tree, expanded, highlight]);
  const holder = selected !== null && tree.byId.has(selected) ? visibleStandIn(tree, expanded, selected) : null;
  return (
    <g className="graph-nodes">
      {layout.visibleOrder.map((id) => {
        const node = layout.byId.get(id);
        if (!node) return null;
        return (
          <GraphNode
            key={id}
            node={node}
            active={id === focus.activeId}
            selected={id === selected}
            holdsSelection={id === holder && id !== selected}
            highlighted={marked.has(id)}
            tint={nodeTint(tinting, id, node.expanded)}
            onActivate={focus.onActivate}
            onKey={focus.onKey}
            onFocusNode={focus.onFocusNode}
            register={focus.register}
          />
        );
      })}
    </g>
  );
});
