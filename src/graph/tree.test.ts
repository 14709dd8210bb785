import { beforeAll, describe, expect, it } from 'vitest';
import { allBlocks, RESNET50_STAGES } from '../model/architecture';
import { blockName, bnName, convName } from '../model/names';
import { presetConfig } from '../model/presets';
import { planSummary, type ModelSummary } from '../model/summary';
import { buildGraphTree, groupsOfKind, type GraphItem, type GraphTree } from './tree';

function leaves(item: GraphItem): string[] {
  return item.type === 'layer' ? [item.name] : item.children.flatMap(leaves);
}

describe('buildGraphTree (imagenet)', () => {
  let summary: ModelSummary;
  let tree: GraphTree;
  beforeAll(() => {
    summary = planSummary(presetConfig('imagenet'));
    tree = buildGraphTree(summary);
  });

  it('has input, stem, stages 2-5 and head at the top, in model order', () => {
    expect(tree.roots.map((r) => r.id)).toEqual(['input', 'stem', 'stage-2', 'stage-3', 'stage-4', 'stage-5', 'head']);
    expect(tree.roots.map((r) => (r.type === 'group' ? r.label : r.name))).toEqual(
      ['input', 'stem', 'stage 2', 'stage 3', 'stage 4', 'stage 5', 'head'],
    );
  });

  it('has 4 stages and 16 blocks, as many per stage as the architecture table says', () => {
    const stages = groupsOfKind(tree, 'stage');
    expect(stages).toHaveLength(4);
    expect(groupsOfKind(tree, 'block')).toHaveLength(16);
    expect(stages.map((s) => s.totals.blocks)).toEqual(RESNET50_STAGES.map((s) => s.blocks));
    const expected = RESNET50_STAGES.map((s) => allBlocks(false).filter((b) => b.stage === s.stage).map((b) => blockName(b.stage, b.block)));
    expect(stages.map((s) => s.children.map((c) => c.id))).toEqual(expected);
  });

  it('places every layer exactly once, in build order', () => {
    expect(tree.roots.flatMap(leaves)).toEqual(summary.layers.map((l) => l.name));
    expect(tree.layerNames).toEqual(summary.layers.map((l) => l.name));
  });

  it('puts each conv and BatchNorm in the block its LayerInfo names', () => {
    for (const spec of allBlocks(false)) {
      const block = tree.byId.get(blockName(spec.stage, spec.block));
      expect(block?.type === 'group' && block.parent).toBe(`stage-${spec.stage}`);
      const branches = spec.type === 'convolutional' ? ['2a', '2b', '2c', '1'] as const : ['2a', '2b', '2c'] as const;
      for (const b of branches) {
        expect(tree.byId.get(convName(spec.stage, spec.block, b))?.parent).toBe(block?.id);
        expect(tree.byId.get(bnName(spec.stage, spec.block, b))?.parent).toBe(block?.id);
      }
    }
    expect(tree.byId.get('conv1')?.parent).toBe('stem');
    expect(tree.byId.get('fc1000')?.parent).toBe('head');
    expect(tree.byId.get('input')?.parent).toBeNull();
  });

  it('marks exactly the four "a" blocks convolutional, naming their shortcut conv', () => {
    for (const block of groupsOfKind(tree, 'block')) {
      const spec = allBlocks(false).find((b) => blockName(b.stage, b.block) === block.id);
      expect(block.blockType, block.id).toBe(spec?.type);
      const shortcut = spec?.type === 'convolutional' ? convName(spec.stage, spec.block, '1') : null;
      expect(block.shortcutConv, block.id).toBe(shortcut);
    }
    expect(groupsOfKind(tree, 'block').filter((b) => b.blockType === 'convolutional').map((b) => b.id))
      .toEqual(['res2a', 'res3a', 'res4a', 'res5a']);
  });

  it('gives every group its totals: params, layers, output shape of its last layer', () => {
    const sum = tree.roots.reduce((n, r) => n + (r.type === 'layer' ? r.params : r.totals.params), 0);
    expect(sum).toBe(summary.totalParams);
    expect(sum).toBe(25_636_712);
    const stages = groupsOfKind(tree, 'stage');
    expect(stages.map((s) => s.totals.outputShape)).toEqual([[56, 56, 256], [28, 28, 512], [14, 14, 1024], [7, 7, 2048]]);
    expect(stages.map((s) => s.totals.outputLayer)).toEqual(['res2c_relu', 'res3d_relu', 'res4f_relu', 'res5c_relu']);
    const res2a = groupsOfKind(tree, 'block')[0];
    expect(res2a.totals).toMatchObject({ layers: 12, outputLayer: 'res2a_relu', outputShape: [56, 56, 256] });
    expect(res2a.totals.params).toBe(summary.layers.filter((l) => l.info.stage === 2 && l.info.block === 'a').reduce((n, l) => n + l.params, 0));
    const stem = tree.byId.get('stem');
    expect(stem?.type === 'group' && stem.totals).toMatchObject({ layers: 6, outputLayer: 'pool1', outputShape: [56, 56, 64], params: 9_728 });
    const head = tree.byId.get('head');
    expect(head?.type === 'group' && head.totals).toMatchObject({ layers: 3, outputLayer: 'fc1000', outputShape: [1000], params: 2_049_000 });
  });
});

describe('buildGraphTree (signs, seed-literal)', () => {
  it('follows the live model: no pool1_pad, literal stage-5 totals', async () => {
    const tree = buildGraphTree(planSummary(presetConfig('signs', { seedLiteral: true })));
    const stem = tree.byId.get('stem');
    expect(stem?.type === 'group' && stem.children.map((c) => c.id)).toEqual(['conv1_pad', 'conv1', 'bn_conv1', 'conv1_relu', 'pool1']);
    const total = tree.roots.reduce((n, r) => n + (r.type === 'layer' ? r.params : r.totals.params), 0);
    expect(total).toBe(17_958_790);
    expect(tree.byId.get('res5b_branch2a')?.type === 'layer' && tree.byId.get('res5b_branch2a')).toMatchObject({ outputShape: [2, 2, 256] });
  });
});

describe('buildGraphTree (malformed input)', () => {
  it('refuses a stage layer without a block instead of guessing from its name', () => {
    const summary: ModelSummary = {
      preset: 'signs', seedLiteral: false, inputShape: [1], classes: 1, totalParams: 0, trainableParams: 0, nonTrainableParams: 0,
      layers: [{
        name: 'res2a_branch2a', type: 'Conv2D', outputShape: [1], params: 0, inputs: [],
        info: { name: 'res2a_branch2a', kind: 'conv', role: 'main', stage: 2, block: null, branch: '2a', inputs: [] },
      }],
    };
    expect(() => buildGraphTree(summary)).toThrow(/no stage and block/);
  });
});
