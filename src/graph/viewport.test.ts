import { describe, expect, it } from 'vitest';
import { fitWidthTransform } from './viewport';

const view = { width: 340, height: 600 };

describe('fitWidthTransform', () => {
  it('leaves a group that fits the view as it is', () => {
    const t = { x: 10, y: 20, k: 1 };
    expect(fitWidthTransform(t, { x: 0, y: 100, width: 300, height: 400 }, view)).toBe(t);
  });

  it('zooms a group opened wider than the view out to its width, its top staying put on screen', () => {
    const t = { x: 10, y: 20, k: 1 };
    const box = { x: 40, y: 100, width: 648, height: 900 };
    const out = fitWidthTransform(t, box, view);
    expect(out.k).toBeCloseTo(324 / 648);
    expect(box.x * out.k + out.x).toBeCloseTo(8); // left edge at the margin
    expect(box.x * out.k + out.x + box.width * out.k).toBeCloseTo(332); // right edge inside the view
    expect(box.y * out.k + out.y).toBeCloseTo(box.y * t.k + t.y); // same place vertically
  });
});
