import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CAFFE_MEAN_BGR, pixelsToInput, pixelsToUnitInput, preprocess, preprocessCaffe, resizedPreview, rgbaToRgbOnWhite,
} from './preprocess';
import { CAFFE_PREPROCESSING, SEEDED_PREPROCESSING } from './preprocessing';
import { IMAGENET_WEIGHTS } from './weights/descriptor';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const [MEAN_B, MEAN_G, MEAN_R] = CAFFE_MEAN_BGR;

/** An RGBA buffer from a function of (x, y). */
function rgba(width: number, height: number, color: (x: number, y: number) => number[]): Uint8Array {
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y += 1) for (let x = 0; x < width; x += 1) data.set(color(x, y), (y * width + x) * 4);
  return data;
}

/** Element-wise equality to float32 precision. */
function expectClose(actual: ArrayLike<number>, expected: readonly number[], tolerance = 1e-4): void {
  expect(actual.length).toBe(expected.length);
  const worst = Math.max(...expected.map((v, i) => Math.abs(actual[i] - v)));
  expect(worst, `${Array.from(actual)} vs ${expected}`).toBeLessThan(tolerance);
}

/** Runs `make`, checks it leaves exactly one new tensor (its result), reads and frees it. */
function valuesOf(make: () => tf.Tensor): { shape: number[]; values: Float32Array } {
  const before = tf.memory().numTensors;
  const result = make();
  expect(tf.memory().numTensors).toBe(before + 1);
  const values = result.dataSync() as Float32Array;
  const shape = result.shape;
  result.dispose();
  return { shape, values };
}

describe('rgbaToRgbOnWhite', () => {
  it('keeps opaque pixels and composites alpha on white', () => {
    const pixels = Uint8ClampedArray.from([10, 20, 30, 255, 0, 0, 0, 0, 0, 0, 0, 51, 200, 100, 0, 102]);
    const rgb = rgbaToRgbOnWhite(pixels, 2, 2);
    expect(Array.from(rgb.subarray(0, 9))).toEqual([10, 20, 30, 255, 255, 255, 204, 204, 204]);
    expect(Array.from(rgb.subarray(9)).map((v) => Math.round(v * 100) / 100)).toEqual([233, 193, 153]);
  });

  it('refuses a buffer of the wrong length', () => {
    expect(() => rgbaToRgbOnWhite(new Uint8Array(7), 1, 2)).toThrow(/Expected 8 RGBA bytes/);
  });
});

describe('preprocessCaffe', () => {
  it('leaves a 224 x 224 image untouched: RGB -> BGR, mean subtracted, no scaling, batch of one', () => {
    const rgb = tf.tidy(() => tf.ones([224, 224, 3]).mul(tf.tensor1d([10, 20, 30])) as tf.Tensor3D);
    const withCorner = tf.tidy(() => rgb.add(tf.scatterND([[0, 0]], tf.tensor2d([[190, 80, 20]]), [224, 224, 3])) as tf.Tensor3D);
    const { shape, values } = valuesOf(() => preprocessCaffe(withCorner));
    expect(shape).toEqual([1, 224, 224, 3]);
    expectClose(values.subarray(0, 3), [50 - MEAN_B, 100 - MEAN_G, 200 - MEAN_R]);
    expectClose(values.subarray(3, 6), [30 - MEAN_B, 20 - MEAN_G, 10 - MEAN_R]);
    expect(rgb.isDisposed || withCorner.isDisposed).toBe(false);
    tf.dispose([rgb, withCorner]);
  });

  it('keeps a flat colour flat whatever the input size', () => {
    for (const [h, w] of [[300, 451], [1, 1], [700, 90]]) {
      const rgb = tf.tidy(() => tf.ones([h, w, 3]).mul(tf.tensor1d([200, 150, 100])) as tf.Tensor3D);
      const { values } = valuesOf(() => preprocessCaffe(rgb, 8));
      rgb.dispose();
      for (let i = 0; i < values.length; i += 3) {
        expectClose([values[i], values[i + 1], values[i + 2]], [100 - MEAN_B, 150 - MEAN_G, 200 - MEAN_R], 1e-3);
      }
    }
  });

  it('resizes with half-pixel centres (PIL / TF2 convention): 0,100 -> 0,25,75,100', () => {
    const rgb = tf.tensor3d([0, 0, 0, 100, 100, 100, 0, 0, 0, 100, 100, 100], [2, 2, 3]);
    const { values } = valuesOf(() => preprocessCaffe(rgb, 4));
    rgb.dispose();
    expectClose([0, 1, 2, 3].map((x) => values[x * 3 + 2] + MEAN_R), [0, 25, 75, 100], 1e-3);
  });

  it('commutes with a mirror: the resized image does not drift sideways', () => {
    const pixels = rgba(451, 300, (x, y) => [(x * 7 + y) % 256, (x * y) % 256, (x + 3 * y) % 256, 255]);
    const mirrored = rgba(451, 300, (x, y) => Array.from(pixels.subarray((y * 451 + 450 - x) * 4, (y * 451 + 451 - x) * 4)));
    const a = valuesOf(() => pixelsToInput(pixels, 451, 300)).values;
    const b = valuesOf(() => tf.tidy(() => pixelsToInput(mirrored, 451, 300).reverse(2))).values;
    let worst = 0;
    for (let i = 0; i < a.length; i += 1) worst = Math.max(worst, Math.abs(a[i] - b[i]));
    expect(worst).toBeLessThan(1e-3);
  });

  it('averages on big downscales instead of aliasing (a 3x checkerboard turns gray)', () => {
    const board = tf.tidy(() => {
      const cells = tf.add(tf.range(0, 672).expandDims(1), tf.range(0, 672).expandDims(0)).mod(2).mul(255);
      return tf.stack([cells, cells, cells], 2) as tf.Tensor3D;
    });
    const { values } = valuesOf(() => preprocessCaffe(board, 224));
    board.dispose();
    const reds = values.filter((_, i) => i % 3 === 2).map((v) => v + MEAN_R);
    expect(Math.min(...reds)).toBeGreaterThan(110);
    expect(Math.max(...reds)).toBeLessThan(145);
  });

  it('accepts an int32 image', () => {
    const rgb = tf.tensor3d([1, 2, 3], [1, 1, 3], 'int32');
    const { values } = valuesOf(() => preprocessCaffe(rgb, 1));
    rgb.dispose();
    expectClose(values, [3 - MEAN_B, 2 - MEAN_G, 1 - MEAN_R]);
  });
});

