/** ResNet50 from the architecture table: stem, stages 2-5, head. */
import * as tf from '@tensorflow/tfjs';
import { stageBlocks, stageSpecs } from './architecture';
import { convolutionalBlock, identityBlock, seededGlorot, type KernelInit } from './blocks';
import { LayerRecorder, type LayerInfo } from './layer-info';
import { denseName } from './names';
import type { ResNetConfig } from './presets';

export interface BuiltResNet {
  /** Owned by the caller: call `model.dispose()` to free its weights. */
  readonly model: tf.LayersModel;
  /** Every layer in build order, with its kind, position and inputs. */
  readonly layers: readonly LayerInfo[];
  readonly config: ResNetConfig;
}

const STEM = { stage: 1, block: null, branch: null, role: 'stem' } as const;
const HEAD = { stage: null, block: null, branch: null, role: 'head' } as const;

/** Zero-pad 3, conv1 64 7x7/2, bn_conv1, ReLU, (pool1_pad,) max pool 3x3/2. */
function stem(rec: LayerRecorder, input: tf.SymbolicTensor, config: ResNetConfig, init: KernelInit): tf.SymbolicTensor {
  let x = rec.apply(tf.layers.zeroPadding2d({ padding: 3, name: 'conv1_pad' }), input, { kind: 'zero-padding', ...STEM });
  const conv1 = tf.layers.conv2d({
    filters: 64, kernelSize: 7, strides: 2, padding: 'valid', name: 'conv1', kernelInitializer: init(),
  });
  x = rec.apply(conv1, x, { kind: 'conv', ...STEM });
  x = rec.apply(tf.layers.batchNormalization({ axis: 3, name: 'bn_conv1' }), x, { kind: 'batch-norm', ...STEM });
  x = rec.apply(tf.layers.activation({ activation: 'relu', name: 'conv1_relu' }), x, { kind: 'relu', ...STEM });
  if (config.poolPadding > 0) {
    const pad = tf.layers.zeroPadding2d({ padding: config.poolPadding, name: 'pool1_pad' });
    x = rec.apply(pad, x, { kind: 'zero-padding', ...STEM });
  }
  const pool = tf.layers.maxPooling2d({ poolSize: 3, strides: 2, name: 'pool1' });
  return rec.apply(pool, x, { kind: 'max-pool', ...STEM });
}

/** avg_pool, flatten, fc{classes} with softmax. */
function head(rec: LayerRecorder, x: tf.SymbolicTensor, config: ResNetConfig, init: KernelInit): tf.SymbolicTensor {
  const pool = tf.layers.averagePooling2d({ poolSize: config.avgPoolSize, name: 'avg_pool' });
  let y = rec.apply(pool, x, { kind: 'avg-pool', ...HEAD });
  y = rec.apply(tf.layers.flatten({ name: 'flatten' }), y, { kind: 'flatten', ...HEAD });
  const fc = tf.layers.dense({
    units: config.classes, activation: 'softmax', name: denseName(config.classes),
    kernelInitializer: init(),
  });
  return rec.apply(fc, y, { kind: 'dense', ...HEAD });
}

export interface BuildOptions {
  /**
   * `seeded` (default): Glorot-uniform with the config's seed, as the assignment asks.
   * `zeros`: for a model whose weights are about to be loaded, which skips generating
   * 25 million random numbers only to overwrite them.
   */
  readonly initializer?: 'seeded' | 'zeros';
}

export function buildResNet50(config: ResNetConfig, options: BuildOptions = {}): BuiltResNet {
  const init: KernelInit = options.initializer === 'zeros' ? () => tf.initializers.zeros() : () => seededGlorot(config.seed);
  const rec = new LayerRecorder();
  const input = tf.input({ shape: [...config.inputShape], name: 'input' });
  rec.record('input', { kind: 'input', stage: null, block: null, branch: null, role: 'input' }, []);
  let x = stem(rec, input, config, init);
  for (const stage of stageSpecs(config.seedLiteral)) {
    for (const spec of stageBlocks(stage)) {
      x = spec.type === 'convolutional'
        ? convolutionalBlock(rec, x, spec, init)
        : identityBlock(rec, x, spec, init);
    }
  }
  const output = head(rec, x, config, init);
  const model = tf.model({ inputs: input, outputs: output, name: `resnet50_${config.preset}` });
  return { model, layers: rec.layers, config };
}
