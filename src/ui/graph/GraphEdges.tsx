/** Edges (decorative: the nodes carry the meaning) and the frames behind open groups. */
import { memo } from 'react';
import type { EdgeKind, LayoutEdge, LayoutNode } from '../../graph/layout';

const KINDS: readonly EdgeKind[] = ['main', 'identity-shortcut', 'projection-shortcut'];

export function markerId(prefix: string, kind: EdgeKind): string {
  return `${prefix}-arrow-${kind}`;
}

export const EdgeMarkers = memo(function EdgeMarkers({ prefix }: { prefix: string }) {
  return (
    <defs>
      <marker id={`${prefix}-split`} className="gedge-split" viewBox="0 0 10 10" refX={5} refY={5} markerWidth={9} markerHeight={9} markerUnits="userSpaceOnUse">
        <circle cx={5} cy={5} r={4} />
      </marker>
      {KINDS.map((kind) => (
        <marker
          key={kind}
          id={markerId(prefix, kind)}
          className={`gedge-marker gedge-${kind}`}
          viewBox="0 0 10 10"
          refX={9}
          refY={5}
          markerWidth={9}
          markerHeight={9}
          markerUnits="userSpaceOnUse"
          orient="auto-start-reverse"
        >
          <path d="M0,1L9,5L0,9Z" />
        </marker>
      ))}
    </defs>
  );
});

interface EdgesProps {
  readonly edges: readonly LayoutEdge[];
  readonly prefix: string;
}

export const GraphEdges = memo(function GraphEdges({ edges, prefix }: EdgesProps) {
  return (
    <g className="graph-edges" aria-hidden="true">
      {edges.map((e) => (
        <path
          key={e.id}
          d={e.path}
          className={`gedge gedge-${e.kind}${e.selfArc ? ' is-arc' : ''}`}
          markerStart={e.splits ? `url(#${prefix}-split)` : undefined}
          markerEnd={`url(#${markerId(prefix, e.kind)})`}
        />
      ))}
    </g>
  );
});

export const GraphFrames = memo(function GraphFrames({ nodes }: { nodes: readonly LayoutNode[] }) {
  return (
    <g className="graph-frames" aria-hidden="true">
      {nodes.filter((n) => n.expanded).map((n) => (
        <rect
          key={n.id}
          className={`gframe gframe-${n.kind}${n.blockType ? ` block-${n.blockType}` : ''}`}
          x={n.x}
          y={n.y}
          width={n.width}
          height={n.height}
          rx={10}
        />
      ))}
    </g>
  );
});
