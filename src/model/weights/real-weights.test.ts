// Checks the real ImageNet weights that `npm ci` (postinstall) or `npm run weights` put in
// public/models/. These tests fail, rather than skip, when the files are absent.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { IMAGENET_WEIGHTS } from './descriptor';
import { decodeWeights, fetchWeights, loadLabels, loadWeightsInto, type FetchedWeights, type LoadProgress } from './load';
import type { WeightsVariant } from './manifest';
import { createFsSource } from './source-node';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const dirOf = (variant: WeightsVariant) => path.join(ROOT, 'public', IMAGENET_WEIGHTS[variant].path);

/** Each copy read and checked once, by whichever test asks first: no test relies on another having run. */
const loads = new Map<WeightsVariant, Promise<{ weights: FetchedWeights; progress: LoadProgress[] }>>();
function load(variant: WeightsVariant): Promise<{ weights: FetchedWeights; progress: LoadProgress[] }> {
  let loading = loads.get(variant);
  if (!loading) {
    const progress: LoadProgress[] = [];
    loading = fetchWeights(createFsSource(dirOf(variant)), (p) => progress.push(p)).then((weights) => ({ weights, progress }));
    loads.set(variant, loading);
  }
  return loading;
}

beforeAll(async () => {
  await tf.setBackend('cpu');
  for (const variant of ['float32', 'float16'] as const) {
    if (!existsSync(path.join(dirOf(variant), 'model.json'))) {
      throw new Error(`${dirOf(variant)} has no model.json: run \`npm run weights\` first.`);
    }
  }
});

describe.each(['float32', 'float16'] as const)('the real %s ImageNet weights', (variant) => {
  it('pass every check: 320 tensors, the pinned shards, the expected byte total', async () => {
    const { weights, progress } = await load(variant);
    const descriptor = IMAGENET_WEIGHTS[variant];
    expect(weights.manifest.variant).toBe(variant);
    expect(weights.manifest.specs).toHaveLength(descriptor.tensorCount);
    expect(weights.manifest.paths).toHaveLength(descriptor.shardCount);
    expect(weights.manifest.totalBytes).toBe(descriptor.totalBytes);
    expect(weights.hashesChecked).toBe(true);
    expect(progress.at(-1)).toEqual({ loadedBytes: descriptor.totalBytes, totalBytes: descriptor.totalBytes });
  });

  it('have 1000 labels', async () => {
    const labels = await loadLabels(createFsSource(dirOf(variant)));
    expect(labels).toHaveLength(1000);
    expect([labels[0], labels[285], labels[967]]).toEqual(['tench', 'Egyptian_cat', 'espresso']);
  });
});

describe('the real weights in a model built from their Keras topology', () => {
  it('fill all 320 weights by name, float16 close to float32, no tensors left behind', async () => {
    const [f32, f16] = [(await load('float32')).weights, (await load('float16')).weights];
    const model = tf.models.modelFromJSON({ modelTopology: f16.modelTopology as tf.io.ModelJSON['modelTopology'] });
    return model.then((built) => {
      expect(built.weights).toHaveLength(320);
      const before = tf.memory().numTensors;
      loadWeightsInto(built, f16);
      expect(tf.memory().numTensors).toBe(before);
      const reference = decodeWeights(f32);
      const kernel = built.getLayer('res5c_branch2c').getWeights()[0];
      const diff = tf.tidy(() => tf.max(tf.abs(tf.sub(kernel, reference['res5c_branch2c/kernel']))).dataSync()[0]);
      expect(diff).toBeLessThan(1e-3);
      tf.dispose(Object.values(reference));
      built.dispose();
    });
  });
});
