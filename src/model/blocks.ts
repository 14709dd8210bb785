/**
 * The two residual blocks, step by step as the assignment describes them: tensor in,
 * tensor out, every layer named from its stage and block.
 */
import * as tf from '@tensorflow/tfjs';
import type { BlockSpec, Branch } from './architecture';
import type { LayerRecorder } from './layer-info';
import { bnName, convName, unnamed } from './names';

/** Channels-last: BatchNorm normalizes axis 3. */
const CHANNELS_AXIS = 3;

interface ConvStep {
  readonly branch: Branch;
  readonly filters: number;
  readonly kernel: number;
  readonly stride: number;
  readonly padding: 'valid' | 'same';
  readonly relu: boolean;
}

export type Initializer = ReturnType<typeof tf.initializers.glorotUniform>;
/** Makes a fresh kernel initializer for each conv (each layer needs its own instance). */
export type KernelInit = () => Initializer;

/** Glorot-uniform with the seed ("Use 0 as the seed for the random initialization"). */
export function seededGlorot(seed: number): Initializer {
  return tf.initializers.glorotUniform({ seed });
}

/** One component: CONV2D -> BatchNorm on the channels axis -> ReLU (when the step has one). */
function component(
  rec: LayerRecorder,
  x: tf.SymbolicTensor,
  spec: BlockSpec,
  step: ConvStep,
  init: KernelInit,
): tf.SymbolicTensor {
  const { stage, block } = spec;
  const role = step.branch === '1' ? 'shortcut' : 'main';
  const where = { stage, block, branch: step.branch, role } as const;
  const conv = tf.layers.conv2d({
    filters: step.filters,
    kernelSize: step.kernel,
    strides: step.stride,
    padding: step.padding,
    name: convName(stage, block, step.branch),
    kernelInitializer: init(),
  });
  let y = rec.apply(conv, x, { kind: 'conv', ...where });
  const bn = tf.layers.batchNormalization({ axis: CHANNELS_AXIS, name: bnName(stage, block, step.branch) });
  y = rec.apply(bn, y, { kind: 'batch-norm', ...where });
  if (!step.relu) return y;
  const relu = tf.layers.activation({ activation: 'relu', name: unnamed.branchRelu(stage, block, step.branch) });
  return rec.apply(relu, y, { kind: 'relu', ...where });
}

/** The three main-path components: 1x1 "valid" (stride s), fxf "same", 1x1 "valid". */
function mainPath(rec: LayerRecorder, x: tf.SymbolicTensor, spec: BlockSpec, init: KernelInit): tf.SymbolicTensor {
  const [f1, f2, f3] = spec.filters;
  const steps: ConvStep[] = [
    { branch: '2a', filters: f1, kernel: 1, stride: spec.stride, padding: 'valid', relu: true },
    { branch: '2b', filters: f2, kernel: spec.kernel, stride: 1, padding: 'same', relu: true },
    { branch: '2c', filters: f3, kernel: 1, stride: 1, padding: 'valid', relu: false },
  ];
  return steps.reduce((y, step) => component(rec, y, spec, step, init), x);
}

/** Final step: the shortcut and the main path are added, then ReLU. */
function merge(
  rec: LayerRecorder,
  main: tf.SymbolicTensor,
  shortcut: tf.SymbolicTensor,
  spec: BlockSpec,
): tf.SymbolicTensor {
  const where = { stage: spec.stage, block: spec.block, branch: null, role: 'merge' } as const;
  const add = tf.layers.add({ name: unnamed.add(spec.stage, spec.block) });
  const sum = rec.apply(add, [main, shortcut], { kind: 'add', ...where });
  const relu = tf.layers.activation({ activation: 'relu', name: unnamed.blockRelu(spec.stage, spec.block) });
  return rec.apply(relu, sum, { kind: 'relu', ...where });
}

/** Identity block: the input itself is the shortcut, so input and output shapes match. */
export function identityBlock(
  rec: LayerRecorder,
  x: tf.SymbolicTensor,
  spec: BlockSpec,
  init: KernelInit,
): tf.SymbolicTensor {
  if (spec.type !== 'identity' || spec.stride !== 1) {
    throw new Error(`identityBlock got a ${spec.type} block with stride ${spec.stride}`);
  }
  return merge(rec, mainPath(rec, x, spec, init), x, spec);
}

/** Convolutional block: a 1x1 conv with stride s + BatchNorm on the shortcut (branch 1). */
export function convolutionalBlock(
  rec: LayerRecorder,
  x: tf.SymbolicTensor,
  spec: BlockSpec,
  init: KernelInit,
): tf.SymbolicTensor {
  if (spec.type !== 'convolutional') throw new Error(`convolutionalBlock got an ${spec.type} block`);
  const main = mainPath(rec, x, spec, init);
  const shortcutStep: ConvStep = {
    branch: '1', filters: spec.filters[2], kernel: 1, stride: spec.stride, padding: 'valid', relu: false,
  };
  return merge(rec, main, component(rec, x, spec, shortcutStep, init), spec);
}
