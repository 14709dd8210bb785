import { describe, expect, it } from 'vitest';
import { divergingColour, divergingImage, mapTriple } from './diff-maps';

describe('mapTriple', () => {
  it('takes one channel of a [h, w, c] layer from both images, and B − A', () => {
    // 1 x 2 x 2: channel 0 is [1, 2] in A and [1, 5] in B.
    const a = Float32Array.from([1, 10, 2, 20]);
    const b = Float32Array.from([1, -10, 5, 20]);
    const t = mapTriple(a, b, [1, 2, 2], 0);
    expect([...t.a]).toEqual([1, 2]);
    expect([...t.b]).toEqual([1, 5]);
    expect([...t.diff]).toEqual([0, 3]);
    expect([t.width, t.height, t.max]).toEqual([2, 1, 5]);
    expect(mapTriple(a, b, [1, 2, 2], 1).max).toBe(20);
  });

  it('wraps a vector into a near-square grid, and refuses maps of different sizes', () => {
    const t = mapTriple(new Float32Array(10), new Float32Array(10), [10], 0);
    expect([t.width, t.height]).toEqual([4, 3]);
    expect(() => mapTriple(new Float32Array(2), new Float32Array(3), [3], 0)).toThrow(/not the same layer/);
  });
});

describe('the diverging scale', () => {
  it('is (near) white at 0, red above and blue below, clamped at ±max', () => {
    const zero = divergingColour(0, 4);
    expect(Math.min(zero.r, zero.g, zero.b)).toBeGreaterThan(230);
    const up = divergingColour(4, 4);
    expect(up.r).toBeGreaterThan(up.b);
    const down = divergingColour(-9, 4);
    expect(down.b).toBeGreaterThan(down.r);
    expect(divergingColour(-9, 4)).toEqual(divergingColour(-4, 4));
  });

  it('leaves the cells past the values transparent', () => {
    const img = divergingImage(Float32Array.from([1, -1, 0]), 2, 2, 1);
    expect([img[3], img[7], img[11], img[15]]).toEqual([255, 255, 255, 0]);
  });
});
