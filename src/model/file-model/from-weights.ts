/**
 * A weights-only file (Keras 3 `.weights.h5`, a legacy save_weights file): no architecture,
 * so it is inferred from the layers' classes, their order and their shapes. ResNet50 has 53
 * convs and 53 BatchNorms; a convolutional block's four convs come in the seed's order
 * (2a, 2b, 2c, shortcut) or keras.applications' (2a, 2b, shortcut, 2c), and only one order
 * makes every width meet the next: that order tells the scheme.
 */
import { RESNET50_STAGES, type Filters } from '../architecture';
import type { Branch } from '../vocabulary';
import { ModelFileError } from '../../formats/errors';
import type { StoredLayer } from '../../formats/types';
import { SCHEME_DEFAULTS, type FileFacts, type StageWidths } from './facts';
import type { NamingScheme } from './schemes';

const ORDERS: Record<NamingScheme, readonly Branch[]> = { seed: ['2a', '2b', '2c', '1'], applications: ['2a', '2b', '1', '2c'] };

/** One conv (and its BatchNorm) as inferred: where it sits and the stored layers. */
export interface InferredConv {
  readonly stage: 1 | 2 | 3 | 4 | 5;
  readonly block: number;
  readonly branch: Branch | null;
  readonly conv: StoredLayer;
  readonly bn: StoredLayer;
}

function kernelOf(layer: StoredLayer): readonly number[] {
  return layer.weights.find((w) => w.name === 'kernel')?.shape ?? layer.weights[0]?.shape ?? [];
}

/** Checks one conv's kernel [k, k, in, out]; returns out, or a sentence saying what is wrong. */
function step(conv: StoredLayer, k: number, input: number, where: string): number | string {
  const [kh, kw, cin, cout] = kernelOf(conv);
  if (kh !== k || kw !== k || cin !== input) return `${where} has a kernel of [${kernelOf(conv).join(', ')}] where [${k}, ${k}, ${input}, F] fits`;
  return cout;
}

interface Walk {
  readonly convs: InferredConv[];
  readonly stages: StageWidths[];
}

/** Walks the convs in one scheme's order; a string says where the widths stop meeting. */
function walk(convs: readonly StoredLayer[], bns: readonly StoredLayer[], order: readonly Branch[]): Walk | string {
  let at = 0;
  const out: InferredConv[] = [];
  const take = (stage: InferredConv['stage'], block: number, branch: Branch | null) => {
    out.push({ stage, block, branch, conv: convs[at], bn: bns[at] });
    return convs[at++];
  };
  const stem = kernelOf(take(1, 0, null));
  if (stem[0] !== 7 || stem[2] !== 3) return `the first conv has a kernel of [${stem.join(', ')}] where conv1's is [7, 7, 3, F]`;
  let channels = stem[3];
  const stages: StageWidths[] = [];
  for (const row of RESNET50_STAGES) {
    const widths: Filters[] = [];
    for (let block = 0; block < row.blocks; block++) {
      const branches = block === 0 ? order : ORDERS.seed.slice(0, 3);
      const layers = new Map(branches.map((b) => [b, take(row.stage, block, b)]));
      const conv = (b: Branch) => layers.get(b) as StoredLayer;
      const f1 = step(conv('2a'), 1, channels, `stage ${row.stage} block ${block + 1}'s first conv`);
      if (typeof f1 === 'string') return f1;
      const f2 = step(conv('2b'), row.kernel, f1, `stage ${row.stage} block ${block + 1}'s middle conv`);
      if (typeof f2 === 'string') return f2;
      const f3 = step(conv('2c'), 1, f2, `stage ${row.stage} block ${block + 1}'s last conv`);
      if (typeof f3 === 'string') return f3;
      const shortcut = layers.get('1');
      if (shortcut) {
        const s = step(shortcut, 1, channels, `stage ${row.stage}'s shortcut conv`);
        if (typeof s === 'string') return s;
        if (s !== f3) return `stage ${row.stage}'s shortcut gives ${s} channels and its main path ${f3}`;
      } else if (f3 !== channels) {
        return `stage ${row.stage} block ${block + 1} gives ${f3} channels to add to its ${channels}-channel input`;
      }
      widths.push([f1, f2, f3]);
      channels = f3;
    }
    const [first, ...identity] = widths;
    const odd = identity.find((w) => w.join() !== identity[0].join());
    if (odd) return `stage ${row.stage}'s identity blocks differ in width ([${identity[0].join(', ')}] and [${odd.join(', ')}])`;
    stages.push({ stage: row.stage, filters: first, identityFilters: identity[0] });
  }
  return { convs: out, stages };
}

function checkBatchNorms(file: string, convs: readonly InferredConv[]): void {
  for (const { conv, bn, stage } of convs) {
    const channels = kernelOf(conv)[3];
    const gamma = bn.weights[0]?.shape[0];
    if (gamma !== channels) {
      throw new ModelFileError(file, `has a BatchNormalization of ${gamma} channels after a ${channels}-filter conv (stage ${stage}): its widths match no consistent ResNet50.`);
    }
  }
}

export interface FromWeights {
  readonly facts: FileFacts;
  readonly convs: readonly InferredConv[];
  readonly dense: StoredLayer | null;
}

export function fromWeights(file: string, stored: readonly StoredLayer[]): FromWeights {
  const convs = stored.filter((l) => l.className === 'Conv2D');
  const bns = stored.filter((l) => l.className === 'BatchNormalization');
  const dense = stored.filter((l) => l.className === 'Dense');
  if (convs.length !== 53 || bns.length !== 53 || dense.length > 1) {
    throw new ModelFileError(file,
      `is not a ResNet50's weights: it holds ${convs.length} Conv2D, ${bns.length} BatchNormalization and ${dense.length} Dense layers; a ResNet50 has 53, 53 and at most 1.`);
  }
  const tries = (['seed', 'applications'] as const).map((scheme) => ({ scheme, result: walk(convs, bns, ORDERS[scheme]) }));
  const fit = tries.find((t) => typeof t.result !== 'string');
  if (!fit || typeof fit.result === 'string') {
    throw new ModelFileError(file, `has widths that match no consistent ResNet50: ${String(tries[0].result)}.`);
  }
  checkBatchNorms(file, fit.result.convs);
  const { scheme } = fit;
  const head = dense[0] ?? null;
  const last = fit.result.stages[3].filters[2];
  const kernel = head ? kernelOf(head) : [];
  if (head && kernel[0] !== last) {
    throw new ModelFileError(file, `has a Dense kernel of [${kernel.join(', ')}] after stage 5's ${last} channels: its widths match no consistent ResNet50.`);
  }
  const defaults = SCHEME_DEFAULTS[scheme];
  return {
    facts: {
      scheme, inputSize: null, stemFilters: kernelOf(convs[0])[3], stages: fit.result.stages,
      poolPadding: defaults.poolPadding, pooling: { global: true }, classes: head ? kernel[1] : null, bnEpsilon: defaults.bnEpsilon,
    },
    convs: fit.result.convs,
    dense: head,
  };
}
