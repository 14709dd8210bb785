// Attributions on the SIGNS preset (64x64, seeded): the explicit logit, the recomputed
// network, Grad-CAM against the CAM, saliency, SmoothGrad, integrated gradients' completeness
// and the effective receptive field, with no tensor left behind.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeImageFile } from '../model/image/decode-node';
import { ModelSession } from '../inspect/session';
import { releaseDerived } from '../model';
import { attribute, type HeldImage } from './attribute';
import { allLogits } from './logit';
import { runBetween } from './subgraph';
import type { AttributionProgress } from './types';
import { unitField } from './unit-field';
import { receptiveField, unitCentre } from './receptive-field';

let session: ModelSession;
let image: HeldImage;
let before: number;

beforeAll(async () => {
  await tf.setBackend('wasm');
  session = await ModelSession.open({ preset: 'signs', seedLiteral: false });
  await session.classify(await decodeImageFile('public/samples/chelsea.png'));
  const { built, inspector, preprocessing } = session;
  image = { built, labels: inspector.labels, preprocessing, activation: (name) => inspector.activation(name) };
  before = tf.memory().numTensors;
});

afterAll(() => {
  // Every attribution freed what it made; the backward kernels are the model's, made once.
  releaseDerived(session.built.model);
  expect(tf.memory().numTensors).toBe(before);
  session.dispose();
});

const maxAbs = (a: ArrayLike<number>, b: ArrayLike<number>) => Math.max(...Array.from(a, (v, i) => Math.abs(v - b[i])));

describe('the network recomputed for gradients', () => {
  it('gives the model\'s own activations, and the logits give its probabilities through softmax', () => {
    tf.tidy(() => {
      const held = (name: string) => image.activation(name);
      const flatten = runBetween(session.built, 'input', held('input'), 'flatten', held);
      expect(maxAbs(flatten.dataSync(), held('flatten').dataSync())).toBeLessThan(1e-3 * held('flatten').abs().max().dataSync()[0]);
      // From the middle of a block: the shortcut around it is read from the held activations.
      const add = runBetween(session.built, 'res3b_branch2a', held('res3b_branch2a'), 'res3b_add', held);
      expect(maxAbs(add.dataSync(), held('res3b_add').dataSync())).toBeLessThan(1e-4 * held('res3b_add').abs().max().dataSync()[0]);
      const probabilities = allLogits(session.built, held('flatten')).softmax();
      expect(maxAbs(probabilities.dataSync(), held('fc6').dataSync())).toBeLessThan(1e-6);
    });
  });
});

describe('Grad-CAM', () => {
  it('at the last block equals the CAM (ReLU\'d) over H x W = 4, and is upsampled to the input', async () => {
    const top = tf.tidy(() => image.activation('fc6').argMax(-1).dataSync()[0]);
    for (const classIndex of [top, (top + 1) % 6]) {
      const a = await attribute(image, { method: 'gradcam', classIndex });
      expect(a).toMatchObject({ method: 'gradcam', layer: 'res5c_relu', classIndex, label: `class ${classIndex}`, shape: [2, 2], completenessGap: null });
      const cam = session.inspector.camMap(classIndex);
      const expected = tf.tidy(() => cam.relu().div(4).dataSync());
      cam.dispose();
      expect(maxAbs(a.values, expected)).toBeLessThan(1e-5 * Math.max(...expected, 1e-3));
      expect(a.inputMap?.shape).toEqual([64, 64]);
      expect(a.min).toBeGreaterThanOrEqual(0);
    }
  });

  it('runs at any spatial layer, a block\'s middle included, and defaults to the top class', async () => {
    const mid = await attribute(image, { method: 'gradcam', layer: 'res3b_branch2a' });
    expect(mid.shape).toEqual([8, 8]);
    expect(mid.classIndex).toBe(tf.tidy(() => image.activation('fc6').argMax(-1).dataSync()[0]));
    const logit = tf.tidy(() => allLogits(session.built, image.activation('flatten')).dataSync()[mid.classIndex]);
    expect(mid.logit).toBeCloseTo(logit, 3);
    expect(mid.max).toBeGreaterThan(0);
  });
});

