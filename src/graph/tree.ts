/**
 * Phase 1 of the graph (build): the model's own layer records, grouped into
 * input -> stem -> stages 2-5 -> head, stages into blocks, blocks into layers. Only the
 * LayerInfo data (role, stage, block) decides where a layer goes; names are never parsed.
 */
import type { LayerKind, LayerRole } from '../model/layer-info';
import { blockName } from '../model/names';
import type { LayerSummary, ModelSummary } from '../model/summary';
import {
  HEAD_ID, stageId, stageLabel, STEM_ID, type BlockLetter, type BlockType, type Branch, type StageIndex,
} from '../model/vocabulary';

export type GroupKind = 'stem' | 'stage' | 'block' | 'head';

export interface GraphLayer {
  readonly type: 'layer';
  /** The layer name: ids of layers and groups never collide (checked when building). */
  readonly id: string;
  readonly name: string;
  readonly layerKind: LayerKind;
  readonly role: LayerRole;
  readonly branch: Branch | null;
  readonly outputShape: readonly number[];
  readonly params: number;
  readonly inputs: readonly string[];
  /** Id of the enclosing group, null for the input layer. */
  readonly parent: string | null;
}

export interface GroupTotals {
  readonly params: number;
  /** Layers inside, at any depth. */
  readonly layers: number;
  /** Blocks inside (stages only; 0 elsewhere). */
  readonly blocks: number;
  /** The group's output is its last layer's output. */
  readonly outputLayer: string;
  readonly outputShape: readonly number[];
}

export interface GraphGroup {
  readonly type: 'group';
  readonly id: string;
  readonly kind: GroupKind;
  /** What a person (and a screen reader) calls it: `stem`, `stage 2`, `res2a`, `head`. */
  readonly label: string;
  readonly stage: StageIndex | null;
  readonly block: BlockLetter | null;
  readonly parent: string | null;
  readonly children: readonly GraphItem[];
  readonly totals: GroupTotals;
  /** Blocks only: convolutional when the block has layers on its shortcut. */
  readonly blockType: BlockType | null;
  /** Blocks only: the conv on the projection shortcut (`res2a_branch1`), if any. */
  readonly shortcutConv: string | null;
}

export type GraphItem = GraphLayer | GraphGroup;

export interface GraphTree {
  /** input, stem, stage 2..5, head, in model order. */
  readonly roots: readonly GraphItem[];
  readonly byId: ReadonlyMap<string, GraphItem>;
  /** Every group id, outermost first. */
  readonly groupIds: readonly string[];
  /** Every layer name in build order. */
  readonly layerNames: readonly string[];
}

interface GroupDraft {
  readonly id: string;
  readonly kind: GroupKind;
  readonly label: string;
  readonly stage: StageIndex | null;
  readonly block: BlockLetter | null;
  readonly parent: string | null;
  readonly childIds: string[];
}

interface Draft {
  readonly groups: Map<string, GroupDraft>;
  readonly layers: Map<string, GraphLayer>;
  readonly rootIds: string[];
}

function ensureGroup(draft: Draft, spec: Omit<GroupDraft, 'childIds'>): string {
  if (!draft.groups.has(spec.id)) {
    draft.groups.set(spec.id, { ...spec, childIds: [] });
    const siblings = spec.parent === null ? draft.rootIds : draft.groups.get(spec.parent)?.childIds;
    siblings?.push(spec.id);
  }
  return spec.id;
}

/** The group a layer belongs in, creating it (and its stage) on first sight. */
function parentGroupOf(draft: Draft, layer: LayerSummary): string | null {
  const { role, stage, block } = layer.info;
  if (role === 'input') return null;
  if (role === 'head') return ensureGroup(draft, { id: HEAD_ID, kind: 'head', label: HEAD_ID, stage: null, block: null, parent: null });
  if (stage === 1) return ensureGroup(draft, { id: STEM_ID, kind: 'stem', label: STEM_ID, stage: 1, block: null, parent: null });
  if (stage === null || block === null) {
    throw new Error(`layer "${layer.name}" (${role}) has no stage and block to place it in`);
  }
  const stageGroup = ensureGroup(draft, {
    id: stageId(stage), kind: 'stage', label: stageLabel(stage), stage, block: null, parent: null,
  });
  const name = blockName(stage, block);
  return ensureGroup(draft, { id: name, kind: 'block', label: name, stage, block, parent: stageGroup });
}

