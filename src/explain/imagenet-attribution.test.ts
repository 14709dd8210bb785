// Attribution properties on the real ImageNet model (the weights `npm ci` fetched into
// public/models/), kept to what one pass checks. Integrated gradients' completeness on
// ImageNet (64 steps on both sample images, minutes here) is checked by `npm run bench`
// (attribution.igGaps) instead; on SIGNS it is in attribute.test.ts.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeImageFile } from '../model/image/decode-node';
import { createFsSource } from '../model/weights/source-node';
import { ModelSession } from '../inspect/session';
import { attribute, type HeldImage } from './attribute';

let session: ModelSession;
let image: HeldImage;
let before: number;

beforeAll(async () => {
  await tf.setBackend('wasm');
  before = tf.memory().numTensors;
  session = await ModelSession.open({ preset: 'imagenet', seedLiteral: false, weights: createFsSource('public/models/resnet50') });
  await session.classify(await decodeImageFile('public/samples/chelsea.png'));
  const { built, inspector, preprocessing } = session;
  image = { built, labels: inspector.labels, preprocessing, activation: (name) => inspector.activation(name) };
}, 120_000);

afterAll(() => {
  session.dispose();
  expect(tf.memory().numTensors).toBe(before);
});

describe('Grad-CAM on the ImageNet model', () => {
  it('at the last block\'s output equals the CAM (ReLU\'d) over 7 x 7 = 49, for the top class and another', async () => {
    // Egyptian cat (the top class) and tabby (281).
    for (const classIndex of [285, 281]) {
      const a = await attribute(image, { method: 'gradcam', classIndex });
      expect(a).toMatchObject({ layer: 'res5c_relu', classIndex, shape: [7, 7] });
      const cam = session.inspector.camMap(classIndex);
      const expected = tf.tidy(() => cam.relu().div(49).dataSync());
      cam.dispose();
      const scale = Math.max(...expected);
      expect(scale).toBeGreaterThan(0);
      a.values.forEach((v, i) => expect(Math.abs(v - expected[i])).toBeLessThan(1e-5 * scale));
    }
  });
});
