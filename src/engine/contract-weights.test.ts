/**
 * The model client's `weights` (what a layer learned, no image needed), against the three
 * ways to reach an engine (test-support/contract-clients.ts), on the SIGNS preset: Glorot
 * uniform kernels with seed 0, zero biases, BatchNorm at its initial values.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LayerWeights, ModelClient, OpenedModel, WeightTensor } from '../client/types';
import { card, IMPLEMENTATIONS, SIGNS } from '../test-support/contract-clients';

function tensor(weights: LayerWeights, name: string): WeightTensor {
  const found = weights.tensors.find((t) => t.name === name);
  if (!found) throw new Error(`${weights.layer} has no ${name}`);
  return found;
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

describe.each(IMPLEMENTATIONS)('ModelClient weights: $name', ({ make }) => {
  let client: ModelClient;
  let model: OpenedModel;

  beforeAll(async () => {
    client = make();
    await client.start({ requested: null, renderer: null, webgl: false });
    model = await client.open(SIGNS);
  });
  afterAll(() => client.dispose());

  it('gives conv1’s 64 filters of 7x7x3 as values, within the Glorot bound, with figures that match them', async () => {
    const before = (await client.memory()).numTensors;
    const conv1 = await client.weights(model.modelId, 'conv1');
    expect(conv1).toMatchObject({ layer: 'conv1', trained: false, inputOrder: 'rgb' });
    expect(conv1.tensors.map((t) => [t.name, t.shape, t.trainable])).toEqual([['kernel', [7, 7, 3, 64], true], ['bias', [64], true]]);
    const kernel = tensor(conv1, 'kernel');
    expect(kernel.values).toBeInstanceOf(Float32Array);
    const values = Array.from(kernel.values ?? []);
    expect(values).toHaveLength(7 * 7 * 3 * 64);
    // Glorot uniform: |w| <= sqrt(6 / (fan_in + fan_out)), fan_in 7·7·3, fan_out 7·7·64.
    const limit = Math.sqrt(6 / (7 * 7 * 3 + 7 * 7 * 64));
    expect(Math.max(...values.map(Math.abs))).toBeLessThanOrEqual(limit);
    expect([kernel.min, kernel.max]).toEqual([Math.min(...values), Math.max(...values)]);
    expect(kernel.max - kernel.min).toBeGreaterThan(limit);
    expect(kernel.mean).toBeCloseTo(sum(values) / values.length, 6);
    expect(kernel.std).toBeCloseTo(limit / Math.sqrt(3), 2);
    expect(kernel.histogram.counts).toHaveLength(32);
    expect(sum(kernel.histogram.counts)).toBe(values.length);
    expect(Array.from(tensor(conv1, 'bias').values ?? [])).toEqual(new Array(64).fill(0));
    expect((await client.memory()).numTensors).toBe(before);
  });

  it('gives BatchNorm’s gamma, beta, moving mean and variance per channel, the moving ones not trainable', async () => {
    const bn = await client.weights(model.modelId, 'bn2a_branch2c');
    expect(bn.tensors.map((t) => [t.name, t.shape, t.trainable])).toEqual([
      ['gamma', [256], true], ['beta', [256], true], ['moving_mean', [256], false], ['moving_variance', [256], false],
    ]);
    const initial = { gamma: 1, beta: 0, moving_mean: 0, moving_variance: 1 };
    for (const [name, value] of Object.entries(initial)) {
      expect(Array.from(tensor(bn, name).values ?? [])).toEqual(new Array(256).fill(value));
      expect(tensor(bn, name)).toMatchObject({ min: value, max: value, mean: value, std: 0, count: 256 });
    }
  });

  it('summarises a big kernel without its values; a layer without weights has none; bad names are refused', async () => {
    const big = tensor(await client.weights(model.modelId, 'res5a_branch2b'), 'kernel');
    expect(big).toMatchObject({ shape: [3, 3, 512, 512], count: 3 * 3 * 512 * 512, values: null });
    expect(sum(big.histogram.counts)).toBe(big.count);
    expect(big.histogram.edges[0]).toBe(big.min);
    expect(big.histogram.edges.at(-1)).toBeCloseTo(big.max, 9);
    const fc = await client.weights(model.modelId, 'fc6');
    expect(fc.tensors.map((t) => t.shape)).toEqual([[2048, 6], [6]]);
    expect((await client.weights(model.modelId, 'pool1')).tensors).toEqual([]);
    await expect(client.weights(model.modelId, 'res9z_branch2a')).rejects.toThrow(/no layer named “res9z_branch2a”/);
    await expect(client.weights(999, 'conv1')).rejects.toThrow(/model was closed/);
  });

  it('reads the same values again, and nothing after the model is closed', async () => {
    const [a, b] = [await client.weights(model.modelId, 'res2a_branch2a'), await client.weights(model.modelId, 'res2a_branch2a')];
    expect(tensor(a, 'kernel').values).toEqual(tensor(b, 'kernel').values);
    expect(tensor(a, 'kernel').values).toHaveLength(64 * 64);
    await client.closeModel(model.modelId);
    await expect(client.weights(model.modelId, 'conv1')).rejects.toThrow(/model was closed/);
  });
});

// On the CPU backend a tensor's data() is its own storage: a weights answer that handed it out
// would have it transferred away across the worker boundary, and the model would compute NaN.
describe('ModelClient weights over messages on the CPU backend', () => {
  it('leaves the model whole: the same values read twice, and a classification still finite', async () => {
    const client = IMPLEMENTATIONS[1].make();
    try {
      await client.start({ requested: 'cpu', renderer: null, webgl: false });
      const model = await client.open(SIGNS);
      const first = tensor(await client.weights(model.modelId, 'conv1'), 'kernel').values;
      const again = tensor(await client.weights(model.modelId, 'conv1'), 'kernel').values;
      expect(first).toHaveLength(7 * 7 * 3 * 64);
      expect(again).toEqual(first);
      const run = await client.classify(model.modelId, card(1), { topK: 6 });
      expect(run.predictions.every((p) => Number.isFinite(p.probability))).toBe(true);
      expect(sum(run.predictions.map((p) => p.probability))).toBeCloseTo(1, 4);
    } finally {
      client.dispose();
    }
  });
});
