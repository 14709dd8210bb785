/** One graph node as an SVG button: a layer, a closed group, or an open group's header. */
import { memo, useCallback, useMemo, type KeyboardEvent } from 'react';
import type { LayoutNode } from '../../graph/layout';
import { useT } from '../i18n/I18n';
import { labelWidth, spokenKind } from './node-words';

export interface NodeTint {
  readonly fill: string;
  readonly ink: string;
}

export interface GraphNodeProps {
  readonly node: LayoutNode;
  /** The one node reached by Tab (roving tabindex). */
  readonly active: boolean;
  readonly selected: boolean;
  /** A closed group holding the selected layer. */
  readonly holdsSelection: boolean;
  /** Marked by the page (a walkthrough step), or holding something that is. */
  readonly highlighted: boolean;
  /** Tint colours as strings (not an object), so an unchanged tint compares equal in memo. */
  readonly tintFill: string | null;
  readonly tintInk: string | null;
  /** A layer's settings and parameters in words (its description, with the shape). */
  readonly description: string | null;
  /** The tint's value in words ("Mean activation 0.213"), when tinted. */
  readonly tintText: string | null;
  /** A residual block switched off. */
  readonly off: boolean;
  /** A block whose on/off switch is drawn on it (GraphBlockSwitch): its text leaves room. */
  readonly hasSwitch?: boolean;
  readonly onActivate: (node: LayoutNode) => void;
  readonly onKey: (event: KeyboardEvent<SVGGElement>, node: LayoutNode) => void;
  readonly onFocusNode: (node: LayoutNode) => void;
  readonly register: (id: string, el: SVGGElement | null) => void;
}

const PAD_X = 12;

function Chevron({ open, x, y }: { open: boolean; x: number; y: number }) {
  return (
    <path
      className="gnode-chevron"
      d="M0,-4.5L5,0L0,4.5Z"
      transform={`translate(${x},${y}) rotate(${open ? 90 : 0})`}
    />
  );
}

function LayerBody({ node, tint }: { node: LayoutNode; tint: NodeTint | null }) {
  const ink = tint ? { fill: tint.ink } : undefined;
  return (
    <>
      <rect className="gnode-box" width={node.width} height={node.height} rx={6} style={tint ? { fill: tint.fill } : undefined} />
      <rect className="gnode-stripe" width={4} height={node.height - 8} x={3} y={4} rx={2} />
      <text className="gnode-name" x={PAD_X} y={18} style={ink}>{node.label}</text>
      <text className="gnode-tag" x={node.width - 10} y={18} textAnchor="end" style={ink}>{node.detailText}</text>
      <text className="gnode-meta" x={PAD_X} y={35} style={ink}>{node.shapeText}</text>
      <text className="gnode-meta" x={node.width - 10} y={35} textAnchor="end" style={ink}>{node.paramsText}</text>
    </>
  );
}

function Badge({ node, x, y }: { node: LayoutNode; x: number; y: number }) {
  if (!node.badgeText) return null;
  const width = labelWidth(node.badgeText) + 14;
  return (
    <g className={`gnode-badge badge-${node.blockType ?? node.badgeText.replace(/\W+/g, '-')}`} transform={`translate(${x - width},${y})`}>
      <rect width={width} height={18} rx={9} />
      <text x={width / 2} y={12.5} textAnchor="middle">{node.badgeText}</text>
    </g>
  );
}

function ClosedGroupBody({ node, tint }: { node: LayoutNode; tint: NodeTint | null }) {
  const ink = tint ? { fill: tint.ink } : undefined;
  return (
    <>
      <rect className="gnode-box" width={node.width} height={node.height} rx={10} style={tint ? { fill: tint.fill } : undefined} />
      <rect className="gnode-stripe" width={5} height={node.height - 10} x={4} y={5} rx={2.5} />
      <Chevron open={false} x={PAD_X + 4} y={23} />
      <text className="gnode-title" x={PAD_X + 15} y={28} style={ink}>{node.label}</text>
      <Badge node={node} x={node.width - 10} y={13} />
      <text className="gnode-meta" x={PAD_X + 4} y={47} style={ink}>{node.shapeText}</text>
      <text className="gnode-meta" x={node.width - 10} y={47} textAnchor="end" style={ink}>{node.paramsText}</text>
      <text className="gnode-sub" x={PAD_X + 4} y={61} style={ink}>{node.detailText}</text>
    </>
  );
}

