import { describe, expect, it } from 'vitest';
import { massSide } from './field-mass';

function map(side: number, value: (x: number, y: number) => number): Float32Array {
  return Float32Array.from({ length: side * side }, (_, i) => value(i % side, Math.floor(i / side)));
}

describe('massSide', () => {
  it('one hot pixel: a side of 1 for any fraction', () => {
    const m = map(9, (x, y) => (x === 4 && y === 4 ? 1 : 0));
    expect(massSide(m, [9, 9], 4, 4, 0.5)).toBe(1);
    expect(massSide(m, [9, 9], 4, 4, 0.9)).toBe(1);
  });

  it('a uniform map: the square whose area holds the fraction (odd sides about a pixel)', () => {
    const m = map(21, () => 1);
    // 50% of 441 = 220.5 -> 15x15 = 225; 90% = 396.9 -> 21x21 (19x19 = 361 is short).
    expect(massSide(m, [21, 21], 10, 10, 0.5)).toBe(15);
    expect(massSide(m, [21, 21], 10, 10, 0.9)).toBe(21);
  });

  it('a centre between pixels gives even sides; the map outside the image does not count', () => {
    const m = map(8, (x, y) => (x >= 3 && x <= 4 && y >= 3 && y <= 4 ? 1 : 0));
    expect(massSide(m, [8, 8], 3.5, 3.5, 0.9)).toBe(2);
    // A corner centre: the square is clipped to the image, and grows until it holds the mass.
    const corner = map(8, (x, y) => (x <= 1 && y <= 1 ? 1 : 0));
    expect(massSide(corner, [8, 8], 0, 0, 0.9)).toBe(3);
  });

  it('grows with the fraction, and a map of zeros gives 0', () => {
    const m = map(31, (x, y) => Math.exp(-((x - 15) ** 2 + (y - 15) ** 2) / 20));
    const [a, b] = [massSide(m, [31, 31], 15, 15, 0.5), massSide(m, [31, 31], 15, 15, 0.9)];
    expect(a).toBeLessThan(b);
    expect(a % 2).toBe(1);
    expect(massSide(new Float32Array(25), [5, 5], 2, 2, 0.5)).toBe(0);
  });
});
