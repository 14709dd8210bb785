import { describe, expect, it } from 'vitest';
import { planSummary, presetConfig, type LayerInfo, type PresetName } from '../../model/pure';
import { stepForLayer, walkthroughSteps, type WalkthroughStep } from './walkthrough-steps';

function stepsOf(preset: PresetName, seedLiteral = false): WalkthroughStep[] {
  return walkthroughSteps(planSummary(presetConfig(preset, { seedLiteral })));
}

const ORDER = [
  'identity-2a', 'identity-2b', 'identity-2c', 'identity-merge',
  'convolutional-2a', 'convolutional-2b', 'convolutional-2c', 'convolutional-1', 'convolutional-merge',
  'zero-padding', 'stage-1', 'stage-2', 'stage-3', 'stage-4', 'stage-5', 'avg-pool', 'flatten', 'fc',
];

/** Names a step may reference: every layer, plus the graph's block and stage groups. */
function knownNames(layers: readonly LayerInfo[]): Set<string> {
  const names = new Set(layers.map((l) => l.name));
  for (const l of layers) {
    if (l.stage !== null && l.stage > 1) names.add(`stage ${l.stage}`);
    if (l.stage !== null && l.block !== null) names.add(`res${l.stage}${l.block}`);
  }
  return names;
}

function byId(steps: readonly WalkthroughStep[], id: string): WalkthroughStep {
  const step = steps.find((s) => s.id === id);
  if (!step) throw new Error(`no step ${id}`);
  return step;
}

describe.each([
  { preset: 'signs', classes: 6 },
  { preset: 'imagenet', classes: 1000 },
] as const)('$preset walkthrough', ({ preset, classes }) => {
  const layers = planSummary(presetConfig(preset)).layers.map((l) => l.info);
  const steps = stepsOf(preset);

  it('follows the assignment order, chapter by chapter', () => {
    expect(steps.map((s) => s.id)).toEqual(ORDER);
    const chapters = steps.map((s) => s.chapter);
    expect(chapters.filter((c) => c === 'identity-block')).toHaveLength(4);
    expect(chapters.filter((c) => c === 'convolutional-block')).toHaveLength(5);
    expect([...new Set(chapters)]).toEqual(['identity-block', 'convolutional-block', 'resnet50']);
    for (const s of steps) {
      expect(s.title.length, s.id).toBeGreaterThan(0);
      expect(s.body.split(/(?<=[.!?:])\s+(?=[A-Z])/).length, s.id).toBeLessThanOrEqual(3);
    }
  });

  it('only references layers, blocks and stages that exist in the built model', () => {
    const known = knownNames(layers);
    for (const s of steps) {
      expect(s.layers.length, s.id).toBeGreaterThan(0);
      for (const name of s.layers) expect(known.has(name), `${s.id}: ${name}`).toBe(true);
    }
  });

  it('uses res2b and res3a as worked examples', () => {
    expect(byId(steps, 'identity-2a').layers).toEqual(['res2b_branch2a', 'bn2b_branch2a', 'res2b_branch2a_relu']);
    expect(byId(steps, 'identity-2c').layers).toEqual(['res2b_branch2c', 'bn2b_branch2c']);
    expect(byId(steps, 'identity-merge').layers).toEqual(['res2b_add', 'res2b_relu']);
    expect(byId(steps, 'convolutional-1').layers).toEqual(['res3a_branch1', 'bn3a_branch1']);
    expect(byId(steps, 'stage-4').layers).toEqual(['stage 4', 'res4a', 'res4b', 'res4c', 'res4d', 'res4e', 'res4f']);
    expect(byId(steps, 'fc').layers).toEqual([`fc${classes}`]);
  });

  it('maps every layer of the model to a step, by its position rather than its name', () => {
    const byName = new Map(layers.map((l) => [l.name, l]));
    const at = (name: string) => {
      const layer = byName.get(name);
      if (!layer) throw new Error(`no layer ${name}`);
      return stepForLayer(steps, layer)?.id;
    };
    expect(at('res4c_branch2b')).toBe('identity-2b');
    expect(at('bn5c_branch2a')).toBe('identity-2a');
    expect(at('res3c_branch2c')).toBe('identity-2c');
    expect(at('res4f_add')).toBe('identity-merge');
    expect(at('res4f_relu')).toBe('identity-merge');
    expect(at('res2a_branch2a')).toBe('convolutional-2a');
    expect(at('bn5a_branch2b')).toBe('convolutional-2b');
    expect(at('bn4a_branch2c')).toBe('convolutional-2c');
    expect(at('res5a_branch1')).toBe('convolutional-1');
    expect(at('bn2a_branch1')).toBe('convolutional-1');
    expect(at('res5a_relu')).toBe('convolutional-merge');
    expect(at('conv1_pad')).toBe('zero-padding');
    expect(at('bn_conv1')).toBe('stage-1');
    expect(at('pool1')).toBe('stage-1');
    expect(at('avg_pool')).toBe('avg-pool');
    expect(at('flatten')).toBe('flatten');
    expect(at(`fc${classes}`)).toBe('fc');
    expect(at('input')).toBeUndefined();
    for (const layer of layers.filter((l) => l.role !== 'input')) {
      expect(stepForLayer(steps, layer), layer.name).toBeDefined();
    }
  });

  it('maps block and stage nodes to their stage step', () => {
    const node = (name: string, stage: 1 | 2 | 3 | 4 | 5, block: 'a' | 'c' | null) => ({ name, stage, block, branch: null });
    expect(stepForLayer(steps, node('res4c', 4, 'c'))?.id).toBe('stage-4');
    expect(stepForLayer(steps, node('stage 3', 3, null))?.id).toBe('stage-3');
    expect(stepForLayer(steps, node('stem', 1, null))?.id).toBe('stage-1');
  });

  it('explains the stage-5 filter discrepancy where it occurs', () => {
    const notes = steps.filter((s) => s.note).map((s) => s.id);
    expect(notes).toEqual(preset === 'imagenet' ? ['stage-1', 'stage-5', 'avg-pool'] : ['stage-5']);
    const note = byId(steps, 'stage-5').note ?? '';
    for (const fact of ['[256, 256, 2048]', '[512, 512, 2048]', '23,600,006', '17,958,790']) expect(note).toContain(fact);
  });
});