function HeaderBody({ node, hasSwitch }: { node: LayoutNode; hasSwitch: boolean }) {
  const h = node.headerHeight;
  return (
    <>
      <path className="gnode-header" d={`M0,${h}V10a10,10 0 0 1 10,-10H${node.width - 10}a10,10 0 0 1 10,10V${h}Z`} />
      <Chevron open x={PAD_X + 1} y={h / 2} />
      <text className="gnode-title" x={PAD_X + 12} y={h / 2 + 5}>{node.label}</text>
      <text className="gnode-sub" x={node.width - (hasSwitch ? 62 : 10)} y={h / 2 + 4} textAnchor="end">
        {node.badgeText ? `${node.badgeText} · ` : ''}{node.paramsText}
      </text>
    </>
  );
}

/**
 * Memoised: the callbacks are stable and the rest are primitives or a layout node that
 * keeps its identity until the layout changes, so a new selection re-renders only the
 * nodes whose state it changes.
 */
export const GraphNode = memo(function GraphNode(props: GraphNodeProps) {
  const { node, active, selected, holdsSelection, tintFill, tintInk, register } = props;
  const t = useT();
  const tint = useMemo(() => (tintFill !== null && tintInk !== null ? { fill: tintFill, ink: tintInk } : null), [tintFill, tintInk]);
  // A stable ref callback: an inline one would unregister and register the node on every render.
  const ref = useCallback((el: SVGGElement | null) => register(node.id, el), [register, node.id]);
  const isGroup = node.expanded !== null;
  const height = node.expanded ? node.headerHeight : node.height;
  const classes = [
    'gnode',
    `gnode-${node.kind}`,
    node.expanded ? 'is-open' : '',
    node.layerKind ? `kind-${node.layerKind}` : '',
    node.role ? `role-${node.role}` : '',
    node.blockType ? `block-${node.blockType}` : '',
    selected ? 'is-selected' : '',
    holdsSelection ? 'holds-selection' : '',
    props.highlighted ? 'is-highlighted' : '',
    tint ? 'is-tinted' : '',
    props.off ? 'is-off' : '',
  ].filter(Boolean).join(' ');
  return (
    <g
      ref={ref}
      className={classes}
      transform={`translate(${node.x},${node.y})`}
      role="button"
      tabIndex={active ? 0 : -1}
      aria-label={node.label}
      aria-description={[spokenKind(node, t), props.off && t('graph.off'), props.description, props.tintText && `${props.tintText}.`].filter(Boolean).join(' ') || undefined}
      aria-expanded={isGroup ? Boolean(node.expanded) : undefined}
      aria-current={selected ? 'true' : undefined}
      data-node-id={node.id}
      onClick={() => props.onActivate(node)}
      onKeyDown={(e) => props.onKey(e, node)}
      onFocus={() => props.onFocusNode(node)}
    >
      <title>{`${node.label} — ${props.description ?? `${node.shapeText}, ${node.paramsText}`}${props.tintText ? `\n${props.tintText}` : ''}`}</title>
      <rect className="gnode-glow" x={-5} y={-5} width={node.width + 10} height={height + 10} rx={13} />
      <rect className="gnode-ring" x={-4} y={-4} width={node.width + 8} height={height + 8} rx={12} />
      {node.expanded ? <HeaderBody node={node} hasSwitch={props.hasSwitch ?? false} /> : isGroup ? <ClosedGroupBody node={node} tint={tint} /> : <LayerBody node={node} tint={tint} />}
    </g>
  );
});
