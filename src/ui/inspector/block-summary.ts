/**
 * A residual block as the inspector summarises it, from the model's summary alone: its
 * type, what goes in and comes out, its layers and its parameters. Positions come from
 * each layer's stored stage and block, never from its name.
 */
import { blockName, type BlockLetter, type BlockType, type LayerSummary, type ModelSummary, type StageNumber } from '../../model/pure';

export interface BlockFacts {
  readonly name: string;
  readonly stage: StageNumber;
  readonly block: BlockLetter;
  /** Convolutional when its shortcut has layers of its own (a 1x1 projection), identity otherwise. */
  readonly type: BlockType;
  /** The layer feeding the block (the previous block's output, or the stem's). */
  readonly inputLayer: string;
  readonly inputShape: readonly number[];
  readonly outputLayer: string;
  readonly outputShape: readonly number[];
  /** In build order. */
  readonly layers: readonly LayerSummary[];
  readonly params: number;
  readonly trainableParams: number;
}

/** BatchNorm's moving mean and variance (half its parameters) are not trained by gradients. */
export function trainableParams(layer: LayerSummary): number {
  return layer.info.kind === 'batch-norm' ? layer.params / 2 : layer.params;
}

/** The block of that name, or null when no block has it (a layer, a stage, a typo). */
export function blockFacts(summary: ModelSummary, name: string): BlockFacts | null {
  const layers = summary.layers.filter(({ info }) => info.stage !== null && info.stage !== 1 && info.block !== null && blockName(info.stage, info.block) === name);
  const [first] = layers;
  const last = layers.at(-1);
  if (!first || !last || first.info.stage === null || first.info.stage === 1 || first.info.block === null) return null;
  const inputLayer = first.inputs[0];
  const input = summary.layers.find((l) => l.name === inputLayer);
  return {
    name,
    stage: first.info.stage,
    block: first.info.block,
    type: layers.some((l) => l.info.role === 'shortcut') ? 'convolutional' : 'identity',
    inputLayer,
    inputShape: input?.outputShape ?? [],
    outputLayer: last.name,
    outputShape: last.outputShape,
    layers,
    params: layers.reduce((n, l) => n + l.params, 0),
    trainableParams: layers.reduce((n, l) => n + trainableParams(l), 0),
  };
}

/** Every block's name, in network order. */
export function blockNames(summary: ModelSummary): string[] {
  const names = summary.layers.flatMap(({ info }) => (info.stage !== null && info.stage !== 1 && info.block !== null ? [blockName(info.stage, info.block)] : []));
  return [...new Set(names)];
}