function addLayer(draft: Draft, layer: LayerSummary): void {
  const parent = parentGroupOf(draft, layer);
  const item: GraphLayer = {
    type: 'layer',
    id: layer.name,
    name: layer.name,
    layerKind: layer.info.kind,
    role: layer.info.role,
    branch: layer.info.branch,
    outputShape: layer.outputShape,
    params: layer.params,
    inputs: layer.inputs,
    parent,
  };
  if (draft.layers.has(item.id) || draft.groups.has(item.id)) {
    throw new Error(`graph id "${item.id}" is used twice`);
  }
  draft.layers.set(item.id, item);
  (parent === null ? draft.rootIds : draft.groups.get(parent)?.childIds)?.push(item.id);
}

function blockFacts(children: readonly GraphItem[]): Pick<GraphGroup, 'blockType' | 'shortcutConv'> {
  const shortcut = children.filter((c): c is GraphLayer => c.type === 'layer' && c.role === 'shortcut');
  return {
    blockType: shortcut.length > 0 ? 'convolutional' : 'identity',
    shortcutConv: shortcut.find((l) => l.layerKind === 'conv')?.name ?? null,
  };
}

function totalsOf(kind: GroupKind, children: readonly GraphItem[]): GroupTotals {
  const last = children[children.length - 1];
  const lastLayer = last.type === 'layer' ? last : null;
  const sum = (f: (c: GraphItem) => number) => children.reduce((n, c) => n + f(c), 0);
  return {
    params: sum((c) => (c.type === 'layer' ? c.params : c.totals.params)),
    layers: sum((c) => (c.type === 'layer' ? 1 : c.totals.layers)),
    blocks: kind === 'stage' ? children.filter((c) => c.type === 'group' && c.kind === 'block').length : 0,
    outputLayer: lastLayer ? lastLayer.name : (last as GraphGroup).totals.outputLayer,
    outputShape: lastLayer ? lastLayer.outputShape : (last as GraphGroup).totals.outputShape,
  };
}

function finishItem(draft: Draft, id: string, byId: Map<string, GraphItem>): GraphItem {
  const layer = draft.layers.get(id);
  if (layer) {
    byId.set(id, layer);
    return layer;
  }
  const g = draft.groups.get(id);
  if (!g) throw new Error(`graph id "${id}" is unknown`);
  const children = g.childIds.map((c) => finishItem(draft, c, byId));
  const facts = g.kind === 'block' ? blockFacts(children) : { blockType: null, shortcutConv: null };
  const group: GraphGroup = {
    type: 'group', id, kind: g.kind, label: g.label, stage: g.stage, block: g.block, parent: g.parent,
    children, totals: totalsOf(g.kind, children), ...facts,
  };
  byId.set(id, group);
  return group;
}

export function buildGraphTree(summary: ModelSummary): GraphTree {
  const draft: Draft = { groups: new Map(), layers: new Map(), rootIds: [] };
  summary.layers.forEach((l) => addLayer(draft, l));
  const byId = new Map<string, GraphItem>();
  const roots = draft.rootIds.map((id) => finishItem(draft, id, byId));
  return {
    roots,
    byId,
    groupIds: [...draft.groups.keys()],
    layerNames: summary.layers.map((l) => l.name),
  };
}

export function getGroup(tree: GraphTree, id: string): GraphGroup | null {
  const item = tree.byId.get(id);
  return item?.type === 'group' ? item : null;
}

/** The groups around an item, outermost first. */
export function ancestorsOf(tree: GraphTree, id: string): string[] {
  const out: string[] = [];
  for (let p = tree.byId.get(id)?.parent ?? null; p !== null; p = tree.byId.get(p)?.parent ?? null) {
    out.unshift(p);
  }
  return out;
}

export function groupsOfKind(tree: GraphTree, kind: GroupKind): GraphGroup[] {
  return tree.groupIds.map((id) => getGroup(tree, id)).filter((g): g is GraphGroup => g?.kind === kind);
}

/** An item by the name people use: a layer name, `res2a`, `stage 2`, `stem`, `head`. */
export function resolveName(tree: GraphTree, name: string): string | null {
  if (tree.byId.has(name)) return name;
  return tree.groupIds.find((id) => getGroup(tree, id)?.label === name) ?? null;
}
