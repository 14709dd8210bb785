import { describe, expect, it } from 'vitest';
import { curveLayout, leastAlike, movedIndex } from './curve';

const layers = [
  { name: 'conv1', cosine: 1, relativeL2: 0 },
  { name: 'pool1', cosine: 0.9, relativeL2: 0.3 },
  { name: 'res2a_relu', cosine: 0.5, relativeL2: 0.8 },
  { name: 'res2b_relu', cosine: 0.6, relativeL2: Infinity },
  { name: 'fc1000', cosine: -0.2, relativeL2: 1.2 },
];
const sectionOf = (name: string) => (name.startsWith('res2') ? 'stage 2' : name === 'fc1000' ? 'head' : 'stem');

describe('curveLayout', () => {
  const layout = curveLayout(layers, sectionOf, 500);

  it('puts the layers along depth, first at the left edge and last at the right', () => {
    expect(layout.points.map((p) => p.name)).toEqual(layers.map((l) => l.name));
    expect(layout.points[0].x).toBe(layout.left);
    expect(layout.points[4].x).toBe(layout.right);
    const xs = layout.points.map((p) => p.x);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
  });

  it('draws higher similarity higher, and greater distance higher in its own panel', () => {
    const [a, b, c] = layout.points;
    expect(a.yCosine).toBeLessThan(b.yCosine);
    expect(b.yCosine).toBeLessThan(c.yCosine);
    expect(a.yDistance).toBeGreaterThan(c.yDistance);
    expect(Math.min(...layout.points.map((p) => p.yDistance))).toBeGreaterThanOrEqual(layout.distance.top);
    expect(layout.distance.top).toBeGreaterThan(layout.cosine.bottom);
    // A negative cosine widens the axis below 0; an infinite distance sits at the panel's top.
    expect(layout.points[4].yCosine).toBeLessThanOrEqual(layout.cosine.bottom);
    expect(layout.points[3].yDistance).toBe(layout.distance.top);
    expect(layout.cosine.path.startsWith('M')).toBe(true);
  });

  it('marks the sections in order, each spanning its own layers', () => {
    expect(layout.sections.map((s) => s.label)).toEqual(['stem', 'stage 2', 'head']);
    const [stem, stage2] = layout.sections;
    expect(stem.x1).toBeCloseTo(stage2.x0);
    expect(stage2.x0).toBeGreaterThan(layout.points[1].x);
    expect(stage2.x0).toBeLessThan(layout.points[2].x);
  });

  it('the same image twice is a flat line at 1 and 0', () => {
    const same = curveLayout(layers.map((l) => ({ ...l, cosine: 1, relativeL2: 0 })), sectionOf, 500);
    expect(new Set(same.points.map((p) => p.yCosine)).size).toBe(1);
    expect(same.points[0].yCosine).toBe(same.cosine.top);
    expect(same.points[0].yDistance).toBe(same.distance.bottom);
  });
});

describe('leastAlike and movedIndex', () => {
  it('finds the lowest cosine', () => {
    expect(leastAlike(layers)?.name).toBe('fc1000');
    expect(leastAlike([])).toBeNull();
  });

  it('moves by arrows, Home/End and pages, within the ends', () => {
    expect(movedIndex('ArrowRight', 2, 5)).toBe(3);
    expect(movedIndex('ArrowLeft', 0, 5)).toBe(0);
    expect(movedIndex('End', 1, 5)).toBe(4);
    expect(movedIndex('PageDown', 1, 5)).toBe(4);
    expect(movedIndex('a', 1, 5)).toBeNull();
  });
});
