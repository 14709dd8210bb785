// The inspector on the real ImageNet model: predictions, stats, CAM, float16, and no leaks.
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeImageFile } from '../model/image/decode-node';
import { createFsSource } from '../model/weights/source-node';
import { readLayerData } from './layer-data';
import { ModelSession, type Pixels } from './session';

const MODELS = path.resolve('public/models');
let f32: ModelSession;
let f16: ModelSession;
let chelsea: Pixels;
let coffee: Pixels;

async function open(dir: string): Promise<ModelSession> {
  return ModelSession.open({ preset: 'imagenet', seedLiteral: false, weights: createFsSource(path.join(MODELS, dir)) });
}

beforeAll(async () => {
  await tf.setBackend('wasm');
  [f32, f16, chelsea, coffee] = await Promise.all([
    open('resnet50'), open('resnet50-f16'),
    decodeImageFile('public/samples/chelsea.png'), decodeImageFile('public/samples/coffee.png'),
  ]);
});

afterAll(() => {
  f32.dispose();
  f16.dispose();
});

describe('classification through the library API', () => {
  it('chelsea.png is an Egyptian cat, coffee.png an espresso', async () => {
    const cat = await f32.classify(chelsea);
    expect(cat.predictions[0]).toMatchObject({ index: 285, label: 'Egyptian cat' });
    expect(cat.predictions[0].probability).toBeGreaterThan(0.8);
    expect(cat.predictions).toHaveLength(5);
    const cup = await f32.classify(coffee);
    expect(cup.predictions[0]).toMatchObject({ label: 'espresso' });
    expect(cup.predictions[0].probability).toBeGreaterThan(0.9);
  });

  it('float16 weights give the same top-5 within 1e-2', async () => {
    for (const image of [chelsea, coffee]) {
      const a = await f32.classify(image);
      const b = await f16.classify(image);
      expect(b.predictions.map((p) => p.index)).toEqual(a.predictions.map((p) => p.index));
      b.predictions.forEach((p, i) => expect(Math.abs(p.probability - a.predictions[i].probability)).toBeLessThan(1e-2));
    }
  });
});

describe('layer statistics', () => {
  it('match values computed independently from the downloaded tensor', async () => {
    await f32.classify(chelsea);
    for (const name of ['conv1', 'res2a_branch2a_relu', 'res3a_add', 'res5c_relu', 'fc1000']) {
      const s = await f32.inspector.layerStats(name);
      const { values, shape } = await f32.inspector.layerValues(name);
      const n = values.length;
      let min = Infinity, max = -Infinity, sum = 0, zeros = 0;
      for (const v of values) { min = Math.min(min, v); max = Math.max(max, v); sum += v; if (v === 0) zeros++; }
      const mean = sum / n;
      let sq = 0;
      for (const v of values) sq += (v - mean) ** 2;
      expect(s.shape).toEqual(shape);
      expect(s.min).toBeCloseTo(min, 4);
      expect(s.max).toBeCloseTo(max, 4);
      expect(s.mean).toBeCloseTo(mean, 3);
      expect(s.std / Math.sqrt(sq / n)).toBeCloseTo(1, 3);
      expect(s.zeroFraction).toBeCloseTo(zeros / n, 5);
      const counts = new Array(32).fill(0);
      for (const v of values) counts[Math.min(31, Math.floor(((v - min) / (max - min)) * 32))]++;
      const off = s.histogram.counts.reduce((acc, c, i) => acc + Math.abs(c - counts[i]), 0);
      expect(off / n, name).toBeLessThan(1e-3); // float rounding at bin edges only
      expect(s.histogram.counts.reduce((a, b) => a + b, 0)).toBe(n);
      const channels = shape[shape.length - 1];
      const ch0 = values.filter((_, i) => i % channels === 0);
      expect(s.channelMeans[0]).toBeCloseTo(ch0.reduce((a, b) => a + b, 0) / ch0.length, 3);
    }
  });

  it('a ReLU switches values off; an add layer reports its two branches', async () => {
    await f32.classify(coffee);
    expect((await f32.inspector.layerStats('res2a_relu')).zeroFraction).toBeGreaterThan(0.1);
    const add = f32.built.layers.find((l) => l.name === 'res4c_add');
    const data = await readLayerData(f32.inspector, add ?? f32.built.layers[0]);
    expect(data.branches?.main.name).toBe('bn4c_branch2c');
    expect(data.branches?.shortcut.name).toBe('res4b_relu');
    expect(data.branches?.main.norm).toBeGreaterThan(0);
    expect(data.values).toHaveLength(14 * 14 * 1024);
  });

  it('suggests the nearest names for an unknown layer', () => {
    expect(() => f32.inspector.layerStats('res2a_branch2')).toThrow(/did you mean res2a_branch1, res2a_branch2a, res2a_branch2b/);
  });
});

/** `image`'s centre square, nearest-sampled to `size` pixels, drawn on `canvas` at (`left`, `top`). */
function paste(canvas: Uint8Array, width: number, image: Pixels, size: number, left: number, top: number) {
  const side = Math.min(image.width, image.height);
  const [x0, y0] = [(image.width - side) >> 1, (image.height - side) >> 1];
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const from = ((y0 + Math.floor((y * side) / size)) * image.width + x0 + Math.floor((x * side) / size)) * 4;
      canvas.set(image.pixels.subarray(from, from + 4), ((top + y) * width + left + x) * 4);
    }
  }
}

