import { describe, expect, it } from 'vitest';
import { planSummary, presetConfig } from '../../model/pure';
import { chinese } from '../../test-support/chinese';
import { walkthroughSteps } from './walkthrough-steps';


function step(id: string, preset: 'signs' | 'imagenet' = 'signs', seedLiteral = false) {
  const found = walkthroughSteps(planSummary(presetConfig(preset, { seedLiteral })), chinese).find((s) => s.id === id);
  if (!found) throw new Error(`no step ${id}`);
  return found;
}

describe('the walkthrough in Chinese', () => {
  it('quotes the same numbers and names as the English one, in Chinese sentences', () => {
    const identity = step('identity-2a');
    expect(identity.title).toBe('主路径 1：1×1 卷积、批归一化、ReLU');
    expect(identity.body).toContain('在 res2b 中，一个有 F1 = 64 个滤波器的 1×1 卷积');
    expect(identity.body).toContain('从 256 减到 64');
    expect(step('identity-merge').body).toContain('两者都是 15×15×256');
  });
  it('counts identity blocks without an English plural and lists them the Chinese way', () => {
    const stage3 = step('stage-3');
    expect(stage3.title).toBe('第 3 阶段：4 个块，[128, 128, 512]');
    expect(stage3.body).toContain('3 个恒等块（res3b、res3c和res3d）');
    expect(stage3.body).not.toMatch(/identity|block/);
  });
  it('writes parameter counts with grouping in the stage-5 note, both readings', () => {
    expect(step('stage-5').note).toContain('SIGNS 模型的 23,600,006 个参数正是由此而来');
    expect(step('stage-5', 'signs', true).note).toContain('SIGNS 模型有 17,958,790 个参数，而不是公开版本的 23,600,006 个');
  });
  it('explains the ImageNet departures (pool1_pad, the 7×7 avg_pool) in Chinese', () => {
    expect(step('stage-1', 'imagenet').note).toContain('原文中没有：pool1_pad');
    expect(step('avg-pool', 'imagenet').note).toContain('会得到 3×3×2048：共 18,432 个数，而公开的全连接层需要的是 2,048 个');
  });
});
