import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allBlocks, BLOCK_LETTERS, RESNET50_STAGES } from './architecture';
import { presetConfig } from './presets';
import { buildResNet50, type BuiltResNet } from './resnet50';
import type { ModelSummary } from './summary';
import { summarize } from './summarize';

beforeAll(async () => {
  await tf.setBackend('cpu');
  tf.enableProdMode();
});

/** The seed's conv/BN names for one block, in build order (main path, then shortcut). */
function expectedBlockNames(stage: number, block: string, convolutional: boolean): string[] {
  const branches = convolutional ? ['2a', '2b', '2c', '1'] : ['2a', '2b', '2c'];
  return branches.flatMap((b) => [`res${stage}${block}_branch${b}`, `bn${stage}${block}_branch${b}`]);
}

describe('names', () => {
  let built: BuiltResNet;
  beforeAll(() => { built = buildResNet50(presetConfig('signs')); });
  afterAll(() => built.model.dispose());

  it('gives every conv and BatchNorm the seed name, stage by stage, block by block', () => {
    const depths = [3, 4, 6, 3];
    const expected = ['conv1', 'bn_conv1'];
    [2, 3, 4, 5].forEach((stage, i) => {
      for (const block of BLOCK_LETTERS.slice(0, depths[i])) {
        expected.push(...expectedBlockNames(stage, block, block === 'a'));
      }
    });
    expected.push('fc6');
    const convBnDense = built.layers
      .filter((l) => l.kind === 'conv' || l.kind === 'batch-norm' || l.kind === 'dense')
      .map((l) => l.name);
    expect(convBnDense).toEqual(expected);
    expect(convBnDense).toHaveLength(2 + 2 * (16 * 3 + 4) + 1);
  });

  it('has no duplicate names, and the tfjs model uses exactly the recorded names', () => {
    const names = built.layers.map((l) => l.name);
    expect(new Set(names).size).toBe(names.length);
    expect(built.model.layers.map((l) => l.name).sort()).toEqual([...names].sort());
  });

  it('has no automatic tfjs names anywhere', () => {
    const auto = /^(conv2d|batch_normalization|activation|add|zero_padding2d|max_pooling2d|average_pooling2d|flatten|dense|input)_\d+$/;
    expect(built.model.layers.map((l) => l.name).filter((n) => auto.test(n))).toEqual([]);
    expect(built.model.name).toBe('resnet50_signs');
  });

  it('names the unnamed steps deterministically', () => {
    const names = new Set(built.layers.map((l) => l.name));
    for (const n of ['conv1_pad', 'conv1_relu', 'pool1', 'res2a_branch2a_relu', 'res2a_add', 'res2a_relu', 'avg_pool', 'flatten']) {
      expect(names.has(n), n).toBe(true);
    }
    expect(names.has('pool1_pad')).toBe(false);
  });

  it('records position as data', () => {
    const byName = new Map(built.layers.map((l) => [l.name, l]));
    expect(byName.get('res3a_branch1')).toMatchObject({ kind: 'conv', stage: 3, block: 'a', branch: '1', role: 'shortcut' });
    expect(byName.get('bn4c_branch2b')).toMatchObject({ kind: 'batch-norm', stage: 4, block: 'c', branch: '2b', role: 'main' });
    expect(byName.get('res5c_add')).toMatchObject({ kind: 'add', stage: 5, block: 'c', role: 'merge', inputs: ['bn5c_branch2c', 'res5b_relu'] });
    expect(byName.get('conv1')).toMatchObject({ stage: 1, role: 'stem' });
    expect(byName.get('fc6')).toMatchObject({ stage: null, role: 'head', kind: 'dense' });
  });
});

interface Case { preset: 'signs' | 'imagenet'; seedLiteral: boolean; total: number; trainable?: number; nonTrainable?: number; shapes: Record<string, number[]> }

