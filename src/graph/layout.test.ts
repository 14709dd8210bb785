import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { allBlocks } from '../model/architecture';
import { blockName, unnamed } from '../model/names';
import { planSummary, type ModelSummary } from '../model/summary';
import { presetConfig } from '../model/presets';
import { collapsedAll, expandedAll } from './expansion';
import { layoutGraph, SIZES, type GraphLayout, type LayoutNode } from './layout';
import { ancestorsOf, buildGraphTree, groupsOfKind, type GraphTree } from './tree';

let summary: ModelSummary;
let tree: GraphTree;
beforeAll(() => {
  summary = planSummary(presetConfig('imagenet'));
  tree = buildGraphTree(summary);
});

/** What a node covers on screen: a collapsed block also owns the arc beside it. */
function footprint(n: LayoutNode) {
  const arc = n.kind === 'block' && n.expanded === false ? SIZES.arc : 0;
  return { x0: n.x, y0: n.y, x1: n.x + n.width + arc, y1: n.y + n.height };
}

function overlaps(a: LayoutNode, b: LayoutNode): boolean {
  const [p, q] = [footprint(a), footprint(b)];
  return p.x0 < q.x1 && q.x0 < p.x1 && p.y0 < q.y1 && q.y0 < p.y1;
}

function inside(a: LayoutNode, frame: LayoutNode): boolean {
  const p = footprint(a);
  return p.x0 >= frame.x && p.x1 <= frame.x + frame.width && p.y0 >= frame.y + frame.headerHeight && p.y1 <= frame.y + frame.height;
}

/** Geometry every layout must satisfy, whatever is expanded; returns what is wrong. */
function layoutProblems(layout: GraphLayout): string[] {
  const problems: string[] = [];
  const ids = layout.nodes.map((n) => n.id);
  if (new Set(ids).size !== ids.length) problems.push('duplicate node ids');
  if ([...layout.visibleOrder].sort().join() !== [...ids].sort().join()) problems.push('visibleOrder is not the node set');
  const around = new Map(ids.map((id) => [id, new Set(ancestorsOf(tree, id))]));
  for (const [i, a] of layout.nodes.entries()) {
    const p = footprint(a);
    if (p.x0 < 0 || p.y0 < 0 || p.x1 > layout.bounds.width || p.y1 > layout.bounds.height) problems.push(`${a.id} outside bounds`);
    const parentId = tree.byId.get(a.id)?.parent ?? null;
    const parent = parentId === null ? undefined : layout.byId.get(parentId);
    if (parentId !== null && parent?.expanded !== true) problems.push(`${a.id} shown inside a closed group`);
    if (parent && !inside(a, parent)) problems.push(`${a.id} not inside ${parent.id} below its header`);
    for (const b of layout.nodes.slice(i + 1)) {
      const nested = around.get(a.id)?.has(b.id) || around.get(b.id)?.has(a.id);
      if (!nested && overlaps(a, b)) problems.push(`${a.id} overlaps ${b.id}`);
    }
  }
  for (const e of layout.edges) {
    if (!layout.byId.has(e.from) || !layout.byId.has(e.to)) problems.push(`edge ${e.id} has a missing end`);
    if (!/^M[\d.]+,[\d.]+/.test(e.path) || /NaN|Infinity/.test(e.path)) problems.push(`edge ${e.id} has a bad path`);
  }
  return problems;
}

function checkLayout(layout: GraphLayout): void {
  expect(layoutProblems(layout)).toEqual([]);
}

