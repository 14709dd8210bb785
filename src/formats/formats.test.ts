import { describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { fixture, rewrittenHdf5, STEMS, zipOf } from '../test-support/keras-files';
import { openModelFiles } from './open';
import type { ModelFileInput } from './types';

async function failure(files: ModelFileInput[]): Promise<string> {
  const error = await openModelFiles(files).then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(Error);
  expect((error as Error).name).toBe('ModelFileError');
  return (error as Error).message;
}

function cut(input: ModelFileInput, fraction: number): ModelFileInput {
  return { name: input.name, bytes: input.bytes.slice(0, Math.floor(input.bytes.byteLength * fraction)) };
}

describe('model file formats', () => {
  it.each(STEMS.flatMap((stem) => ['.keras', '.h5', '.weights.h5'].map((ext) => `${stem}${ext}`)))('opens %s with its layers and weights', async (name) => {
    const archive = await openModelFiles([fixture(name)]);
    try {
      expect(archive.format).toBe(name.endsWith('.weights.h5') ? 'weights-h5' : name.endsWith('.keras') ? 'keras' : 'h5');
      // 53 convs + 53 BatchNorms + the dense head.
      expect(archive.stored).toHaveLength(107);
      expect(archive.layers?.length ?? null).toBe(name.endsWith('.weights.h5') ? null : 177);
      const bn = archive.stored.find((l) => l.className === 'BatchNormalization');
      expect(bn?.weights.map((w) => w.name)).toEqual(['gamma', 'beta', 'moving_mean', 'moving_variance']);
      const dense = archive.stored.find((l) => l.className === 'Dense');
      expect(dense?.weights[0].shape).toEqual([128, 6]);
      expect(dense?.weights[0].read()).toHaveLength(128 * 6);
    } finally {
      archive.close();
    }
  });

  it('says an HTML page saved as .h5 is a web page', async () => {
    const page = new TextEncoder().encode('<!DOCTYPE html><html><head><title>Sign in</title></head><body></body></html>');
    expect(await failure([{ name: 'ResNet50.h5', bytes: page.buffer }])).toMatch(/^ResNet50\.h5: is a web page \(HTML\)/);
    expect(await failure([{ name: 'ResNet50.keras', bytes: page.buffer }])).toMatch(/^ResNet50\.keras: is a web page/);
  });

  it('says a truncated .h5 and a truncated .keras are truncated', async () => {
    expect(await failure([cut(fixture('tiny-seed-names.h5'), 0.6)])).toMatch(/^tiny-seed-names\.h5: is truncated: it holds .* of the .* its header records/);
    expect(await failure([cut(fixture('tiny-seed-names.keras'), 0.6)])).toMatch(/^tiny-seed-names\.keras: is truncated or damaged/);
  });

  it('says a zip without config.json and model.weights.h5 is not a Keras archive, naming what it holds', async () => {
    const zip = zipOf({ 'notes.txt': new TextEncoder().encode('hello'), 'photo.png': new Uint8Array(8) });
    expect(await failure([{ name: 'model.keras', bytes: zip.slice().buffer }]))
      .toBe('model.keras: is a zip archive but not a Keras model: it has no config.json or model.weights.h5 (found notes.txt, photo.png).');
  });

  it('refuses a .keras whose declared uncompressed size is absurd, before inflating', async () => {
    const members = unzipSync(new Uint8Array(fixture('tiny-seed-names.keras').bytes));
    const zip = zipOf(members);
    // The central directory entry of model.weights.h5: its uncompressed size (offset 24) says 4 GB.
    const view = new DataView(zip.buffer);
    for (let at = zip.length - 22; at >= 0; at--) {
      if (view.getUint32(at, true) !== 0x02014b50) continue;
      const nameLength = view.getUint16(at + 28, true);
      const name = new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength));
      if (name === 'model.weights.h5') view.setUint32(at + 24, 0xfffffff0, true);
    }
    expect(await failure([{ name: 'big.keras', bytes: zip.slice().buffer }]))
      .toMatch(/^big\.keras: Its member model\.weights\.h5 declares an uncompressed size that is 4\.3 GB, over the 1 GiB \(1,073,741,824 bytes\) limit for a model file\./);
  });

  it('refuses an HDF5 dataset with an absurd shape before allocating it', async () => {
    const file = await rewrittenHdf5('tiny-seed-names.weights.h5', (tree) => {
      tree.datasets['/layers/dense/vars/0'] = { shape: [100_000, 100_000, 1000] };
    });
    expect(await failure([file])).toMatch(/^tiny-seed-names\.weights\.h5: declares the dataset layers\/dense\/vars\/0 with the shape \[100000, 100000, 1000\] \(40\.0 TB\), more than the whole file holds: the file is damaged\./);
  });

  it('names the shard a tfjs model.json lists but was not given', async () => {
    const modelJson = {
      format: 'layers-model',
      modelTopology: { model_config: { class_name: 'Functional', config: { layers: [] } } },
      weightsManifest: [{ paths: ['group1-shard1of2.bin', 'group1-shard2of2.bin'], weights: [{ name: 'dense/kernel', shape: [4, 2], dtype: 'float32' }] }],
    };
    const json = { name: 'model.json', bytes: new TextEncoder().encode(JSON.stringify(modelJson)).buffer };
    const shard = { name: 'group1-shard1of2.bin', bytes: new ArrayBuffer(16) };
    expect(await failure([json, shard])).toMatch(/^model\.json: lists the weights file group1-shard2of2\.bin, which was not given/);
  });

  it('refuses a file over 1 GB, stating the limit, without reading it', async () => {
    const huge = { name: 'huge.h5', bytes: new ArrayBuffer(1024 ** 3 + 1) };
    expect(await failure([huge])).toBe('huge.h5: The file is 1.1 GB, over the 1 GiB (1,073,741,824 bytes) limit for a model file.');
  });

  it('says what it reads when the file is of another kind', async () => {
    expect(await failure([{ name: 'notes.txt', bytes: new TextEncoder().encode('hello').buffer }]))
      .toMatch(/^notes\.txt: is not a model file this explorer reads \(\.keras, \.h5, \.weights\.h5, or a tfjs model\.json/);
  });
});
