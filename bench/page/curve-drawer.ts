/**
 * Draws the app's comparison curve (src/ui/compare/CompareCurve, React) into the bench page,
 * as the page's Compare section does, and resolves once the browser has had a frame to paint it.
 */
import { createElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { Comparison } from '../../src/client/types';
import type { ModelSummary } from '../../src/model/pure';
import { CompareCurve } from '../../src/ui/compare/CompareCurve';

export interface CurveDrawer {
  (comparison: Comparison): Promise<void>;
  unmount(): void;
}

export function curveDrawer(summary: ModelSummary, width: number): CurveDrawer {
  const host = document.createElement('div');
  host.style.width = `${width}px`;
  document.body.append(host);
  const root = createRoot(host);
  const byName = new Map(summary.layers.map((l) => [l.name, l.info]));
  const sectionOf = (name: string) => {
    const info = byName.get(name);
    return !info || info.stage === null ? 'head' : info.stage === 1 ? 'stem' : `stage ${info.stage}`;
  };
  let rendered = 0;
  const draw = async (comparison: Comparison) => {
    rendered += 1;
    // A fresh key: a new curve, mounted as the app mounts it when B arrives.
    flushSync(() => root.render(createElement(CompareCurve, { key: rendered, layers: comparison.layers, sectionOf, selected: null, onOpen: () => undefined })));
    if (host.querySelectorAll('[role="button"]').length !== comparison.layers.length) throw new Error('the curve was not drawn');
    await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
  };
  return Object.assign(draw, { unmount: () => root.unmount() });
}
