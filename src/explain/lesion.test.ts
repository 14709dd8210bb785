// Lesion semantics on a hand-built tiny network: a ReLU stem, one convolutional block and
// one identity block, planned by the project's own block functions with narrow filters,
// built with tfjs layers and given random BatchNorm statistics and biases (so no layer is
// an identity by accident). The expected values are computed here with plain tfjs ops.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convolutionalBlock, identityBlock, plannedLayer, type BlockSpec, type PlannedLayer } from '../model';
import { checkLesion, lesionBlocks } from './lesion-blocks';
import { lesionedPlan, runPlan } from './lesion';

const SPEC_A: BlockSpec = { stage: 2, block: 'a', type: 'convolutional', filters: [2, 3, 4], stride: 2, kernel: 3 };
const SPEC_B: BlockSpec = { stage: 2, block: 'b', type: 'identity', filters: [2, 3, 4], stride: 1, kernel: 3 };
const STEM = { stage: 1, block: null, branch: null, role: 'stem' } as const;

const plan: PlannedLayer[] = [
  plannedLayer('input', { kind: 'input', shape: [7, 7, 3] }, { stage: null, block: null, branch: null, role: 'input' }, []),
  plannedLayer('stem_relu', { kind: 'relu' }, STEM, ['input']),
];
plan.push(...convolutionalBlock('stem_relu', SPEC_A));
plan.push(...identityBlock('res2a_relu', SPEC_B));

function makeLayer(p: PlannedLayer, seed: number): tf.layers.Layer {
  const s = p.settings;
  const name = p.name;
  switch (s.kind) {
    case 'conv':
      return tf.layers.conv2d({
        name, filters: s.filters, kernelSize: s.kernel, strides: s.stride, padding: s.padding,
        kernelInitializer: tf.initializers.glorotUniform({ seed }), biasInitializer: tf.initializers.randomNormal({ seed, stddev: 0.3 }),
      });
    case 'batch-norm': return tf.layers.batchNormalization({ name, axis: s.axis });
    case 'relu': return tf.layers.activation({ name, activation: 'relu' });
    case 'add': return tf.layers.add({ name });
    default: throw new Error(`the tiny network has no ${s.kind}`);
  }
}

const layers = new Map<string, tf.layers.Layer>();
let model: tf.LayersModel;
let x: tf.Tensor4D;
const weightsSize = () => model.weights.reduce((n, w) => n + w.read().size, 0);

beforeAll(async () => {
  await tf.setBackend('wasm');
  const symbolic = new Map<string, tf.SymbolicTensor>([['input', tf.input({ shape: [7, 7, 3], name: 'input' })]]);
  plan.slice(1).forEach((p, i) => {
    const layer = makeLayer(p, i + 1);
    layers.set(p.name, layer);
    const inputs = p.inputs.map((n) => symbolic.get(n) as tf.SymbolicTensor);
    symbolic.set(p.name, layer.apply(inputs.length === 1 ? inputs[0] : inputs) as tf.SymbolicTensor);
  });
  model = tf.model({ inputs: symbolic.get('input') as tf.SymbolicTensor, outputs: plan.slice(1).map((p) => symbolic.get(p.name) as tf.SymbolicTensor) });
  for (const [i, layer] of [...layers.values()].entries()) {
    if (layer.getClassName() !== 'BatchNormalization') continue;
    const [c] = layer.getWeights()[0].shape;
    const r = (lo: number, hi: number, k: number) => tf.randomUniform([c], lo, hi, 'float32', 10 * i + k);
    layer.setWeights([r(0.5, 2, 1), r(-0.5, 0.5, 2), r(-0.5, 0.5, 3), r(0.2, 3, 4)]);
  }
  x = tf.randomNormal([1, 7, 7, 3], 0, 1, 'float32', 7) as tf.Tensor4D;
});

afterAll(() => {
  x.dispose();
  model.dispose();
});

const layerOf = (name: string) => layers.get(name) as tf.layers.Layer;
const values = (t: tf.Tensor | undefined) => Array.from(t?.dataSync() ?? [NaN]);
const maxAbs = (a: number[], b: number[]) => Math.max(...a.map((v, i) => Math.abs(v - b[i])));

