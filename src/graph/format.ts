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
