import { describe, expect, it } from 'vitest';
import { planSummary, presetConfig } from '../../model/pure';
import { blockFacts, blockNames, trainableParams } from './block-summary';

const signs = planSummary(presetConfig('signs', { seedLiteral: false }));

describe('blockFacts', () => {
  it('res2a: a convolutional block, 15x15x64 in and 15x15x256 out, its eight conv and BatchNorm layers counted', () => {
    const facts = blockFacts(signs, 'res2a');
    expect(facts).toMatchObject({ type: 'convolutional', stage: 2, block: 'a', inputLayer: 'pool1', inputShape: [15, 15, 64], outputLayer: 'res2a_relu', outputShape: [15, 15, 256] });
    // 1·1·64·64+64, 3·3·64·64+64, 1·1·64·256+256 twice (2c and the shortcut), and BatchNorm 4 x (64, 64, 256, 256).
    expect(facts?.params).toBe(4_160 + 36_928 + 16_640 + 16_640 + 4 * (64 + 64 + 256 + 256));
    expect(facts?.trainableParams).toBe(4_160 + 36_928 + 16_640 + 16_640 + 2 * (64 + 64 + 256 + 256));
    expect(facts?.layers.map((l) => l.name)).toEqual(expect.arrayContaining(['res2a_branch2a', 'bn2a_branch1', 'res2a_add', 'res2a_relu']));
  });

  it('res3b: an identity block, 8x8x512 in and out, from res3a', () => {
    const facts = blockFacts(signs, 'res3b');
    expect(facts).toMatchObject({ type: 'identity', inputLayer: 'res3a_relu', inputShape: [8, 8, 512], outputShape: [8, 8, 512] });
    expect(facts?.layers.some((l) => l.info.role === 'shortcut')).toBe(false);
  });

  it('knows only blocks: 16 of them, whose parameters and the rest add up to the model’s totals', () => {
    expect(blockFacts(signs, 'res2a_branch2a')).toBeNull();
    expect(blockFacts(signs, 'stage 2')).toBeNull();
    expect(blockFacts(signs, 'res9z')).toBeNull();
    const names = blockNames(signs);
    expect(names).toHaveLength(16);
    const blocks = names.map((n) => blockFacts(signs, n));
    const outside = signs.layers.filter((l) => l.info.stage === null || l.info.stage === 1);
    const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
    expect(sum(blocks.map((b) => b?.params ?? 0)) + sum(outside.map((l) => l.params))).toBe(23_600_006);
    expect(sum(blocks.map((b) => b?.trainableParams ?? 0)) + sum(outside.map(trainableParams))).toBe(23_546_886);
  });
});
