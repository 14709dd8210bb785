import { beforeAll, describe, expect, it } from 'vitest';
import { collapsedAll, expandedAll, highlightedNodes, revealed, toggled, visibleStandIn, withExpanded } from './expansion';
import { layoutGraph } from './layout';
import { keyAction, type NavigationState } from './navigation';
import { presetConfig } from '../model/presets';
import { planSummary } from '../model/summary';
import { createTint, imageLayers, nodeTintValues } from './tint';
import { buildGraphTree, resolveName, type GraphTree } from './tree';
import { anchoredTransform, fitTransform, followTransform, isInView } from './viewport';

let tree: GraphTree;
beforeAll(() => {
  tree = buildGraphTree(planSummary(presetConfig('signs')));
});

function state(expanded: ReadonlySet<string>): NavigationState {
  return { tree, expanded, order: layoutGraph(tree, expanded).visibleOrder };
}

describe('keyboard navigation', () => {
  it('walks the reading order with Up/Down/Home/End and stops at the ends', () => {
    const s = state(collapsedAll());
    expect(keyAction('ArrowDown', 'input', s)).toEqual({ type: 'focus', id: 'stem' });
    expect(keyAction('ArrowUp', 'stem', s)).toEqual({ type: 'focus', id: 'input' });
    expect(keyAction('ArrowUp', 'input', s)).toBeNull();
    expect(keyAction('ArrowDown', 'head', s)).toBeNull();
    expect(keyAction('End', 'input', s)).toEqual({ type: 'focus', id: 'head' });
    expect(keyAction('Home', 'stage-4', s)).toEqual({ type: 'focus', id: 'input' });
  });

  it('opens with Right, steps in with Right, closes with Left, steps out with Left', () => {
    const closed = state(collapsedAll());
    expect(keyAction('ArrowRight', 'stage-2', closed)).toEqual({ type: 'expand', id: 'stage-2' });
    const open = state(new Set(['stage-2']));
    expect(keyAction('ArrowRight', 'stage-2', open)).toEqual({ type: 'focus', id: 'res2a' });
    expect(keyAction('ArrowDown', 'stage-2', open)).toEqual({ type: 'focus', id: 'res2a' });
    expect(keyAction('ArrowLeft', 'res2b', open)).toEqual({ type: 'focus', id: 'stage-2' });
    expect(keyAction('ArrowLeft', 'stage-2', open)).toEqual({ type: 'collapse', id: 'stage-2' });
    expect(keyAction('ArrowLeft', 'stem', closed)).toBeNull();
    expect(keyAction('ArrowRight', 'input', closed)).toBeNull();
  });

  it('Enter and Space toggle groups and select layers', () => {
    const s = state(new Set(['stage-2', 'res2a']));
    expect(keyAction('Enter', 'res2a', s)).toEqual({ type: 'toggle', id: 'res2a' });
    expect(keyAction(' ', 'stage-2', s)).toEqual({ type: 'toggle', id: 'stage-2' });
    expect(keyAction('Enter', 'res2a_branch2a', s)).toEqual({ type: 'select', id: 'res2a_branch2a' });
    expect(keyAction('a', 'res2a_branch2a', s)).toBeNull();
  });
});

describe('expansion', () => {
  it('toggles, reveals and finds a visible stand-in without mutating', () => {
    const none = collapsedAll();
    const one = toggled(none, 'stage-3');
    expect([...none]).toEqual([]);
    expect([...one]).toEqual(['stage-3']);
    expect(withExpanded(one, 'stage-3', true)).toBe(one);
    expect([...revealed(tree, none, 'bn3b_branch2c')].sort()).toEqual(['res3b', 'stage-3']);
    expect(visibleStandIn(tree, none, 'bn3b_branch2c')).toBe('stage-3');
    expect(visibleStandIn(tree, one, 'bn3b_branch2c')).toBe('res3b');
    expect(visibleStandIn(tree, expandedAll(tree), 'bn3b_branch2c')).toBe('bn3b_branch2c');
  });
});

