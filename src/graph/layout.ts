/**
 * Phase 2 of the graph (layout): the tree and the set of expanded groups -> positioned
 * boxes and routed edges. Top-to-bottom flow on one vertical spine: every main-path node is
 * centred on it, so the main path is a straight line; shortcuts run in a lane to its right.
 */
import { shapeText } from '../model/vocabulary';
import { routeEdges } from './edges';
import { badgeText, detailText, paramsText } from './format';
import type { Bounds, GraphLayout, LayoutNode } from './layout-types';
import type { GraphGroup, GraphItem, GraphLayer, GraphTree } from './tree';

export const SIZES = {
  layerWidth: 208,
  layerHeight: 44,
  groupWidth: 248,
  groupHeight: 68,
  /** Band at the top of an expanded group: its button. */
  header: 30,
  /** Inside an expanded group: below the header, on the sides and at the bottom. */
  pad: 12,
  /** Below an expanded block's header: room for the shortcut to branch off the spine. */
  blockTop: 22,
  gap: 22,
  /** Room right of a collapsed block for its shortcut arc. */
  arc: 30,
  /** Spine to the centre of a projection shortcut's column. */
  projectionLane: 244,
  /** Spine to an identity shortcut's line. */
  identityLane: 140,
  margin: 24,
} as const;

export type { Bounds, EdgeKind, GraphLayout, LayoutEdge, LayoutNode, NodeKind } from './layout-types';

/** Nodes placed relative to the spine (x = 0) and the top of the piece (y = 0). */
interface Piece {
  readonly nodes: LayoutNode[];
  readonly left: number;
  readonly right: number;
  readonly height: number;
}

function baseNode(item: GraphItem, depth: number): Omit<LayoutNode, 'x' | 'y' | 'width' | 'height' | 'expanded' | 'headerHeight' | 'laneX'> {
  const layer = item.type === 'layer';
  return {
    id: item.id,
    label: layer ? item.name : item.label,
    kind: layer ? 'layer' : item.kind,
    layerKind: layer ? item.layerKind : null,
    role: layer ? item.role : null,
    depth,
    shapeText: shapeText(layer ? item.outputShape : item.totals.outputShape),
    paramsText: paramsText(layer ? item.params : item.totals.params),
    detailText: detailText(item),
    badgeText: badgeText(item),
    blockType: layer ? null : item.blockType,
    inLane: layer && item.role === 'shortcut',
  };
}

function shift(piece: Piece, dx: number, dy: number): LayoutNode[] {
  return piece.nodes.map((n) => ({ ...n, x: n.x + dx, y: n.y + dy, laneX: n.laneX === null ? null : n.laneX + dx }));
}

function leafPiece(item: GraphItem, depth: number): Piece {
  const layer = item.type === 'layer';
  const width = layer ? SIZES.layerWidth : SIZES.groupWidth;
  const height = layer ? SIZES.layerHeight : SIZES.groupHeight;
  const node: LayoutNode = {
    ...baseNode(item, depth), x: -width / 2, y: 0, width, height,
    expanded: layer ? null : false, headerHeight: height, laneX: null,
  };
  const arc = item.type === 'group' && item.kind === 'block' ? SIZES.arc : 0;
  return { nodes: [node], left: width / 2, right: width / 2 + arc, height };
}

/** Pieces one under another, spines aligned, starting at `top`. */
function stack(pieces: readonly Piece[], top: number): Piece {
  const nodes: LayoutNode[] = [];
  let y = top;
  pieces.forEach((p, i) => {
    if (i > 0) y += SIZES.gap;
    nodes.push(...shift(p, 0, y));
    y += p.height;
  });
  return {
    nodes,
    left: Math.max(0, ...pieces.map((p) => p.left)),
    right: Math.max(0, ...pieces.map((p) => p.right)),
    height: y,
  };
}

/** A frame around `content`, its header being the group's button. */
function framed(group: GraphGroup, depth: number, content: Piece, laneX: number | null): Piece {
  const left = content.left + SIZES.pad;
  const right = content.right + SIZES.pad;
  const height = content.height + SIZES.pad;
  const frame: LayoutNode = {
    ...baseNode(group, depth), x: -left, y: 0, width: left + right, height,
    expanded: true, headerHeight: SIZES.header, laneX,
  };
  return { nodes: [frame, ...content.nodes], left, right, height };
}

/** An expanded block: main path and merge on the spine, shortcut layers in the lane. */
function blockPiece(group: GraphGroup, depth: number, expanded: ReadonlySet<string>): Piece {
  const top = SIZES.header + SIZES.blockTop;
  const layers = group.children.filter((c): c is GraphLayer => c.type === 'layer');
  const main = layers.filter((l) => l.role === 'main').map((l) => leafPiece(l, depth + 1));
  const merge = layers.filter((l) => l.role === 'merge').map((l) => leafPiece(l, depth + 1));
  const spine = stack([...main, ...merge], top);
  const shortcut = layers.filter((l) => l.role === 'shortcut').map((l) => leafPiece(l, depth + 1));
  const others = group.children.filter((c) => c.type === 'group' || !['main', 'merge', 'shortcut'].includes(c.role));
  if (others.length > 0) return framed(group, depth, stack(group.children.map((c) => itemPiece(c, depth + 1, expanded)), top), null);
  if (shortcut.length === 0) {
    const content = { ...spine, right: Math.max(spine.right, SIZES.identityLane + SIZES.pad) };
    return framed(group, depth, content, SIZES.identityLane);
  }
  const lane = stack(shortcut, 0);
  const mainSpan = stack(main, 0).height;
  const laneTop = top + Math.max(0, (mainSpan - lane.height) / 2);
  const nodes = [...spine.nodes, ...shift(lane, SIZES.projectionLane, laneTop)];
  const content = { nodes, left: spine.left, right: SIZES.projectionLane + lane.right, height: spine.height };
  return framed(group, depth, content, SIZES.projectionLane);
}

function itemPiece(item: GraphItem, depth: number, expanded: ReadonlySet<string>): Piece {
  if (item.type === 'layer' || !expanded.has(item.id)) return leafPiece(item, depth);
  if (item.kind === 'block') return blockPiece(item, depth, expanded);
  const children = item.children.map((c) => itemPiece(c, depth + 1, expanded));
  return framed(item, depth, stack(children, SIZES.header + SIZES.pad), null);
}

/** Reading order: each visible item, then (when expanded) its children in model order. */
function readingOrder(items: readonly GraphItem[], expanded: ReadonlySet<string>, out: string[]): string[] {
  for (const item of items) {
    out.push(item.id);
    if (item.type === 'group' && expanded.has(item.id)) readingOrder(item.children, expanded, out);
  }
  return out;
}

export function layoutGraph(tree: GraphTree, expanded: ReadonlySet<string>): GraphLayout {
  const whole = stack(tree.roots.map((r) => itemPiece(r, 0, expanded)), 0);
  const dx = SIZES.margin + whole.left;
  const nodes = shift(whole, dx, SIZES.margin);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const bounds: Bounds = {
    x: 0,
    y: 0,
    width: whole.left + whole.right + 2 * SIZES.margin,
    height: whole.height + 2 * SIZES.margin,
  };
  return {
    nodes,
    byId,
    edges: routeEdges(tree, byId, SIZES.gap),
    bounds,
    visibleOrder: readingOrder(tree.roots, expanded, []),
  };
}