/** The quadrant (0 top-left, 1 top-right, 2 bottom-left, 3 bottom-right) holding most of a 224 x 224 map, and its brightest pixel's. */
function quadrants(values: ArrayLike<number>): { most: number; brightest: number } {
  const mass = [0, 0, 0, 0];
  let brightest = 0;
  for (let i = 0; i < 224 * 224; i++) {
    const q = (Math.floor(i / 224) >= 112 ? 2 : 0) + (i % 224 >= 112 ? 1 : 0);
    mass[q] += Math.max(0, values[i]);
    if (values[i] > values[brightest]) brightest = i;
  }
  return { most: mass.indexOf(Math.max(...mass)), brightest: (Math.floor(brightest / 224) >= 112 ? 2 : 0) + (brightest % 224 >= 112 ? 1 : 0) };
}

describe('class activation map', () => {
  it('is brightest where its object is: the cat in one corner, the espresso in the opposite one', async () => {
    // A grey 224 x 224 picture with the cat top-left and the cup bottom-right, 112 pixels each.
    const pixels = new Uint8Array(224 * 224 * 4).fill(128);
    paste(pixels, 224, chelsea, 112, 0, 0);
    paste(pixels, 224, coffee, 112, 112, 112);
    const { predictions } = await f32.classify({ pixels, width: 224, height: 224 });
    const espresso = f32.inspector.labels.indexOf('espresso');
    expect(espresso).toBeGreaterThan(0);
    expect(quadrants((await f32.inspector.cam(285)).values)).toEqual({ most: 0, brightest: 0 });
    expect(quadrants((await f32.inspector.cam(espresso)).values)).toEqual({ most: 3, brightest: 3 });
    expect(predictions.map((p) => p.index)).toContain(espresso);
  });

  it('is input-sized, and its mean is the class logit less its bias', async () => {
    const { predictions } = await f32.classify(chelsea);
    const cam = await f32.inspector.cam(predictions[0].index);
    expect(cam.shape).toEqual([224, 224]);
    expect(cam.values).toHaveLength(224 * 224);
    expect(Math.max(...cam.values)).toBeGreaterThan(0);
    // Equals the res5c output weighted by fc1000's column, averaged: the class logit minus bias.
    const features = await f32.inspector.layerValues('res5c_relu');
    const kernel = f32.built.model.getLayer('fc1000').getWeights()[0];
    const column = (await kernel.slice([0, predictions[0].index], [-1, 1]).data());
    const pooled = new Float64Array(2048);
    features.values.forEach((v, i) => { pooled[i % 2048] += v / 49; });
    const logitNoBias = pooled.reduce((acc, v, i) => acc + v * column[i], 0);
    const camMean = cam.values.reduce((a, b) => a + b, 0) / cam.values.length;
    expect(camMean / logitNoBias).toBeCloseTo(1, 1);
  });
});

describe('class activation map alignment', () => {
  it('is upsampled with half-pixel centres, like the input was resized (no half-cell shift)', async () => {
    await f32.classify(chelsea);
    const features = await f32.inspector.layerValues('res5c_relu');
    expect(features.shape).toEqual([7, 7, 2048]);
    const cam = await f32.inspector.cam(285);
    const at = (r: number, c: number) => cam.values[r * 224 + c];
    const coarse = new Float64Array(49);
    const kernel = f32.built.model.getLayer('fc1000').getWeights()[0];
    const column = await kernel.slice([0, 285], [-1, 1]).data();
    features.values.forEach((v, i) => { coarse[Math.floor(i / 2048)] += v * column[i % 2048]; });
    // Half-pixel centres map pixel 16 to source 16.5 / 32 - 0.5 = 1/64: weights 63/64 and 1/64
    // on cells 0 and 1 in each direction. Corner alignment would give 1/2 and 1/2 instead.
    const [a, b] = [63 / 64, 1 / 64];
    const expected = coarse[0] * a * a + coarse[1] * a * b + coarse[7] * b * a + coarse[8] * b * b;
    expect(Math.abs(at(16, 16) - expected) / Math.abs(expected)).toBeLessThan(1e-3);
  });
});

describe('memory', () => {
  it('a run the caller no longer wants keeps the previous activations and leaves no tensors', async () => {
    await f16.classify(chelsea);
    const cat = await f16.inspector.layerStats('fc1000');
    const count = tf.memory().numTensors;
    const run = await f16.classify(coffee, 5, { keep: () => false });
    expect(run.kept).toBe(false);
    expect(run.predictions[0].label).toBe('espresso');
    expect(tf.memory().numTensors).toBe(count);
    expect(await f16.inspector.layerStats('fc1000')).toEqual(cat);
  });

  it('holds one image at a time: no growth over 8 images, baseline after dispose', async () => {
    await f16.classify(chelsea);
    const steady = tf.memory().numTensors;
    for (let i = 0; i < 8; i++) {
      await f16.classify(i % 2 ? chelsea : coffee);
      await f16.inspector.layerStats('res3b_relu');
      await f16.inspector.cam(285);
      await f16.inspector.layerScalars(i % 2 ? 'zeroFraction' : 'max');
      const add = f16.built.layers.find((l) => l.name === 'res2b_add');
      if (add) await readLayerData(f16.inspector, add);
      expect(tf.memory().numTensors).toBe(steady);
    }
    const before = tf.memory().numTensors;
    const extra = await open('resnet50-f16');
    await extra.classify(coffee);
    extra.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