const CASES: Case[] = [
  {
    preset: 'signs', seedLiteral: false, total: 23_600_006, trainable: 23_546_886, nonTrainable: 53_120,
    shapes: { conv1_pad: [70, 70, 3], conv1: [32, 32, 64], pool1: [15, 15, 64], res2c_relu: [15, 15, 256], res3d_relu: [8, 8, 512], res4f_relu: [4, 4, 1024], res5c_relu: [2, 2, 2048], avg_pool: [1, 1, 2048], flatten: [2048], fc6: [6] },
  },
  {
    preset: 'imagenet', seedLiteral: false, total: 25_636_712, trainable: 25_583_592, nonTrainable: 53_120,
    shapes: { conv1_pad: [230, 230, 3], conv1: [112, 112, 64], pool1_pad: [114, 114, 64], pool1: [56, 56, 64], res2c_relu: [56, 56, 256], res3d_relu: [28, 28, 512], res4f_relu: [14, 14, 1024], res5c_relu: [7, 7, 2048], avg_pool: [1, 1, 2048], flatten: [2048], fc1000: [1000] },
  },
  {
    preset: 'signs', seedLiteral: true, total: 17_958_790,
    shapes: { res5b_branch2a: [2, 2, 256], res5b_branch2b: [2, 2, 256], res5c_relu: [2, 2, 2048], fc6: [6] },
  },
];

describe.each(CASES)('$preset (seedLiteral: $seedLiteral)', (c) => {
  let built: BuiltResNet;
  let summary: ModelSummary;
  beforeAll(() => {
    built = buildResNet50(presetConfig(c.preset, { seedLiteral: c.seedLiteral }));
    summary = summarize(built);
  });
  afterAll(() => built.model.dispose());

  it('has the published parameter totals', () => {
    expect(summary.totalParams).toBe(c.total);
    expect(built.model.countParams()).toBe(c.total);
    if (c.trainable !== undefined) expect(summary.trainableParams).toBe(c.trainable);
    if (c.nonTrainable !== undefined) expect(summary.nonTrainableParams).toBe(c.nonTrainable);
    expect(summary.layers.reduce((n, l) => n + l.params, 0)).toBe(c.total);
  });

  it('has the expected output shape at each stage', () => {
    const shapes = Object.fromEntries(summary.layers.map((l) => [l.name, l.outputShape]));
    for (const [name, shape] of Object.entries(c.shapes)) expect(shapes[name], name).toEqual(shape);
  });

  it('puts a strided projection only on convolutional blocks', () => {
    for (const spec of allBlocks(c.seedLiteral)) {
      const id = `${spec.stage}${spec.block}`;
      const shortcut = built.layers.filter((l) => l.stage === spec.stage && l.block === spec.block && l.role === 'shortcut');
      const add = built.layers.find((l) => l.name === `res${id}_add`);
      if (spec.type === 'identity') {
        expect(shortcut, id).toEqual([]);
        expect(add?.inputs[1], id).toMatch(/_relu$/);
        continue;
      }
      expect(shortcut.map((l) => l.name)).toEqual([`res${id}_branch1`, `bn${id}_branch1`]);
      const conv = built.model.getLayer(`res${id}_branch1`).getConfig();
      const stride = RESNET50_STAGES.find((s) => s.stage === spec.stage)?.stride;
      expect(conv.strides, id).toEqual([stride, stride]);
      expect(conv.kernelSize, id).toEqual([1, 1]);
      expect(add?.inputs[1]).toBe(`bn${id}_branch1`);
    }
  });
});

describe('determinism and memory', () => {
  it('two signs builds have identical weights and outputs (seed 0)', () => {
    const a = buildResNet50(presetConfig('signs'));
    const b = buildResNet50(presetConfig('signs'));
    const wa = a.model.getWeights();
    const wb = b.model.getWeights();
    expect(wa.length).toBe(wb.length);
    const conv1 = wa[0].dataSync();
    expect(Array.from(conv1)).toEqual(Array.from(wb[0].dataSync()));
    expect(conv1.some((v) => v !== 0)).toBe(true);
    const fcKernel = a.model.getLayer('fc6').getWeights()[0];
    expect(Array.from(fcKernel.dataSync())).toEqual(Array.from(b.model.getLayer('fc6').getWeights()[0].dataSync()));
    const x = tf.randomUniform([2, 64, 64, 3], 0, 1, 'float32', 42);
    const [ya, yb] = [a.model.predict(x), b.model.predict(x)] as tf.Tensor[];
    expect(ya.shape).toEqual([2, 6]);
    expect(Array.from(ya.dataSync())).toEqual(Array.from(yb.dataSync()));
    tf.dispose([x, ya, yb]);
    a.model.dispose();
    b.model.dispose();
  });

  it('building and disposing a model leaves numTensors where it was', () => {
    const before = tf.memory().numTensors;
    for (const preset of ['signs', 'imagenet'] as const) {
      const built = buildResNet50(presetConfig(preset));
      expect(tf.memory().numTensors).toBeGreaterThan(before);
      built.model.dispose();
      expect(tf.memory().numTensors).toBe(before);
    }
  });
});
