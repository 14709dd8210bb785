import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { openModelFiles } from '../../formats/open';
import type { ModelFileInput } from '../../formats/types';
import { decodeNpy } from '../../inspect/npy';
import { bufferOf, fixture, rewrittenHdf5, STEMS, tfjsFilesOf, zipOf } from '../../test-support/keras-files';
import { summarize } from '../summarize';
import { loadArchive, type LoadedFile } from './load';

beforeAll(async () => {
  await tf.setBackend('wasm');
});

async function load(files: ModelFileInput[], inputSize?: number): Promise<LoadedFile> {
  const archive = await openModelFiles(files);
  try {
    return loadArchive(archive, { inputSize });
  } finally {
    archive.close();
  }
}

async function failure(files: ModelFileInput[]): Promise<string> {
  const error = await load(files).then((l) => { l.built.model.dispose(); return null; }, (e: unknown) => e);
  expect((error as Error | null)?.name).toBe('ModelFileError');
  return (error as Error).message;
}

function outputsOf(loaded: LoadedFile, stem: string): { got: Float32Array; want: Float32Array } {
  const x = decodeNpy(new Uint8Array(fixture(`${stem}.x.npy`).bytes));
  const want = decodeNpy(new Uint8Array(fixture(`${stem}.y.npy`).bytes)).values;
  const got = tf.tidy(() => (loaded.built.model.predict(tf.tensor(x.values, x.shape)) as tf.Tensor).dataSync() as Float32Array);
  return { got, want };
}

const FILES = STEMS.flatMap((stem) => ['.keras', '.h5', '.weights.h5'].map((ext) => ({ stem, ext, name: `${stem}${ext}` })));