describe('the lesioned plan', () => {
  it('drops a switched-off block\'s main path and leaves its add the shortcut alone', () => {
    const names = (ps: PlannedLayer[]) => ps.map((p) => p.name);
    const offB = lesionedPlan(plan, new Set(['res2b']));
    expect(names(offB).filter((n) => n.startsWith('res2b') || n.startsWith('bn2b'))).toEqual(['res2b_add', 'res2b_relu']);
    expect(offB.find((p) => p.name === 'res2b_add')?.inputs).toEqual(['res2a_relu']);
    const offA = lesionedPlan(plan, new Set(['res2a']));
    expect(offA.find((p) => p.name === 'res2a_add')?.inputs).toEqual(['bn2a_branch1']);
    expect(names(offA)).toContain('res2a_branch1');
    expect(names(offA)).not.toContain('bn2a_branch2c');
    expect(names(lesionedPlan(plan, new Set()))).toEqual(names(plan));
  });

  it('names the 16 blocks of ResNet50 and refuses an unknown one with the list', () => {
    const blocks = lesionBlocks({ seedLiteral: false });
    expect(blocks).toHaveLength(16);
    expect(blocks.filter((b) => b.type === 'convolutional').map((b) => b.name)).toEqual(['res2a', 'res3a', 'res4a', 'res5a']);
    expect(checkLesion({ seedLiteral: false }, ['res5c', 'res2a', 'res5c'])).toEqual(['res2a', 'res5c']);
    expect(() => checkLesion({ seedLiteral: false }, ['res6a'])).toThrow(/^unknown block "res6a": the blocks are res2a, res2b, res2c, res3a, .*, res5c$/);
  });
});

describe('running the tiny network with blocks switched off', () => {
  it('intact, it gives the built model\'s own outputs', () => {
    const expected = model.predict(x) as tf.Tensor[];
    const got = runPlan(plan, layerOf, x);
    plan.slice(1).forEach((p, i) => expect(maxAbs(values(got.get(p.name)), values(expected[i]))).toBeLessThan(1e-5));
    tf.dispose([...expected, ...got.values()]);
  });

  it('an identity block switched off outputs its input', () => {
    const got = runPlan(lesionedPlan(plan, new Set(['res2b'])), layerOf, x);
    expect(values(got.get('res2b_relu'))).toEqual(values(got.get('res2a_relu')));
    expect(got.has('res2b_branch2a')).toBe(false);
    tf.dispose([...got.values()]);
  });

  it('a convolutional block switched off outputs ReLU(BN(conv1x1(x))) of its projection shortcut', () => {
    const got = runPlan(lesionedPlan(plan, new Set(['res2a'])), layerOf, x);
    const expected = tf.tidy(() => {
      const [kernel, bias] = layerOf('res2a_branch1').getWeights();
      const [gamma, beta, mean, variance] = layerOf('bn2a_branch1').getWeights();
      const conv = tf.conv2d(tf.relu(x), kernel as tf.Tensor4D, 2, 'valid').add(bias);
      return tf.relu(conv.sub(mean).div(variance.add(1e-3).sqrt()).mul(gamma).add(beta));
    });
    expect(expected.shape).toEqual([1, 4, 4, 4]);
    expect(maxAbs(values(got.get('res2a_relu')), values(expected))).toBeLessThan(1e-5);
    expect(values(got.get('res2a_relu')).some((v) => v > 0)).toBe(true);
    tf.dispose([expected, ...got.values()]);
  });

  it('keeping only the last layer frees every other output once read: the same values, one tensor left', () => {
    const last = plan[plan.length - 1].name;
    const all = runPlan(lesionedPlan(plan, new Set(['res2b'])), layerOf, x);
    const tensors = tf.memory().numTensors;
    const only = runPlan(lesionedPlan(plan, new Set(['res2b'])), layerOf, x, new Set([last]));
    expect([...only.keys()]).toEqual([last]);
    expect(tf.memory().numTensors).toBe(tensors + 1);
    expect(values(only.get(last))).toEqual(values(all.get(last)));
    tf.dispose([...all.values(), ...only.values()]);
  });

  it('copies no weight: memory grows by the outputs alone and returns; the parameters are the same', () => {
    const [tensors, bytes, params] = [tf.memory().numTensors, tf.memory().numBytes, weightsSize()];
    for (const off of [['res2a'], ['res2b'], ['res2a', 'res2b'], []]) {
      const got = runPlan(lesionedPlan(plan, new Set(off)), layerOf, x);
      const held = [...got.values()].reduce((n, t) => n + t.size * 4, 0);
      expect(tf.memory().numBytes - bytes).toBe(held);
      tf.dispose([...got.values()]);
    }
    expect(tf.memory().numTensors).toBe(tensors);
    expect(weightsSize()).toBe(params);
  });
});
