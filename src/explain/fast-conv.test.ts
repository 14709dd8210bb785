import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ConvPadding } from '../model';
import { conv2dFastGrad, convInputGradient } from './fast-conv';

beforeAll(async () => {
  await tf.setBackend('wasm');
});

const CASES: readonly [side: number, kernel: number, stride: number, padding: ConvPadding][] = [
  [9, 1, 1, 'valid'], [8, 1, 2, 'valid'], [9, 1, 2, 'valid'], [9, 3, 1, 'same'], [8, 3, 1, 'same'],
  [10, 3, 2, 'same'], [9, 3, 2, 'same'], [15, 7, 2, 'valid'], [16, 7, 2, 'valid'], [7, 3, 1, 'valid'],
];

describe('the fast input gradient of conv2d', () => {
  it.each(CASES)('equals tfjs\'s own (side %i, kernel %i, stride %i, %s)', (side, k, stride, padding) => {
    const before = tf.memory().numTensors;
    tf.tidy(() => check(side, k, stride, padding));
    expect(tf.memory().numTensors).toBe(before);
  });
});

function check(side: number, k: number, stride: number, padding: ConvPadding): void {
  const x = tf.randomNormal([1, side, side, 3], 0, 1, 'float32', 1) as tf.Tensor4D;
  const kernel = tf.randomNormal([k, k, 3, 5], 0, 1, 'float32', 2) as tf.Tensor4D;
  const y = tf.conv2d(x, kernel, stride, padding);
  const dy = tf.randomNormal(y.shape, 0, 1, 'float32', 3) as tf.Tensor4D;
  const expected = tf.grad((input: tf.Tensor) => tf.conv2d(input as tf.Tensor4D, kernel, stride, padding).mul(dy).sum())(x);
  const direct = convInputGradient(dy, kernel, x.shape, stride, padding);
  const through = tf.grad((input: tf.Tensor) => conv2dFastGrad(input as tf.Tensor4D, kernel, stride, padding).mul(dy).sum())(x);
  expect(direct.shape).toEqual(x.shape);
  const scale = expected.abs().max().dataSync()[0];
  expect(scale).toBeGreaterThan(0);
  for (const got of [direct, through]) expect(got.sub(expected).abs().max().dataSync()[0] / scale).toBeLessThan(1e-5);
  // The forward value is conv2d's own.
  expect(conv2dFastGrad(x, kernel, stride, padding).sub(y).abs().max().dataSync()[0]).toBe(0);
}
