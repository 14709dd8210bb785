// The backward pass written for this architecture against tf.grad's own gradients, on the
// SIGNS network (64x64) with random BatchNorm statistics and conv biases (so the folded
// scales and the ReLU masks are not trivial), and each backward step against tf.grad on
// small random tensors.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildResNet50, presetConfig, releaseDerived, type BuiltResNet, type ConvPadding } from '../model';
import { backwardKernel, backwardKernels } from './backward-kernels';
import { recordForward } from './backprop';
import { convBackward } from './conv-backward';
import { logitGradients, tfLogitGradients, tfUnitGradient, unitGradient } from './input-gradients';
import { maxPoolBackward } from './pool-backward';

let built: BuiltResNet;
let before: number;

/** Random moving statistics, scales and biases: a network whose BatchNorms do something. */
function randomize(model: tf.LayersModel): void {
  let seed = 10;
  for (const layer of model.layers) {
    const weights = layer.getWeights();
    if (weights.length === 0) continue;
    const name = layer.getClassName();
    if (name === 'BatchNormalization') {
      const c = weights[0].shape[0];
      const [gamma, beta, mean, variance] = [tf.randomUniform([c], 0.5, 1.5, 'float32', seed++), tf.randomNormal([c], 0, 0.1, 'float32', seed++),
        tf.randomNormal([c], 0, 0.1, 'float32', seed++), tf.randomUniform([c], 0.5, 2, 'float32', seed++)];
      layer.setWeights([gamma, beta, mean, variance]);
      tf.dispose([gamma, beta, mean, variance]);
    } else if (name === 'Conv2D') {
      const bias = tf.randomNormal(weights[1].shape, 0, 0.05, 'float32', seed++);
      layer.setWeights([weights[0], bias]);
      bias.dispose();
    }
  }
}

beforeAll(async () => {
  await tf.setBackend('wasm');
  before = tf.memory().numTensors;
  built = buildResNet50(presetConfig('signs', { seedLiteral: false }));
  randomize(built.model);
});

afterAll(() => {
  // The backward kernels are the model's: freed with it, they leave nothing behind.
  releaseDerived(built.model);
  built.model.dispose();
  expect(tf.memory().numTensors).toBe(before);
});

/** |a - b| over |b|, both as whole vectors (L2), and the largest element's error over the largest element. */
function errors(a: tf.Tensor, b: tf.Tensor): { l2: number; max: number } {
  return tf.tidy(() => ({
    l2: a.sub(b).norm().div(b.norm()).dataSync()[0],
    max: a.sub(b).abs().max().div(b.abs().max()).dataSync()[0],
  }));
}

describe('the hand-written backward pass of ResNet50', () => {
  it('gives tf.grad\'s logit gradients, for a batch (its own forward pass) and for one held image', () => {
    const inputs = tf.randomUniform([2, 64, 64, 3], 0, 1, 'float32', 7) as tf.Tensor4D;
    for (const classIndex of [4]) {
      const expected = tf.tidy(() => tfLogitGradients(built, inputs, classIndex));
      const got = logitGradients(built, inputs, classIndex);
      const e = errors(got, expected);
      expect(e.l2).toBeLessThan(1e-4);
      expect(e.max).toBeLessThan(1e-3);
      tf.dispose([expected, got]);
    }
    // Batch 1 through a recorded pass, as saliency reads a held image's activations.
    const one = inputs.slice([1, 0, 0, 0], [1, -1, -1, -1]) as tf.Tensor4D;
    const held = recordForward(built, one, 'flatten');
    const expected = tf.tidy(() => tfLogitGradients(built, one, 2));
    const got = logitGradients(built, one, 2, (name) => held.get(name) as tf.Tensor);
    expect(errors(got, expected).l2).toBeLessThan(1e-4);
    tf.dispose([inputs, one, expected, got, ...held.values()]);
  });

  it('gives tf.grad\'s gradient of one unit, in the stem, mid-block and at the last block', () => {
    const input = tf.randomUniform([1, 64, 64, 3], 0, 1, 'float32', 8) as tf.Tensor4D;
    for (const [layer, row, col] of [['pool1', 7, 3], ['res3b_branch2b', 2, 5], ['res4a_add', 1, 1]] as const) {
      const expected = tf.tidy(() => tfUnitGradient(built, input, layer, row, col));
      const got = unitGradient(built, input, layer, row, col);
      expect(errors(got, expected).l2, layer).toBeLessThan(1e-4);
      tf.dispose([expected, got]);
    }
    input.dispose();
  });

  it('makes its kernels once per model (the same tensors the second time)', () => {
    expect(backwardKernels(built)).toBe(backwardKernels(built));
    expect(backwardKernels(built).get('conv1')?.shape).toEqual([4, 4, 64, 12]);
    expect(backwardKernels(built).get('res2a_branch2b')?.shape).toEqual([3, 3, 64, 64]);
    expect(backwardKernels(built).get('res3a_branch1')?.shape).toEqual([1, 1, 512, 256]);
  });
});

