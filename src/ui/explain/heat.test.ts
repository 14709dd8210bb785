import { describe, expect, it } from 'vitest';
import { heatImage, heatPosition, heatScale } from './heat';

describe('heat', () => {
  it('an unsigned scale runs from 0 to the maximum; a signed one is symmetric about 0', () => {
    expect(heatScale(new Float32Array([0.2, 3]), false)).toEqual({ signed: false, low: 0, high: 3, clipped: false });
    expect(heatScale(new Float32Array([-4, 1]), true)).toEqual({ signed: true, low: -4, high: 4, clipped: false });
    const signed = heatScale(new Float32Array([-2, 1]), true);
    expect(heatPosition(0, signed)).toBe(0.5);
    expect(heatPosition(-2, signed)).toBe(0);
    expect(heatPosition(9, signed)).toBe(1);
    expect(heatPosition(5, heatScale(new Float32Array([0, 0]), false))).toBe(0);
  });

  it('clips a sparse map at a percentile of its magnitudes, never above its maximum', () => {
    const sparse = new Float32Array(100).fill(0.01);
    sparse[7] = 5;
    const scale = heatScale(sparse, false, 0.98);
    expect(scale).toMatchObject({ high: expect.closeTo(0.01, 6), clipped: true });
    expect(heatPosition(5, scale)).toBe(1);
    expect(heatScale(new Float32Array([1, 2, 3]), false, 0.99)).toMatchObject({ high: 3, clipped: false });
    const signed = Float32Array.from({ length: 100 }, (_, i) => (i === 0 ? -9 : i % 2 ? 0.5 : -0.5));
    expect(heatScale(signed, true, 0.95)).toMatchObject({ low: -0.5, high: 0.5, clipped: true });
  });

  it('colours by sign and makes weak values see-through', () => {
    const values = new Float32Array([-1, 0, 1, 0.25]);
    const rgba = heatImage(values, 2, 2, heatScale(new Float32Array([-1, 1]), true));
    const px = (i: number) => Array.from(rgba.slice(i * 4, i * 4 + 4));
    const [neg, zero, pos, weak] = [px(0), px(1), px(2), px(3)];
    expect(neg[2]).toBeGreaterThan(neg[0]); // against the class: blue
    expect(pos[0]).toBeGreaterThan(pos[2]); // for it: red
    expect(zero[3]).toBe(0);
    expect(pos[3]).toBe(255);
    expect(weak[3]).toBeGreaterThan(0);
    expect(weak[3]).toBeLessThan(pos[3]);
    expect(() => heatImage(values, 3, 2, heatScale(new Float32Array([0, 1]), false))).toThrow('a 3 x 2 map needs 6 values, got 4');
  });
});
