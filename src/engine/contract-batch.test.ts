/**
 * The model client's `classifyBatch` (evaluate --batch N), against the three ways to reach
 * an engine (test-support/contract-clients.ts), on the SIGNS preset: a batch gives each
 * image what a pass of its own gives, intact and with blocks off, and holds nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModelClient, OpenedModel, Prediction } from '../client/types';
import { card, IMPLEMENTATIONS, SIGNS } from '../test-support/contract-clients';

/** Every class's probability, by class index: independent of ties in the ranking. */
const byClass = (top: readonly Prediction[]) => [...top].sort((a, b) => a.index - b.index).map((p) => p.probability);

describe.each(IMPLEMENTATIONS)('ModelClient classifyBatch: $name', ({ make }) => {
  let client: ModelClient;
  let model: OpenedModel;

  beforeAll(async () => {
    client = make();
    await client.start({ requested: null, renderer: null, webgl: false });
    model = await client.open(SIGNS);
  });
  afterAll(() => client.dispose());

  async function single(seed: number, lesion: readonly string[] = []): Promise<Prediction[]> {
    const run = await client.classify(model.modelId, card(seed), { topK: 6, lesion });
    await client.release(run.resultId);
    return [...run.predictions];
  }

  it.each([[[]], [['res3a', 'res4b']]] as const)('a batch of three gives each image its own pass’s probabilities (blocks off: %j), and holds nothing', async (lesion) => {
    const alone = [await single(1, lesion), await single(2, lesion), await single(3, lesion)];
    const before = await client.memory();
    const batch = await client.classifyBatch(model.modelId, [card(1), card(2), card(3)], { topK: 6, lesion });
    expect(batch.lesion).toEqual(lesion);
    expect(batch.ms).toBeGreaterThanOrEqual(0);
    expect(batch.predictions).toHaveLength(3);
    batch.predictions.forEach((top, i) => {
      expect(top.map((p) => p.label)).toEqual(alone[i].map((p) => p.label));
      byClass(top).forEach((p, c) => expect(p).toBeCloseTo(byClass(alone[i])[c], 5));
    });
    // Three different cards: three different answers (a batch that repeated one image would fail here).
    expect(byClass(batch.predictions[0])).not.toEqual(byClass(batch.predictions[1]));
    expect(await client.memory()).toEqual(before);
  });

  it('switching blocks off changes the batch’s answer, as it changes a single pass', async () => {
    const [intact, off] = await Promise.all([
      client.classifyBatch(model.modelId, [card(4)], { topK: 6 }),
      client.classifyBatch(model.modelId, [card(4)], { topK: 6, lesion: ['res2a'] }),
    ]);
    expect(byClass(off.predictions[0])).not.toEqual(byClass(intact.predictions[0]));
  });

  it('an empty batch is empty; an unknown block or model is a plain error', async () => {
    expect((await client.classifyBatch(model.modelId, [])).predictions).toEqual([]);
    await expect(client.classifyBatch(model.modelId, [card(1)], { lesion: ['res9z'] })).rejects.toThrow(/res9z/);
    await expect(client.classifyBatch(model.modelId + 99, [card(1)])).rejects.toThrow();
  });
});
