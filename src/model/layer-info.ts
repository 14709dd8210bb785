import type * as tf from '@tensorflow/tfjs';
import type { BlockLetter, Branch, StageIndex } from './architecture';

export type LayerKind =
  | 'input'
  | 'zero-padding'
  | 'conv'
  | 'batch-norm'
  | 'relu'
  | 'max-pool'
  | 'add'
  | 'avg-pool'
  | 'flatten'
  | 'dense';

/** Where a layer sits: the stem, a block's main path or shortcut, the merge, or the head. */
export type LayerRole = 'input' | 'stem' | 'main' | 'shortcut' | 'merge' | 'head';

/** What every layer carries about itself, so nobody has to parse it out of a name. */
export interface LayerInfo {
  readonly name: string;
  readonly kind: LayerKind;
  readonly role: LayerRole;
  /** 1 for the stem, 2-5 for the stages, null for the input and the head. */
  readonly stage: StageIndex | null;
  readonly block: BlockLetter | null;
  readonly branch: Branch | null;
  /** Names of the layers feeding this one. */
  readonly inputs: readonly string[];
}

export type LayerMeta = Omit<LayerInfo, 'name' | 'inputs'>;

/**
 * Applies layers while recording each one's LayerInfo in build order, with its inputs
 * taken from the symbolic tensors it was actually connected to.
 */
export class LayerRecorder {
  private readonly recorded: LayerInfo[] = [];

  get layers(): readonly LayerInfo[] {
    return this.recorded;
  }

  record(name: string, meta: LayerMeta, inputs: readonly string[]): void {
    if (this.recorded.some((l) => l.name === name)) {
      throw new Error(`duplicate layer name "${name}"`);
    }
    this.recorded.push({ name, ...meta, inputs: [...inputs] });
  }

  apply(
    layer: tf.layers.Layer,
    input: tf.SymbolicTensor | tf.SymbolicTensor[],
    meta: LayerMeta,
  ): tf.SymbolicTensor {
    const inputs = Array.isArray(input) ? input : [input];
    this.record(layer.name, meta, inputs.map((t) => t.sourceLayer.name));
    return layer.apply(input) as tf.SymbolicTensor;
  }
}