describe('ImageNet adaptations', () => {
  const steps = stepsOf('imagenet');

  it('explains pool1_pad in the stem step and highlights it', () => {
    const stem = byId(steps, 'stage-1');
    expect(stem.layers).toContain('pool1_pad');
    expect(stem.note).toMatch(/pool1_pad/);
    expect(stem.note).toContain('56×56');
    expect(stem.note).toContain('55×55');
    expect(stepForLayer(steps, { name: 'pool1_pad', kind: 'zero-padding', role: 'stem', stage: 1, block: null, branch: null })?.id).toBe('stage-1');
  });

  it('explains the 7x7 avg_pool window', () => {
    const pool = byId(steps, 'avg-pool');
    expect(pool.title).toContain('7×7');
    expect(pool.note).toContain('7×7');
    expect(pool.note).toContain('2×2');
    expect(pool.note).toContain('18,432');
  });

  it('quotes sizes worked out from the table', () => {
    expect(byId(steps, 'stage-3').body).toContain('56×56 to 28×28');
    expect(byId(steps, 'stage-5').body).toContain('7×7×2048');
    expect(byId(stepsOf('signs'), 'stage-3').body).toContain('15×15 to 8×8');
    expect(byId(stepsOf('signs'), 'stage-1').body).toContain('15×15×64');
  });
});

describe('the literal stage-5 reading', () => {
  it('follows the switch and says so', () => {
    const stage5 = byId(stepsOf('signs', true), 'stage-5');
    expect(stage5.body).toContain('with filters [256, 256, 2048]');
    expect(stage5.note).toContain('follows the text literally');
    expect(stage5.note).toContain('17,958,790');
  });
});

describe('a person’s model file', () => {
  it('points the steps at the file’s own layer names, and leaves out the head it was saved without', () => {
    const names = { conv1: 'conv1_conv', res2b_branch2a: 'conv2_block2_1_conv', res2b_relu: 'conv2_block2_out', fc1000: 'predictions' };
    const named = planSummary({ ...presetConfig('imagenet'), names });
    const steps = walkthroughSteps(named);
    expect(steps.map((s) => s.id)).toEqual(ORDER);
    expect(byId(steps, 'identity-2a').layers).toEqual(['conv2_block2_1_conv', 'bn2b_branch2a', 'res2b_branch2a_relu']);
    expect(byId(steps, 'fc').layers).toEqual(['predictions']);
    const known = knownNames(named.layers.map((l) => l.info));
    for (const s of steps) for (const name of s.layers) expect(known.has(name), `${s.id}: ${name}`).toBe(true);

    const headless = planSummary({ ...presetConfig('signs'), head: 'none', classes: 0, names });
    const cut = walkthroughSteps(headless);
    expect(cut.map((s) => s.id)).toEqual(ORDER.filter((id) => !['avg-pool', 'flatten', 'fc'].includes(id)));
    const there = knownNames(headless.layers.map((l) => l.info));
    for (const s of cut) for (const name of s.layers) expect(there.has(name), `${s.id}: ${name}`).toBe(true);
  });
});