describe('pixelsToInput, pixelsToUnitInput and resizedPreview', () => {
  const pixels = Uint8Array.from([255, 0, 0, 255, 0, 0, 0, 0, 0, 0, 255, 255, 10, 20, 30, 255]); // red, clear, blue, dark

  it('pixelsToInput: alpha on white, then caffe mode', () => {
    const { shape, values } = valuesOf(() => pixelsToInput(pixels, 2, 2, 2));
    expect(shape).toEqual([1, 2, 2, 3]);
    expectClose(values.subarray(3, 6), [255 - MEAN_B, 255 - MEAN_G, 255 - MEAN_R]);
    expectClose(values.subarray(6, 9), [255 - MEAN_B, 0 - MEAN_G, 0 - MEAN_R]);
  });

  it('pixelsToUnitInput: RGB kept, scaled to 0..1', () => {
    const { values } = valuesOf(() => pixelsToUnitInput(pixels, 2, 2, 2));
    expect(Array.from(values.subarray(0, 6))).toEqual([1, 0, 0, 1, 1, 1]);
  });

  it('resizedPreview: the network’s view as RGBA bytes, leaving no tensors', async () => {
    const before = tf.memory().numTensors;
    const preview = await resizedPreview(pixels, 2, 2, 2);
    expect(preview).toBeInstanceOf(Uint8ClampedArray);
    expect(Array.from(preview)).toEqual([255, 0, 0, 255, 255, 255, 255, 255, 0, 0, 255, 255, 10, 20, 30, 255]);
    const big = await resizedPreview(rgba(451, 300, () => [9, 99, 199, 255]), 451, 300);
    expect(big.length).toBe(224 * 224 * 4);
    expect(Array.from(big.subarray(4000, 4004))).toEqual([9, 99, 199, 255]);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('preprocess: what the weights ask for', () => {
  const pixels = Uint8Array.from([255, 0, 0, 255, 0, 0, 0, 0, 0, 0, 255, 255, 10, 20, 30, 255]);

  it('dispatches on the mode: caffe for the ImageNet weights, x / 255 for the seeded model', () => {
    expect(IMAGENET_WEIGHTS.float16.preprocessing).toEqual(CAFFE_PREPROCESSING);
    const caffe = valuesOf(() => preprocess(pixels, 2, 2, IMAGENET_WEIGHTS.float32.preprocessing, 2));
    expect(Array.from(caffe.values)).toEqual(Array.from(valuesOf(() => pixelsToInput(pixels, 2, 2, 2)).values));
    const unit = valuesOf(() => preprocess(pixels, 2, 2, SEEDED_PREPROCESSING, 2));
    expect(Array.from(unit.values)).toEqual(Array.from(valuesOf(() => pixelsToUnitInput(pixels, 2, 2, 2)).values));
  });

  it('subtracts the mean the weights carry', () => {
    const { values } = valuesOf(() => preprocess(pixels, 2, 2, { mode: 'caffe', meanBgr: [1, 2, 3] }, 2));
    expectClose(values.subarray(0, 3), [0 - 1, 0 - 2, 255 - 3]);
  });
});
