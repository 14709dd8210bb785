/**
 * Edges between the visible nodes, derived from the real layer inputs: each layer-to-layer
 * connection is lifted to the nearest visible nodes at both ends, then routed.
 */
import { path } from 'd3';
import type { EdgeKind, LayoutEdge, LayoutNode } from './layout-types';
import type { GraphLayer, GraphTree } from './tree';

interface Point {
  readonly x: number;
  readonly y: number;
}

const CORNER = 10;
/** How far below an open block's header its shortcut leaves the spine. */
const BRANCH_DROP = 9;
const ARC_BULGE = 20;
const ARC_INSET = 14;

/** A polyline with rounded corners (d3-path's arcTo). */
function roundedPath(points: readonly Point[], radius = CORNER): string {
  const p = path();
  p.moveTo(points[0].x, points[0].y);
  for (let i = 1; i < points.length - 1; i++) {
    const [a, b, c] = [points[i - 1], points[i], points[i + 1]];
    const room = Math.min(Math.hypot(b.x - a.x, b.y - a.y), Math.hypot(c.x - b.x, c.y - b.y)) / 2;
    p.arcTo(b.x, b.y, c.x, c.y, Math.min(radius, room));
  }
  const last = points[points.length - 1];
  p.lineTo(last.x, last.y);
  return p.toString();
}

function rawKind(src: GraphLayer, dst: GraphLayer): EdgeKind {
  if (src.role === 'shortcut' || dst.role === 'shortcut') return 'projection-shortcut';
  if (dst.layerKind === 'add' && src.parent !== dst.parent) return 'identity-shortcut';
  return 'main';
}

/** The visible node standing for a layer: its outermost collapsed group, or itself. */
function representative(tree: GraphTree, nodes: ReadonlyMap<string, LayoutNode>, id: string): string {
  const chain: string[] = [];
  for (let p = tree.byId.get(id)?.parent ?? null; p !== null; p = tree.byId.get(p)?.parent ?? null) chain.unshift(p);
  return chain.find((g) => nodes.get(g)?.expanded === false) ?? id;
}

const cx = (n: LayoutNode) => n.x + n.width / 2;
const bottom = (n: LayoutNode) => n.y + n.height;

function arcPath(n: LayoutNode): string {
  const x = n.x + n.width;
  const [top, end] = [n.y + ARC_INSET, bottom(n) - ARC_INSET];
  return roundedPath([{ x, y: top }, { x: x + ARC_BULGE, y: top }, { x: x + ARC_BULGE, y: end }, { x, y: end }]);
}

function mainPath(src: LayoutNode, dst: LayoutNode, gap: number): string {
  const start = { x: cx(src), y: bottom(src) };
  const end = { x: cx(dst), y: dst.y };
  if (Math.abs(start.x - end.x) < 0.5) return roundedPath([start, end]);
  const mid = dst.y - gap / 2;
  return roundedPath([start, { x: start.x, y: mid }, { x: end.x, y: mid }, end]);
}

/** Into a block's shortcut lane and down it, joining the add from the side. */
function shortcutPath(src: LayoutNode, dst: LayoutNode, block: LayoutNode | null, gap: number): string {
  // Inside the block, just under its header: the block's input splits into its two paths.
  const lane = dst.inLane ? cx(dst) : src.inLane ? cx(src) : (block?.laneX ?? cx(dst) + gap);
  // Up to the split point the shortcut shares the main edge's line, so it starts there.
  const branchY = block ? block.y + block.headerHeight + BRANCH_DROP : bottom(src) + gap / 2;
  const points: Point[] = src.inLane
    ? [{ x: cx(src), y: bottom(src) }]
    : [{ x: cx(src), y: branchY }, { x: lane, y: branchY }];
  if (dst.inLane) {
    points.push({ x: lane, y: dst.y });
  } else {
    const joinY = dst.y + dst.height / 2;
    points.push({ x: lane, y: joinY }, { x: dst.x + dst.width, y: joinY });
  }
  return roundedPath(points);
}

type EdgeEnds = Omit<LayoutEdge, 'path' | 'id' | 'splits'>;

function route(tree: GraphTree, nodes: ReadonlyMap<string, LayoutNode>, edge: EdgeEnds, gap: number): string {
  const src = nodes.get(edge.from);
  const dst = nodes.get(edge.to);
  if (!src || !dst) throw new Error(`edge ${edge.from} -> ${edge.to} has no node at one end`);
  if (edge.selfArc) return arcPath(dst);
  if (edge.kind === 'main') return mainPath(src, dst, gap);
  const parent = tree.byId.get(dst.id)?.parent ?? null;
  return shortcutPath(src, dst, parent === null ? null : (nodes.get(parent) ?? null), gap);
}

function liftedEdges(tree: GraphTree, nodes: ReadonlyMap<string, LayoutNode>): EdgeEnds[] {
  const out: EdgeEnds[] = [];
  for (const name of tree.layerNames) {
    const dst = tree.byId.get(name);
    if (dst?.type !== 'layer') continue;
    const to = representative(tree, nodes, name);
    for (const input of dst.inputs) {
      const src = tree.byId.get(input);
      if (src?.type !== 'layer') continue;
      const from = representative(tree, nodes, input);
      const kind = rawKind(src, dst);
      const hiddenInBlock = to !== name && nodes.get(to)?.kind === 'block';
      if (kind !== 'main' && hiddenInBlock) out.push({ from: to, to, kind, selfArc: true });
      if (from !== to) out.push({ from, to, kind: kind !== 'main' && to === name ? kind : 'main', selfArc: false });
    }
  }
  return out;
}

export function routeEdges(tree: GraphTree, nodes: ReadonlyMap<string, LayoutNode>, gap: number): LayoutEdge[] {
  const seen = new Map<string, LayoutEdge>();
  for (const e of liftedEdges(tree, nodes)) {
    const id = `${e.from}->${e.to}:${e.kind}`;
    const splits = e.kind !== 'main' && !e.selfArc && nodes.get(e.from)?.inLane === false;
    if (!seen.has(id)) seen.set(id, { ...e, id, splits, path: route(tree, nodes, e, gap) });
  }
  return [...seen.values()];
}
