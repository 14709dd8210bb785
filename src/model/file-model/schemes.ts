/**
 * The two naming schemes a ResNet50 file comes in, as functions of a planned layer's
 * position (never parsed back out of a name): the seed's (`conv1`, `res2a_branch2a`,
 * `bn2a_branch1`: the plan's own names) and keras.applications' (`conv1_conv`,
 * `conv2_block1_1_conv`, `conv2_block1_0_conv` for the shortcut, `predictions`).
 */
import { BLOCK_LETTERS } from '../architecture';
import type { PlannedLayer } from '../layer-info';
import type { Branch } from '../vocabulary';

export type NamingScheme = 'seed' | 'applications';

const APPLICATIONS_BRANCH: Record<Branch, number> = { '2a': 1, '2b': 2, '2c': 3, '1': 0 };

const PART: Partial<Record<PlannedLayer['kind'], string>> = { conv: 'conv', 'batch-norm': 'bn', relu: 'relu' };

function stemName(layer: PlannedLayer, planned: readonly PlannedLayer[]): string {
  if (layer.kind === 'zero-padding') return planned.findIndex((l) => l === layer) === 1 ? 'conv1_pad' : 'pool1_pad';
  const names: Partial<Record<PlannedLayer['kind'], string>> = { conv: 'conv1_conv', 'batch-norm': 'conv1_bn', relu: 'conv1_relu', 'max-pool': 'pool1_pool' };
  return names[layer.kind] ?? layer.name;
}

/** keras.applications' name for a planned layer (the input and flatten keep the plan's). */
export function applicationsName(layer: PlannedLayer, planned: readonly PlannedLayer[]): string {
  const { role, stage, block, branch, kind } = layer;
  if (role === 'stem') return stemName(layer, planned);
  if (role === 'head') return kind === 'avg-pool' ? 'avg_pool' : kind === 'dense' ? 'predictions' : layer.name;
  if (stage === null || stage === 1 || block === null) return layer.name;
  const base = `conv${stage}_block${BLOCK_LETTERS.indexOf(block) + 1}`;
  if (role === 'merge') return kind === 'add' ? `${base}_add` : `${base}_out`;
  if (branch === null) return layer.name;
  return `${base}_${APPLICATIONS_BRANCH[branch]}_${PART[kind] ?? kind}`;
}

/** The scheme's name of every planned layer, by the plan's name. */
export function schemeNames(scheme: NamingScheme, planned: readonly PlannedLayer[]): Map<string, string> {
  return new Map(planned.map((l) => [l.name, scheme === 'seed' ? l.name : applicationsName(l, planned)]));
}

/** The stem conv's name in each scheme: how a file says which scheme it uses. */
export const STEM_CONV: Record<NamingScheme, string> = { seed: 'conv1', applications: 'conv1_conv' };