describe('layoutGraph', () => {
  it('opens as a readable overview: input, stem, four stages, head, in one chain', () => {
    const layout = layoutGraph(tree, collapsedAll());
    expect(layout.visibleOrder).toEqual(['input', 'stem', 'stage-2', 'stage-3', 'stage-4', 'stage-5', 'head']);
    expect(layout.edges.map((e) => `${e.from}>${e.to}:${e.kind}`)).toEqual([
      'input>stem:main', 'stem>stage-2:main', 'stage-2>stage-3:main', 'stage-3>stage-4:main', 'stage-4>stage-5:main', 'stage-5>head:main',
    ]);
    expect(layout.byId.get('stage-3')).toMatchObject({ label: 'stage 3', shapeText: '28×28×512', paramsText: '1,230,336 params', badgeText: '4 blocks', detailText: '42 layers', expanded: false });
    checkLayout(layout);
  });

  it('reaches every layer, conv and BatchNorm when fully expanded', () => {
    const layout = layoutGraph(tree, expandedAll(tree));
    for (const l of summary.layers) expect(layout.byId.get(l.name)?.label, l.name).toBe(l.name);
    const convBn = summary.layers.filter((l) => l.info.kind === 'conv' || l.info.kind === 'batch-norm');
    expect(convBn).toHaveLength(2 + 2 * (16 * 3 + 4));
    for (const l of convBn) expect(layout.visibleOrder).toContain(l.name);
    expect(layout.nodes).toHaveLength(summary.layers.length + tree.groupIds.length);
    checkLayout(layout);
  });

  it('draws every real connection once when fully expanded', () => {
    const layout = layoutGraph(tree, expandedAll(tree));
    const connections = summary.layers.flatMap((l) => l.inputs.map((i) => `${i}>${l.name}`));
    expect(layout.edges.map((e) => `${e.from}>${e.to}`).sort()).toEqual(connections.sort());
  });

  it('puts projection shortcuts exactly on the four "a" blocks, identity shortcuts on the rest', () => {
    const layout = layoutGraph(tree, expandedAll(tree));
    const to = (kind: string) => layout.edges.filter((e) => e.kind === kind).map((e) => e.to).sort();
    const conv = allBlocks(false).filter((b) => b.type === 'convolutional');
    const ident = allBlocks(false).filter((b) => b.type === 'identity');
    expect(conv.map((b) => blockName(b.stage, b.block))).toEqual(['res2a', 'res3a', 'res4a', 'res5a']);
    expect(to('projection-shortcut')).toEqual(conv.flatMap((b) => [
      `res${b.stage}a_branch1`, `bn${b.stage}a_branch1`, unnamed.add(b.stage, b.block),
    ]).sort());
    expect(to('identity-shortcut')).toEqual(ident.map((b) => unnamed.add(b.stage, b.block)).sort());
    for (const b of conv) {
      const lane = layout.byId.get(`res${b.stage}a_branch1`);
      expect(lane?.inLane).toBe(true);
      expect(lane?.x).toBeGreaterThan((layout.byId.get(`res${b.stage}a_branch2b`)?.x ?? 0) + SIZES.layerWidth);
    }
  });

  it('draws collapsed blocks with their own shortcut arc: solid projection on "a", identity elsewhere', () => {
    const stages = new Set(groupsOfKind(tree, 'stage').map((s) => s.id));
    const layout = layoutGraph(tree, stages);
    const arcs = layout.edges.filter((e) => e.selfArc);
    expect(arcs.every((e) => e.from === e.to)).toBe(true);
    expect(arcs.filter((e) => e.kind === 'projection-shortcut').map((e) => e.to)).toEqual(['res2a', 'res3a', 'res4a', 'res5a']);
    expect(arcs.filter((e) => e.kind === 'identity-shortcut')).toHaveLength(12);
    expect(layout.edges.filter((e) => !e.selfArc).every((e) => e.kind === 'main')).toBe(true);
    checkLayout(layout);
  });

  it('joins an expanded identity block\'s shortcut at its add, from the previous block', () => {
    const layout = layoutGraph(tree, new Set(['stage-2', 'res2b']));
    const shortcut = layout.edges.filter((e) => e.kind === 'identity-shortcut' && !e.selfArc);
    expect(shortcut.map((e) => `${e.from}>${e.to}`)).toEqual(['res2a>res2b_add']);
    const add = layout.byId.get('res2b_add');
    const endsAt = shortcut[0].path.match(/L([\d.]+),([\d.]+)$/);
    expect(Number(endsAt?.[1])).toBe((add?.x ?? 0) + (add?.width ?? 0));
    checkLayout(layout);
  });

  it('never overlaps nodes, whatever is expanded', () => {
    fc.assert(
      fc.property(fc.subarray([...tree.groupIds]), (open) => {
        expect(layoutProblems(layoutGraph(tree, new Set(open)))).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('has a geometry check that does catch overlaps and escapes', () => {
    const good = layoutGraph(tree, new Set(['stage-2']));
    const [a, b] = [good.byId.get('res2a'), good.byId.get('res2b')];
    const moved = good.nodes.map((n) => (n.id === 'res2b' && a && b ? { ...n, y: a.y + 10 } : n));
    expect(layoutProblems({ ...good, nodes: moved })).toContain('res2a overlaps res2b');
    const escaped = good.nodes.map((n) => (n.id === 'res2c' ? { ...n, x: 0 } : n));
    expect(layoutProblems({ ...good, nodes: escaped })).toContain('res2c not inside stage-2 below its header');
  });

  it('lists nodes for the keyboard in reading order: each group, then its contents', () => {
    const expected: string[] = [];
    let group: string | null = null;
    for (const l of summary.layers) {
      const groups = ancestorsOf(tree, l.name);
      for (const g of groups) if (!expected.includes(g)) expected.push(g);
      group = groups[groups.length - 1] ?? null;
      expected.push(l.name);
    }
    expect(group).toBe('head');
    expect(layoutGraph(tree, expandedAll(tree)).visibleOrder).toEqual(expected);
    expect(expected.slice(0, 10)).toEqual(['input', 'stem', 'conv1_pad', 'conv1', 'bn_conv1', 'conv1_relu', 'pool1_pad', 'pool1', 'stage-2', 'res2a']);
  });
});