describe('a person’s model file, onto the architecture table', () => {
  it.each(FILES)('$name reproduces Keras’ outputs to 1e-4, and frees every tensor', async ({ stem, ext }) => {
    const before = tf.memory().numTensors;
    const loaded = await load([fixture(`${stem}${ext}`)], 64);
    const { got, want } = outputsOf(loaded, stem);
    expect(got).toHaveLength(12);
    got.forEach((v, i) => expect(Math.abs(v - want[i])).toBeLessThan(1e-4));
    loaded.built.model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('reads the seed names, widths, the stage-5 variant and the seed’s stem and head from the file', async () => {
    const seed = await load([fixture('tiny-seed-names.h5')]);
    const literal = await load([fixture('tiny-seed-literal.keras')]);
    const { config } = seed.built;
    expect(config.inputShape).toEqual([64, 64, 3]);
    expect([config.classes, config.poolPadding, config.avgPoolSize, config.stemFilters, config.bnEpsilon]).toEqual([6, 0, 2, 4, 1e-3]);
    expect(config.stages?.map((s) => [s.filters, s.identityFilters])).toEqual([
      [[4, 4, 16], [4, 4, 16]], [[8, 8, 32], [8, 8, 32]], [[16, 16, 64], [16, 16, 64]], [[32, 32, 128], [32, 32, 128]],
    ]);
    expect(literal.built.config.stages?.[3].identityFilters).toEqual([16, 16, 128]);
    // The file's own names, the ones the text leaves unnamed included.
    const names = seed.built.layers.map((l) => l.name);
    expect(names.slice(0, 6)).toEqual(['input_layer', 'zero_padding2d', 'conv1', 'bn_conv1', 'activation', 'max_pooling2d']);
    expect(names).toContain('res2a_branch1');
    const add = seed.built.layers.find((l) => l.kind === 'add' && l.stage === 2 && l.block === 'a');
    expect([add?.name, add?.inputs]).toEqual(['add', ['bn2a_branch2c', 'bn2a_branch1']]);
    expect(names.at(-1)).toBe('fc6');
    // The summary carries the file's configuration: what the page draws and lays out from.
    const summary = summarize(seed.built);
    expect(summary.config?.names?.res2a_add).toBe('add');
    expect(summary.layers.map((l) => l.name)).toEqual(names);
    for (const l of [seed, literal]) l.built.model.dispose();
  });

  it('reads keras.applications names, pool1_pad, global pooling and epsilon from the file', async () => {
    const loaded = await load([fixture('tiny-applications-names.keras')]);
    const { config, layers } = loaded.built;
    expect([config.poolPadding, config.avgPoolSize, config.stemFilters, config.bnEpsilon, loaded.resolved.scheme]).toEqual([1, 2, 64, 1.001e-5, 'applications']);
    const shortcut = layers.find((l) => l.kind === 'conv' && l.stage === 2 && l.block === 'a' && l.branch === '1');
    expect(shortcut?.name).toBe('conv2_block1_0_conv');
    expect(layers.map((l) => l.name)).toEqual(expect.arrayContaining(['pool1_pad', 'pool1_pool', 'conv5_block3_out', 'avg_pool', 'predictions']));
    loaded.built.model.dispose();
  });

  it('says a model that is not a ResNet50 is not, with what it expected and found', async () => {
    const members = unzipSync(new Uint8Array(fixture('tiny-seed-names.keras').bytes));
    const layer = (name: string, className: string, config: object = {}) => ({ class_name: className, name, config: { name, ...config }, inbound_nodes: [] });
    const layers = [
      layer('input_layer', 'InputLayer', { batch_shape: [null, 224, 224, 3] }), layer('Conv1', 'Conv2D', { filters: 4 }),
      layer('bn_Conv1', 'BatchNormalization'), layer('expanded_conv_depthwise', 'DepthwiseConv2D'),
    ];
    const config = { class_name: 'Functional', config: { name: 'mobilenetv2', layers } };
    const zip = zipOf({ ...members, 'config.json': new TextEncoder().encode(JSON.stringify(config)) });
    expect(await failure([{ name: 'mobilenet.keras', bytes: bufferOf(zip) }]))
      .toBe('mobilenet.keras: is not a ResNet50: it has no layer conv1 or conv1_conv; found 4 layers starting with Conv1, bn_Conv1, expanded_conv_depthwise.');
  });

  it('names a weight of the wrong shape, with both shapes', async () => {
    const file = await rewrittenHdf5('tiny-seed-names.h5', (tree) => {
      tree.datasets['/model_weights/res3a_branch2b/res3a_branch2b/kernel'] = { values: new Float32Array(3 * 3 * 8 * 9), shape: [3, 3, 8, 9] };
    });
    expect(await failure([file]))
      .toBe('tiny-seed-names.h5: The weights\' tensor res3a_branch2b/kernel has the shape [3, 3, 8, 9], but layer res3a_branch2b needs [3, 3, 8, 8].');
  });

  it('names a missing weight', async () => {
    const file = await rewrittenHdf5('tiny-applications-names.h5', (tree) => {
      delete tree.datasets['/model_weights/conv4_block2_1_bn/conv4_block2_1_bn/moving_variance'];
      tree.attrs['/model_weights/conv4_block2_1_bn'].weight_names = ['conv4_block2_1_bn/gamma', 'conv4_block2_1_bn/beta', 'conv4_block2_1_bn/moving_mean'];
    });
    expect(await failure([file])).toBe('tiny-applications-names.h5: The weights have no tensor conv4_block2_1_bn/moving_variance, which layer conv4_block2_1_bn needs.');
  });

  it('refuses a weights-only file whose widths match no consistent ResNet50', async () => {
    const file = await rewrittenHdf5('tiny-seed-names.weights.h5', (tree) => {
      tree.datasets['/layers/conv2d_20/vars/0'] = { values: new Float32Array(3 * 3 * 8 * 5), shape: [3, 3, 8, 5] };
    });
    expect(await failure([file])).toMatch(/^tiny-seed-names\.weights\.h5: has widths that match no consistent ResNet50: stage 3 block 3's last conv has a kernel of \[3, 3, 8, 5\] where \[1, 1, 8, F\] fits\.$/);
  });

  it('opens a model without its head: it runs, and has no classes', async () => {
    const file = await rewrittenHdf5('tiny-seed-names.h5', (tree) => {
      const config = JSON.parse(tree.attrs['/'].model_config as string) as { config: { layers: { name: string }[]; output_layers: unknown } };
      config.config.layers = config.config.layers.filter((l) => !['avg_pool', 'flatten', 'fc6'].includes(l.name));
      config.config.output_layers = [['activation_48', 0, 0]];
      tree.attrs['/'].model_config = JSON.stringify(config);
      const names = tree.attrs['/model_weights'].layer_names as string[];
      tree.attrs['/model_weights'].layer_names = names.filter((n) => !['avg_pool', 'flatten', 'fc6'].includes(n));
      tree.datasets = Object.fromEntries(Object.entries(tree.datasets).filter(([key]) => !key.startsWith('/model_weights/fc6/')));
    });
    const loaded = await load([file]);
    expect([loaded.built.config.head, loaded.built.config.classes, loaded.built.layers.at(-1)?.name]).toEqual(['none', 0, 'activation_48']);
    const out = tf.tidy(() => (loaded.built.model.predict(tf.zeros([1, 64, 64, 3])) as tf.Tensor).shape);
    expect(out).toEqual([1, 2, 2, 128]);
    loaded.built.model.dispose();
  });

  it('takes a weights-only file at another input size, and refuses one for a file that fixes it', async () => {
    const wide = await load([fixture('tiny-applications-names.weights.h5')], 96);
    expect([wide.built.config.inputShape[0], wide.built.config.avgPoolSize, wide.resolved.inputSizeFromFile]).toEqual([96, 3, false]);
    wide.built.model.dispose();
    const fixed = await openModelFiles([fixture('tiny-seed-names.keras')]);
    expect(() => loadArchive(fixed, { inputSize: 96 })).toThrow('tiny-seed-names.keras: was saved for 64x64 inputs; it cannot run at 96.');
    fixed.close();
  });

  it('a tfjs model.json with its shards (converted here from a .keras) reproduces Keras’ outputs; a missing shard is named', async () => {
    const [json, ...shards] = await tfjsFilesOf('tiny-applications-names');
    const loaded = await load([json, ...shards]);
    const { got, want } = outputsOf(loaded, 'tiny-applications-names');
    got.forEach((v, i) => expect(Math.abs(v - want[i])).toBeLessThan(1e-4));
    expect(loaded.built.layers.map((l) => l.name)).toContain('conv2_block1_0_conv');
    loaded.built.model.dispose();
    expect(await failure([json, shards[0]])).toMatch(/^model\.json: lists the weights file group1-shard2of2\.bin, which was not given/);
  });
});
