/** Short texts for graph nodes, where a node is about 200 px wide. */
import type { LayerKind } from '../model/layer-info';
import { formatCount } from '../model/vocabulary';
import type { GraphItem } from './tree';

export function paramsText(params: number): string {
  if (params === 0) return 'no params';
  return `${formatCount(params)} ${params === 1 ? 'param' : 'params'}`;
}

const KIND_TAGS: Record<LayerKind, string> = {
  input: 'input',
  'zero-padding': 'pad',
  conv: 'conv',
  'batch-norm': 'BN',
  relu: 'ReLU',
  'max-pool': 'max pool',
  add: 'add',
  'avg-pool': 'avg pool',
  flatten: 'flatten',
  dense: 'dense',
};

function kindTag(kind: LayerKind): string {
  return KIND_TAGS[kind];
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Layers: their kind ("conv", "BN"); groups: how many layers they hold. */
export function detailText(item: GraphItem): string {
  return item.type === 'layer' ? kindTag(item.layerKind) : plural(item.totals.layers, 'layer');
}

/** The tag beside a group's name: "3 blocks", "convolutional", "identity". */
export function badgeText(item: GraphItem): string | null {
  if (item.type === 'layer') return null;
  if (item.kind === 'stage') return plural(item.totals.blocks, 'block');
  if (item.kind === 'block') return item.blockType;
  return null;
}

const KIND_WORDS: Record<LayerKind, string> = {
  input: 'Input layer',
  'zero-padding': 'Zero-padding layer',
  conv: 'Convolution layer',
  'batch-norm': 'BatchNorm layer',
  relu: 'ReLU layer',
  'max-pool': 'Max-pooling layer',
  add: 'Add layer (main path plus shortcut)',
  'avg-pool': 'Average-pooling layer',
  flatten: 'Flatten layer',
  dense: 'Dense layer',
};

/** What a screen reader says a node is, before its settings: "Convolution layer.", "Identity block.". */
export function spokenKind(node: { readonly layerKind: LayerKind | null; readonly blockType: string | null }): string | null {
  if (node.layerKind) return `${KIND_WORDS[node.layerKind]}.`;
  if (node.blockType === 'convolutional') return 'Convolutional block (projection shortcut).';
  if (node.blockType === 'identity') return 'Identity block.';
  return null;
}
