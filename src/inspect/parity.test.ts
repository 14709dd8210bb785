// Parity with the published topology: the package's own model.json, loaded with
// tf.loadLayersModel (in this test only), against our builder with the same weights.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadImagenet, type ImagenetModel } from '../model';
import { createFsSource } from '../model/weights/source-node';
import { Inspector } from './inspector';

const DIR = path.resolve('public/models/resnet50');

async function loadPublished(): Promise<tf.LayersModel> {
  const json = JSON.parse(await readFile(path.join(DIR, 'model.json'), 'utf8')) as {
    modelTopology: object; weightsManifest: { paths: string[]; weights: tf.io.WeightsManifestEntry[] }[];
  };
  const group = json.weightsManifest[0];
  const buffers = await Promise.all(group.paths.map((p) => readFile(path.join(DIR, p))));
  const weightData = Buffer.concat(buffers);
  return tf.loadLayersModel(tf.io.fromMemory({
    modelTopology: json.modelTopology,
    weightSpecs: group.weights,
    weightData: weightData.buffer.slice(weightData.byteOffset, weightData.byteOffset + weightData.byteLength),
  }));
}

let ours: ImagenetModel;
let published: tf.LayersModel;

beforeAll(async () => {
  await tf.setBackend('wasm');
  ours = await loadImagenet(createFsSource(DIR));
  published = await loadPublished();
});

afterAll(() => {
  ours.built.model.dispose();
  published.dispose();
});

describe('parity with the published Keras topology', () => {
  it('agrees on every conv, BatchNorm and dense layer within 1e-4', async () => {
    const shared = ours.built.layers
      .filter((l) => ['conv', 'batch-norm', 'dense'].includes(l.kind))
      .map((l) => l.name)
      .filter((name) => published.layers.some((p) => p.name === name));
    // 53 convolutions (conv1 and 52 in blocks), their 53 BatchNorms, and fc1000.
    expect(shared).toHaveLength(2 * 53 + 1);
    const probe = tf.model({
      inputs: published.inputs,
      outputs: shared.map((name) => published.getLayer(name).output as tf.SymbolicTensor),
    });
    const inspector = new Inspector(ours.built, ours.labels);
    const input = tf.randomUniform([1, 224, 224, 3], -120, 140, 'float32', 7) as tf.Tensor4D;
    await inspector.run(input);
    const theirs = probe.predict(input) as tf.Tensor[];
    let worst = { name: '', diff: 0 };
    for (const [i, name] of shared.entries()) {
      const values = await inspector.layerValues(name);
      const reference = await theirs[i].data();
      expect(values.shape, name).toEqual(theirs[i].shape.slice(1));
      let diff = 0;
      for (let j = 0; j < reference.length; j++) diff = Math.max(diff, Math.abs(reference[j] - values.values[j]));
      if (diff > worst.diff) worst = { name, diff };
    }
    expect(worst.diff, `worst layer ${worst.name}`).toBeLessThanOrEqual(1e-4);
    tf.dispose([input, ...theirs]);
    inspector.dispose();
  });
});
