import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WeightsError } from './errors';
import { assignWeights, decodeWeights, fetchWeights, loadLabels, loadWeightsInto, type LoadProgress } from './load';
import { createFetchSource, type WeightsSource } from './source';
import { makeSynthetic, textBuffer, type SyntheticWeights } from '../../test-support/synthetic-weights';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** The tiny model the synthetic weights fit: dense (2 -> 3) then batch norm. */
function tinyModel(): tf.LayersModel {
  return tf.sequential({
    layers: [
      tf.layers.dense({ name: 'dense', units: 3, inputShape: [2] }),
      tf.layers.batchNormalization({ name: 'bn' }),
    ],
  });
}

function memorySource(files: Record<string, unknown>): WeightsSource {
  return {
    location: 'memory',
    readJson: async (name) => files[name],
    readBinary: async (name, onBytes) => {
      const bytes = files[name] as ArrayBuffer;
      onBytes?.(bytes.byteLength);
      return bytes;
    },
  };
}

function sourceFor(synthetic: SyntheticWeights): WeightsSource {
  const [first, second] = synthetic.shards;
  return memorySource({
    'model.json': synthetic.modelJson,
    'group1-shard1of2.bin': first,
    'group1-shard2of2.bin': second,
  });
}

function tensorError(run: () => void): WeightsError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(WeightsError);
    return error as WeightsError;
  }
  throw new Error('expected a WeightsError');
}

describe('fetchWeights and assignWeights', () => {
  const model = tinyModel();
  afterAll(() => model.dispose());

  it('loads every weight by layer name, reports progress and leaks no tensors', async () => {
    const synthetic = await makeSynthetic();
    const progress: LoadProgress[] = [];
    const fetched = await fetchWeights(sourceFor(synthetic), (p) => progress.push(p), synthetic.pins);
    expect(progress[0]).toEqual({ loadedBytes: 0, totalBytes: 84 });
    expect(progress.at(-1)).toEqual({ loadedBytes: 84, totalBytes: 84 });
    const before = tf.memory().numTensors;
    loadWeightsInto(model, fetched);
    expect(tf.memory().numTensors).toBe(before);
    const kernel = model.getLayer('dense').getWeights()[0];
    expect(Array.from(kernel.dataSync())).toEqual([1, 2, 3, 4, 5, 6].map((v) => v / 8));
    const movingVariance = model.getLayer('bn').getWeights()[3];
    expect(Array.from(movingVariance.dataSync())).toEqual([19, 20, 21].map((v) => v / 8));
  });

  it('names a missing tensor, an extra one and a wrongly shaped one', async () => {
    const synthetic = await makeSynthetic();
    const weights = decodeWeights(await fetchWeights(sourceFor(synthetic), undefined, synthetic.pins));
    const { 'bn/beta': beta, ...withoutBeta } = weights;
    const missing = tensorError(() => assignWeights(model, withoutBeta));
    expect([missing.kind, missing.tensor]).toEqual(['missing-tensor', 'bn/beta']);
    const extraTensor = tf.zeros([4]);
    const extra = tensorError(() => assignWeights(model, { ...weights, 'bn/extra': extraTensor }));
    expect([extra.kind, extra.tensor]).toEqual(['extra-tensor', 'bn/extra']);
    const wrongTensor = tf.zeros([3, 2]);
    const wrong = tensorError(() => assignWeights(model, { ...weights, 'dense/kernel': wrongTensor }));
    expect([wrong.kind, wrong.tensor]).toEqual(['wrong-shape', 'dense/kernel']);
    expect(wrong.message).toMatch(/shape \[3, 2\], but layer dense needs \[2, 3\]/);
    tf.dispose([beta, extraTensor, wrongTensor, ...Object.values(withoutBeta)]);
  });

  it('reports an HTML page served in place of a shard (fetch source)', async () => {
    const synthetic = await makeSynthetic();
    const page = textBuffer('<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8" /></head></html>');
    const fakeFetch: typeof fetch = async (input) => {
      const url = String(input);
      if (url.endsWith('model.json')) return Response.json(synthetic.modelJson);
      return new Response(url.endsWith('shard1of2.bin') ? synthetic.shards[0] : page);
    };
    const source = createFetchSource('/models/test/', fakeFetch);
    const error = await fetchWeights(source, undefined, synthetic.pins).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'not-binary', file: 'group1-shard2of2.bin' });
  });

  it('stops every download when the signal is aborted, with the abort error (not a WeightsError)', async () => {
    const synthetic = await makeSynthetic();
    const controller = new AbortController();
    const requested: string[] = [];
    const stalledFetch: typeof fetch = async (input, init) => {
      const url = String(input);
      requested.push(url);
      init?.signal?.throwIfAborted();
      if (url.endsWith('model.json')) return Response.json(synthetic.modelJson);
      // One chunk, then nothing until the abort errors the body, as a real download does.
      const body = new ReadableStream<Uint8Array>({
        start(stream) {
          stream.enqueue(new Uint8Array(8));
          init?.signal?.addEventListener('abort', () => stream.error(init.signal?.reason));
        },
      });
      return new Response(body);
    };
    const source = createFetchSource('/models/test/', stalledFetch, controller.signal);
    const loading = fetchWeights(source, (p) => { if (p.loadedBytes > 0) controller.abort(); }, synthetic.pins);
    const error = await loading.catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'AbortError' });
    const before = requested.length;
    await expect(source.readBinary('group1-shard1of2.bin')).rejects.toMatchObject({ name: 'AbortError' });
    expect(requested).toHaveLength(before);
  });

  it('reports a 404 as a missing file', async () => {
    const source = createFetchSource('/models/none', async () => new Response('Not found', { status: 404 }));
    const error = await fetchWeights(source).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'missing-file', file: 'model.json' });
  });
});

describe('loadLabels', () => {
  it('reads an index -> name object in index order', async () => {
    const labels = Object.fromEntries(Array.from({ length: 3 }, (_, i) => [String(i), `class_${i}`]));
    expect(await loadLabels(memorySource({ 'labels.json': labels }), 3)).toEqual(['class_0', 'class_1', 'class_2']);
  });

  it('rejects the wrong number of labels', async () => {
    const error = await loadLabels(memorySource({ 'labels.json': ['a', 'b'] })).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'bad-labels', file: 'labels.json' });
  });
});