describe('saliency and SmoothGrad', () => {
  it('saliency: |gradient| maxed over channels, at the input size', async () => {
    const s = await attribute(image, { method: 'saliency', classIndex: 2 });
    expect(s).toMatchObject({ layer: 'input', shape: [64, 64], inputMap: null });
    expect(s.min).toBeGreaterThanOrEqual(0);
    expect(s.max).toBeGreaterThan(0);
  });

  it('SmoothGrad: reports progress, and differs from the vanilla map', async () => {
    const seen: AttributionProgress[] = [];
    const a = await attribute(image, { method: 'smoothgrad', classIndex: 2, samples: 4, sigma: 0.2 }, { onProgress: (p) => seen.push(p) });
    expect(seen.at(-1)).toEqual({ phase: 'attributing', done: 4, total: 4 });
    expect(a.min).toBeGreaterThanOrEqual(0);
    const vanilla = await attribute(image, { method: 'saliency', classIndex: 2 });
    expect(maxAbs(a.values, vanilla.values)).toBeGreaterThan(0);
  });

  it('stops when aborted, and frees what it made', async () => {
    const abort = new AbortController();
    const run = attribute(image, { method: 'smoothgrad', classIndex: 2, samples: 30 }, { onProgress: () => abort.abort(), signal: abort.signal });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('integrated gradients', () => {
  it('blurred baseline: the completeness gap falls as steps grow and is under 5% at 64 steps', async () => {
    const gaps: number[] = [];
    for (const steps of [8, 64]) {
      const ig = await attribute(image, { method: 'ig', classIndex: 0, steps, baseline: 'blur' });
      expect(ig.shape).toEqual([64, 64]);
      gaps.push(ig.completenessGap ?? NaN);
    }
    console.log(`IG completeness gap, SIGNS, chelsea.png, blur: steps 8/64 -> ${gaps.map((g) => g.toFixed(5)).join(' / ')}`);
    expect(gaps[1]).toBeLessThan(0.05);
    expect(gaps[1]).toBeLessThan(gaps[0]);
  });

  it('black baseline: exact at few steps on the seeded model (zero biases make it linear along the ray from 0)', async () => {
    const ig = await attribute(image, { method: 'ig', classIndex: 1, steps: 8, baseline: 'black' });
    expect(ig.completenessGap).toBeLessThan(1e-3);
    expect(ig.min).toBeLessThan(0);
    expect(ig.max).toBeGreaterThan(0);
  });
});

describe('the effective receptive field of a unit', () => {
  it('lies inside the theoretical field, and its 50% square is smaller than its 90% one', async () => {
    const u = await unitField(session.built, image.activation('input') as tf.Tensor4D, { layer: 'res3a_relu', row: 4, col: 3 });
    const field = receptiveField(session.built.config, 'res3a_relu');
    expect(u.theoretical).toMatchObject({ size: field.size, jump: 8, centreX: unitCentre(field, 3), centreY: unitCentre(field, 4) });
    const { x0, x1, y0, y1 } = u.theoretical;
    expect(x1 - x0 + 1).toBeLessThanOrEqual(field.size);
    let outside = 0;
    u.values.forEach((v, i) => {
      const [x, y] = [i % 64, Math.floor(i / 64)];
      if (x < x0 || x > x1 || y < y0 || y > y1) outside += v;
    });
    expect(outside).toBe(0);
    expect(u.max).toBeGreaterThan(0);
    expect(u.mass50).toBeGreaterThan(0);
    expect(u.mass50).toBeLessThan(u.mass90);
    expect(u.mass90).toBeLessThanOrEqual(2 * 64 + 1);
  });
});