describe('names and highlights', () => {
  it('resolves the names people use, and marks hidden items on their closed group', () => {
    expect(resolveName(tree, 'stage 3')).toBe('stage-3');
    expect(resolveName(tree, 'res3a')).toBe('res3a');
    expect(resolveName(tree, 'bn3a_branch1')).toBe('bn3a_branch1');
    expect(resolveName(tree, 'stem')).toBe('stem');
    expect(resolveName(tree, 'nope')).toBeNull();
    const names = ['stage 2', 'res2a', 'res2b', 'res3a_branch2a', 'nope'];
    expect([...highlightedNodes(tree, collapsedAll(), names)].sort()).toEqual(['stage-2', 'stage-3']);
    expect([...highlightedNodes(tree, new Set(['stage-2', 'stage-3']), names)].sort()).toEqual(['res2a', 'res2b', 'res3a', 'stage-2']);
  });
});

describe('tint', () => {
  it('colours each group by its output layer and spans the values shown', () => {
    const values = new Map([['res2c_relu', 0.5], ['res2a_relu', 0.1], ['fc6', 0.9], ['conv1', Number.NaN]]);
    const byNode = nodeTintValues(tree, values);
    expect(byNode.get('stage-2')).toBe(0.5);
    expect(byNode.get('res2c')).toBe(0.5);
    expect(byNode.get('res2a')).toBe(0.1);
    expect(byNode.get('head')).toBe(0.9);
    expect(byNode.has('conv1')).toBe(false);
    expect(byNode.has('stage-3')).toBe(false);
    const tint = createTint(byNode.values());
    expect(tint?.domain).toEqual([0.1, 0.9]);
    expect(tint?.fill(0.1)).toBe('rgb(255, 247, 237)');
    expect(tint?.fill(0.9)).toBe('rgb(124, 45, 18)');
    expect(tint?.ink(0.1)).not.toBe(tint?.ink(0.9));
    for (const t of tint?.ticks ?? []) expect(t.offset >= 0 && t.offset <= 1).toBe(true);
    expect(tint?.ticks.map((t) => t.label)).toEqual(['0.2', '0.4', '0.6', '0.8']);
  });

  it('leaves the image layers (the input and the padding straight on it) out of the colour range', () => {
    const values = new Map([['input', 152], ['conv1_pad', 151], ['pool1', 0.3], ['res2a_relu', 0.1], ['fc6', 0.9]]);
    const byNode = nodeTintValues(tree, values);
    expect([...imageLayers(tree)].sort()).toEqual(['conv1_pad', 'input']);
    expect(byNode.has('input')).toBe(false);
    expect(byNode.has('conv1_pad')).toBe(false);
    expect(byNode.get('pool1')).toBe(0.3);
    expect(byNode.get('stem')).toBe(0.3);
    expect(createTint(byNode.values())?.domain).toEqual([0.1, 0.9]);
  });

  it('copes with nothing to show and with a single value', () => {
    expect(createTint([])).toBeNull();
    expect(createTint([Number.NaN])).toBeNull();
    expect(createTint([3])?.domain).toEqual([2.5, 3.5]);
  });
});

describe('viewport', () => {
  const bounds = { x: 0, y: 0, width: 300, height: 600 };
  it('fits the whole graph, centred, within the scale limits', () => {
    const t = fitTransform(bounds, { width: 1000, height: 300 }, { minScale: 0.1, maxScale: 1, padding: 0 });
    expect(t.k).toBe(0.5);
    expect(t).toEqual({ x: 425, y: 0, k: 0.5 });
    const top = fitTransform(bounds, { width: 150, height: 100 }, { minScale: 0.1, maxScale: 1, widthOnly: true, padding: 0 });
    expect(top).toEqual({ x: 0, y: 0, k: 0.5 });
  });

  it('pans just enough to show a focused node, and keeps an anchor still', () => {
    const view = { width: 400, height: 300 };
    const t = { x: 0, y: 0, k: 1 };
    expect(followTransform(t, { x: 10, y: 10, width: 50, height: 50 }, view, 0)).toBe(t);
    expect(followTransform(t, { x: 10, y: 500, width: 50, height: 50 }, view, 0)).toEqual({ x: 0, y: -250, k: 1 });
    expect(isInView(t, { x: 390, y: 290, width: 50, height: 50 }, view)).toBe(true);
    expect(isInView(t, { x: 10, y: 500, width: 50, height: 50 }, view)).toBe(false);
    expect(anchoredTransform({ x: 5, y: 5, k: 2 }, { x: 10, y: 10 }, { x: 10, y: 30 })).toEqual({ x: 5, y: -35, k: 2 });
  });
});
