/**
 * The graph's markup, rendered on the server side of React (Vitest runs in Node, with no
 * DOM): the accessible contract of every node, not its pixels (e2e/graph.spec.ts does those).
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { planSummary, presetConfig, type ModelSummary } from '../../model/pure';
import { GraphView, type GraphViewProps } from './GraphView';

let summary: ModelSummary;
beforeAll(() => {
  summary = planSummary(presetConfig('signs'));
});

interface ButtonInfo {
  readonly label: string;
  readonly attrs: string;
}

function render(props: Partial<GraphViewProps> = {}): string {
  return renderToStaticMarkup(createElement(GraphView, { summary, selected: null, onSelect: () => undefined, ...props }));
}

/** The graph's node buttons (<g role="button">), in document order. */
function nodeButtons(html: string): ButtonInfo[] {
  return [...html.matchAll(/<g ([^>]*role="button"[^>]*)>/g)].map((m) => ({
    label: /aria-label="([^"]*)"/.exec(m[1])?.[1] ?? '',
    attrs: m[1],
  }));
}

describe('GraphView markup', () => {
  it('opens on the overview: seven buttons named like the model, only the first in the tab order', () => {
    const buttons = nodeButtons(render());
    expect(buttons.map((b) => b.label)).toEqual(['input', 'stem', 'stage 2', 'stage 3', 'stage 4', 'stage 5', 'head']);
    expect(buttons.filter((b) => b.attrs.includes('tabindex="0"')).map((b) => b.label)).toEqual(['input']);
    expect(buttons.filter((b) => b.attrs.includes('aria-expanded="false"'))).toHaveLength(6);
    expect(buttons[0].attrs).not.toContain('aria-expanded');
  });

  it('has its controls and an explanation of the keys', () => {
    const html = render();
    for (const name of ['Expand all', 'Collapse all', 'Fit to view']) expect(html).toContain(`>${name}</button>`);
    expect(html).toContain('aria-label="Zoom in"');
    expect(html).toMatch(/aria-describedby="([^"]+)"[\s\S]*id="\1"/);
    expect(html).not.toContain('graph-legend');
  });

  it('reveals a layer selected elsewhere, marks it current, and names every node around it', () => {
    const buttons = nodeButtons(render({ selected: 'bn3b_branch2a' }));
    const labels = buttons.map((b) => b.label);
    expect(labels).toEqual(expect.arrayContaining(['stage 3', 'res3a', 'res3b', 'res3b_branch2a', 'bn3b_branch2a', 'res3b_add', 'res3c', 'res3d']));
    expect(buttons.find((b) => b.label === 'bn3b_branch2a')?.attrs).toContain('aria-current="true"');
    expect(buttons.find((b) => b.label === 'res3b')?.attrs).toContain('aria-expanded="true"');
    expect(labels.indexOf('res3b')).toBeLessThan(labels.indexOf('res3b_branch2a'));
  });

  it('tints nodes and shows a legend once values are given, and marks highlighted names', () => {
    const tint = new Map(summary.layers.map((l, i) => [l.name, i]));
    const html = render({ tint, tintLabel: 'Fraction of zeros', highlight: ['stage 4', 'res2a'] });
    expect(html).toContain('aria-label="Colour legend: Fraction of zeros"');
    expect(html).toMatch(/class="gnode gnode-stage[^"]*is-highlighted[^"]*"[^>]*aria-label="stage 4"/);
    expect(html).toMatch(/class="gnode gnode-stage[^"]*is-highlighted[^"]*"[^>]*aria-label="stage 2"/);
    expect(html).toMatch(/class="gnode-box"[^>]*style="fill:rgb/);
  });
});
