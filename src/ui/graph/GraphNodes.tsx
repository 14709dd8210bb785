/** The node buttons, in reading order (so screen readers meet them as the keyboard does). */
import { Fragment, memo, useMemo } from 'react';
import { highlightedNodes, visibleStandIn } from '../../graph/expansion';
import type { GraphLayout } from '../../graph/layout';
import { formatTintValue, type Tint } from '../../graph/tint';
import type { GraphTree } from '../../graph/tree';
import { GraphBlockSwitch } from './GraphBlockSwitch';
import { GraphNode, type NodeTint } from './GraphNode';
import type { GraphFocus } from './use-graph-focus';
import { useT } from '../i18n/I18n';
import { localNode } from './node-words';

export interface NodeTinting {
  /** Value per node id (groups: their output layer's). */
  readonly values: ReadonlyMap<string, number>;
  readonly scale: Tint;
  /** What the values are: "Mean activation". */
  readonly label: string;
}

interface Props {
  readonly tree: GraphTree;
  readonly layout: GraphLayout;
  readonly expanded: ReadonlySet<string>;
  readonly selected: string | null;
  readonly highlight: readonly string[];
  readonly tinting: NodeTinting | null;
  readonly focus: GraphFocus;
  /** Extra words per layer id for its accessible description. */
  readonly descriptions: ReadonlyMap<string, string>;
  readonly off: ReadonlySet<string>;
  /** Blocks that can be switched off, and the switch; without it, no switches are drawn. */
  readonly switchable: ReadonlySet<string>;
  readonly onToggleBlock: ((block: string) => void) | null;
}

/** Colours (and the value in words) per visible node, computed once per layout and tint rather than on every render. */
function nodeTints(tinting: NodeTinting | null, layout: GraphLayout): ReadonlyMap<string, NodeTint & { readonly text: string }> {
  const out = new Map<string, NodeTint & { readonly text: string }>();
  if (!tinting) return out;
  for (const node of layout.nodes) {
    // An open group shows its layers' colours, not one of its own.
    const value = node.expanded ? undefined : tinting.values.get(node.id);
    if (value !== undefined) {
      out.set(node.id, { fill: tinting.scale.fill(value), ink: tinting.scale.ink(value), text: `${tinting.label} ${formatTintValue(value)}` });
    }
  }
  return out;
}

export const GraphNodes = memo(function GraphNodes({ tree, layout, expanded, selected, highlight, tinting, focus, descriptions, off, switchable, onToggleBlock }: Props) {
  const marked = useMemo(() => highlightedNodes(tree, expanded, highlight), [tree, expanded, highlight]);
  const tints = useMemo(() => nodeTints(tinting, layout), [tinting, layout]);
  const t = useT();
  // The nodes' short texts in the page's language (the same objects in English).
  const nodes = useMemo(() => new Map(layout.nodes.map((n) => [n.id, localNode(n, tree.byId.get(n.id), t)])), [layout, tree, t]);
  const holder = selected !== null && tree.byId.has(selected) ? visibleStandIn(tree, expanded, selected) : null;
  return (
    <g className="graph-nodes">
      {layout.visibleOrder.map((id) => {
        const node = nodes.get(id);
        if (!node) return null;
        const tint = tints.get(id);
        const switched = onToggleBlock && node.kind === 'block' && switchable.has(id);
        return (
          <Fragment key={id}>
            <GraphNode
              node={node}
              active={id === focus.activeId}
              selected={id === selected}
              holdsSelection={id === holder && id !== selected}
              highlighted={marked.has(id)}
              tintFill={tint?.fill ?? null}
              tintInk={tint?.ink ?? null}
              description={descriptions.get(id) ?? null}
              tintText={tint?.text ?? null}
              off={off.has(id)}
              hasSwitch={Boolean(switched)}
              onActivate={focus.onActivate}
              onKey={focus.onKey}
              onFocusNode={focus.onFocusNode}
              register={focus.register}
            />
            {switched && <GraphBlockSwitch node={node} off={off.has(id)} reachable={id === focus.activeId} onToggle={onToggleBlock} />}
          </Fragment>
        );
      })}
    </g>
  );
});
