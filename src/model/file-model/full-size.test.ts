// Full-size round trips (issue 13): the ImageNet weights opened as a person's tfjs model.json,
// and written by this test as a legacy Keras 2 .h5 (model_config, layer_names, weight names
// with ':0') with the same HDF5 library, give the built-in preset's top-5. Reads the weights
// that `npm ci` puts in public/models/ (fails, rather than skips, without them).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openModelFiles } from '../../formats/open';
import type { ModelFileInput } from '../../formats/types';
import { decodeImageFile } from '../image/decode-node';
import { loadImagenet } from '../imagenet';
import { preprocess } from '../preprocess';
import { CAFFE_PREPROCESSING } from '../preprocessing';
import { createFsSource } from '../weights/source-node';
import { bufferOf, writeHdf5, type Hdf5Dataset } from '../../test-support/keras-files';
import { loadArchive } from './load';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const DIR = path.join(ROOT, 'public/models/resnet50');

const file = (name: string): ModelFileInput => ({ name, bytes: bufferOf(readFileSync(path.join(DIR, name))) });

interface ModelJson {
  modelTopology: { keras_version: string; model_config: unknown };
  weightsManifest: { paths: string[]; weights: { name: string; shape: number[] }[] }[];
}

let reference: number[];
let input: tf.Tensor4D;

async function top5(model: tf.LayersModel): Promise<number[]> {
  const p = model.predict(input) as tf.Tensor;
  const { indices } = tf.topk(p.reshape([-1]), 5);
  const out = Array.from(await indices.data());
  tf.dispose([p, indices]);
  return out;
}

beforeAll(async () => {
  await tf.setBackend('wasm');
  const image = await decodeImageFile(path.join(ROOT, 'public/samples/chelsea.png'));
  input = preprocess(image.pixels, image.width, image.height, CAFFE_PREPROCESSING, 224);
  const preset = await loadImagenet(createFsSource(DIR));
  reference = await top5(preset.built.model);
  preset.built.model.dispose();
});
afterAll(() => input.dispose());

describe('full-size models from files', () => {
  it('the ImageNet weights as a tfjs model.json (25 shards), then written as a Keras 2 legacy .h5: the preset’s top-5 both times', async () => {
    const json = JSON.parse(readFileSync(path.join(DIR, 'model.json'), 'utf8')) as ModelJson;
    const tfjs = await openModelFiles([file('model.json'), ...json.weightsManifest[0].paths.map(file)]);
    const fromJson = loadArchive(tfjs);
    const { config } = fromJson.built;
    expect([fromJson.resolved.scheme, config.inputShape[0], config.classes, config.poolPadding]).toEqual(['seed', 224, 1000, 1]);
    expect(reference[0]).toBe(285);
    expect(await top5(fromJson.built.model)).toEqual(reference);
    fromJson.built.model.dispose();
    // The same weights as Keras 2 saved them: model_config, layer_names, weight names with ':0'.
    const datasets: Record<string, Hdf5Dataset> = {};
    const attrs: Record<string, Record<string, string | string[]>> = {
      '/': { keras_version: '2.2.4', backend: 'tensorflow', model_config: JSON.stringify(json.modelTopology.model_config) },
      '/model_weights': { layer_names: tfjs.stored.map((l) => l.name ?? '') },
    };
    for (const layer of tfjs.stored) {
      attrs[`/model_weights/${layer.name}`] = { weight_names: layer.weights.map((w) => `${layer.name}/${w.name}:0`) };
      for (const w of layer.weights) datasets[`/model_weights/${layer.name}/${layer.name}/${w.name}:0`] = { values: w.read(), shape: w.shape };
    }
    tfjs.close();
    const h5 = await openModelFiles([{ name: 'ResNet50.h5', bytes: bufferOf(await writeHdf5({ attrs, datasets })) }]);
    const fromH5 = loadArchive(h5);
    h5.close();
    expect(h5.format).toBe('h5');
    expect(await top5(fromH5.built.model)).toEqual(reference);
    fromH5.built.model.dispose();
  });
});
