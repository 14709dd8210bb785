/**
 * The shapes of a laid-out graph, apart from the code that lays it out and routes its
 * edges, so that layout.ts and edges.ts both read them without importing each other.
 */
import type { LayerKind, LayerRole } from '../model/layer-info';
import type { BlockType } from '../model/vocabulary';
import type { GroupKind } from './tree';

export type EdgeKind = 'main' | 'identity-shortcut' | 'projection-shortcut';

export interface LayoutEdge {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly kind: EdgeKind;
  /** SVG path data. */
  readonly path: string;
  /** A collapsed block's own shortcut, drawn as an arc beside it (from === to). */
  readonly selfArc: boolean;
  /** A shortcut leaving the main path: its path starts at the split point, not at `from`. */
  readonly splits: boolean;
}

export type NodeKind = 'layer' | GroupKind;

export interface LayoutNode {
  readonly id: string;
  /** The accessible name: block or layer name, `stage 2`, `stem`, `head`. */
  readonly label: string;
  readonly kind: NodeKind;
  readonly layerKind: LayerKind | null;
  readonly role: LayerRole | null;
  /** Top-left corner and size; an expanded group's box frames its children. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly depth: number;
  /** null for layers. */
  readonly expanded: boolean | null;
  /** Height of the clickable header of an expanded group; the whole box otherwise. */
  readonly headerHeight: number;
  readonly shapeText: string;
  readonly paramsText: string;
  /** Layers: their kind; groups: their layer count. */
  readonly detailText: string;
  /** Groups: "3 blocks", "convolutional", "identity"; null otherwise. */
  readonly badgeText: string | null;
  readonly blockType: BlockType | null;
  /** Expanded blocks: x of their shortcut lane. */
  readonly laneX: number | null;
  /** Layers drawn in a block's shortcut column. */
  readonly inLane: boolean;
}

export interface Bounds {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface GraphLayout {
  /** Containers come before their children, so drawing in order puts frames behind. */
  readonly nodes: readonly LayoutNode[];
  readonly byId: ReadonlyMap<string, LayoutNode>;
  readonly edges: readonly LayoutEdge[];
  readonly bounds: Bounds;
  /** Visible node ids in reading order (a group before its contents), for the keyboard. */
  readonly visibleOrder: readonly string[];
}