describe('each backward step', () => {
  const CONVS: readonly [side: number, kernel: number, stride: number, padding: ConvPadding][] = [
    [9, 1, 1, 'valid'], [8, 1, 2, 'valid'], [9, 1, 2, 'valid'], [9, 3, 1, 'same'], [8, 3, 1, 'valid'],
    [15, 7, 2, 'valid'], [16, 7, 2, 'valid'], [10, 3, 2, 'same'], [9, 3, 2, 'same'], [12, 5, 3, 'valid'],
  ];
  it.each(CONVS)('conv: side %i, kernel %i, stride %i, %s', (side, k, stride, padding) => {
    const count = tf.memory().numTensors;
    tf.tidy(() => {
      const x = tf.randomNormal([2, side, side, 3], 0, 1, 'float32', 1) as tf.Tensor4D;
      const kernel = tf.randomNormal([k, k, 3, 5], 0, 1, 'float32', 2) as tf.Tensor4D;
      const dy = tf.randomNormal(tf.conv2d(x, kernel, stride, padding).shape, 0, 1, 'float32', 3) as tf.Tensor4D;
      const expected = tf.grad((input: tf.Tensor) => tf.conv2d(input as tf.Tensor4D, kernel, stride, padding).mul(dy).sum())(x);
      const got = convBackward(dy, backwardKernel(kernel, stride, null), { kernel: k, stride, padding, inputSize: [side, side] });
      expect(got.shape).toEqual(x.shape);
      expect(errors(got, expected).max).toBeLessThan(1e-5);
    });
    expect(tf.memory().numTensors).toBe(count);
  });

  it.each([[15, 3, 2], [14, 3, 2], [16, 2, 2], [13, 3, 1]])('max pool: side %i, window %i, stride %i, after a ReLU', (side, k, s) => {
    tf.tidy(() => {
      // A ReLU'd map: ties at zero (whole windows of them), none at positive values.
      const x = tf.randomNormal([2, side, side, 4], -0.5, 1, 'float32', 4).relu() as tf.Tensor4D;
      const y = tf.maxPool(x, k, s, 'valid');
      const dy = tf.randomNormal(y.shape, 0, 1, 'float32', 5) as tf.Tensor4D;
      // Through the ReLU before it, as in the network: the ReLU stops the gradient of zeros.
      const expected = tf.grad((z: tf.Tensor) => tf.maxPool(z.relu() as tf.Tensor4D, k, s, 'valid').mul(dy).sum())(x);
      const got = maxPoolBackward(dy, x, y, k, s).mul(x.step());
      expect(got.shape).toEqual(x.shape);
      expect(got.sub(expected).abs().max().dataSync()[0]).toBeLessThan(1e-5);
    });
  });
});
