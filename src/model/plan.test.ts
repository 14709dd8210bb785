import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { inspectableLayerNames, planResNet50 } from './plan';
import { presetConfig, type PresetName } from './presets';
import { buildResNet50 } from './resnet50';
import { summarize } from './summarize';
import { planSummary } from './summary';

beforeAll(async () => {
  await tf.setBackend('cpu');
  tf.enableProdMode();
});

const CASES: { preset: PresetName; seedLiteral: boolean; total: number }[] = [
  { preset: 'signs', seedLiteral: false, total: 23_600_006 },
  { preset: 'imagenet', seedLiteral: false, total: 25_636_712 },
  { preset: 'signs', seedLiteral: true, total: 17_958_790 },
];

describe.each(CASES)('the plan of $preset (seedLiteral: $seedLiteral)', ({ preset, seedLiteral, total }) => {
  const config = presetConfig(preset, { seedLiteral });

  it('summarises to exactly what the built tfjs model reports, layer by layer', () => {
    const built = buildResNet50(config, { initializer: 'zeros' });
    try {
      const fromModel = summarize(built);
      const fromPlan = planSummary(config);
      expect(fromPlan.layers.map((l) => l.name)).toEqual(fromModel.layers.map((l) => l.name));
      fromPlan.layers.forEach((layer, i) => expect(layer, layer.name).toEqual(fromModel.layers[i]));
      expect(fromPlan).toEqual(fromModel);
    } finally {
      built.model.dispose();
    }
  });

  it('has the published totals, BatchNorm moving statistics as the non-trainable part', () => {
    const summary = planSummary(config);
    expect(summary.totalParams).toBe(total);
    expect(summary.trainableParams + summary.nonTrainableParams).toBe(total);
    const bnChannels = planResNet50(config).layers
      .filter((l) => l.settings.kind === 'batch-norm')
      .reduce((n, l) => n + (summary.layers.find((s) => s.name === l.name)?.outputShape.at(-1) ?? 0), 0);
    expect(summary.nonTrainableParams).toBe(2 * bnChannels);
  });

  it('gives every entry settings of its own kind', () => {
    for (const layer of planResNet50(config).layers) expect(layer.settings.kind, layer.name).toBe(layer.kind);
  });
});

describe('the plan', () => {
  it('carries the stem and head settings from the table', () => {
    const byName = new Map(planResNet50(presetConfig('imagenet')).layers.map((l) => [l.name, l.settings]));
    expect(byName.get('conv1_pad')).toEqual({ kind: 'zero-padding', padding: 3 });
    expect(byName.get('conv1')).toEqual({ kind: 'conv', filters: 64, kernel: 7, stride: 2, padding: 'valid' });
    expect(byName.get('bn_conv1')).toEqual({ kind: 'batch-norm', axis: 3 });
    expect(byName.get('pool1_pad')).toEqual({ kind: 'zero-padding', padding: 1 });
    expect(byName.get('pool1')).toEqual({ kind: 'max-pool', poolSize: 3, stride: 2 });
    expect(byName.get('res3a_branch2b')).toEqual({ kind: 'conv', filters: 128, kernel: 3, stride: 1, padding: 'same' });
    expect(byName.get('res3a_branch1')).toEqual({ kind: 'conv', filters: 512, kernel: 1, stride: 2, padding: 'valid' });
    expect(byName.get('avg_pool')).toEqual({ kind: 'avg-pool', poolSize: 7, stride: 7 });
    expect(byName.get('fc1000')).toEqual({ kind: 'dense', units: 1000, activation: 'softmax' });
  });

  it('lists the inspectable layer names without building anything', () => {
    const names = inspectableLayerNames(presetConfig('imagenet'));
    // The input too: it holds the image as the network reads it (preprocessed).
    expect(names.slice(0, 2)).toEqual(['input', 'conv1_pad']);
    expect(names).toContain('res5c_branch2c');
    expect(names.at(-1)).toBe('fc1000');
  });
});
