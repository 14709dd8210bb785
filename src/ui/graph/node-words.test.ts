import { describe, expect, it } from 'vitest';
import { spokenKind as englishKind } from '../../graph/format';
import { layoutGraph } from '../../graph/layout';
import { buildGraphTree } from '../../graph/tree';
import { planSummary, presetConfig, type LayerKind } from '../../model/pure';
import { english } from '../i18n/i18n';
import { chinese } from '../../test-support/chinese';
import { labelWidth, localNode, spokenKind } from './node-words';

const LAYER_KINDS: readonly LayerKind[] = ['input', 'zero-padding', 'conv', 'batch-norm', 'relu', 'max-pool', 'add', 'avg-pool', 'flatten', 'dense'];

describe('graph node words', () => {
  it('say in English exactly what the layout module says', () => {
    for (const layerKind of LAYER_KINDS) expect(spokenKind({ layerKind, blockType: null }, english)).toBe(englishKind({ layerKind, blockType: null }));
    for (const blockType of ['convolutional', 'identity'] as const) expect(spokenKind({ layerKind: null, blockType }, english)).toBe(englishKind({ layerKind: null, blockType }));
  });
  it('give a node its counts and kind in Chinese, and leave English nodes as they are', () => {
    const tree = buildGraphTree(planSummary(presetConfig('signs')));
    const layout = layoutGraph(tree, new Set(['stage-2']));
    const stage = layout.byId.get('stage-3');
    const block = layout.byId.get('res2a');
    if (!stage || !block) throw new Error('no stage-3 or res2a node');
    expect(localNode(stage, tree.byId.get('stage-3'), english)).toBe(stage);
    expect(localNode(stage, tree.byId.get('stage-3'), chinese)).toMatchObject({ badgeText: '4 个块', paramsText: stage.paramsText.replace(' params', ' 个参数') });
    expect(localNode(block, tree.byId.get('res2a'), chinese).badgeText).toBe('卷积块');
    expect(spokenKind({ layerKind: 'batch-norm', blockType: null }, chinese)).toBe('批归一化层。');
    expect(labelWidth('卷积块')).toBe(labelWidth('convol'));
  });
});
