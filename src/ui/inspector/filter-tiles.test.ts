import { describe, expect, it } from 'vitest';
import { filterTiles, isColourKernel } from './filter-tiles';

/** A [kh, kw, 3, n] kernel whose value at (y, x, c, f) is given by `at`. */
function kernel(kh: number, kw: number, n: number, at: (y: number, x: number, c: number, f: number) => number): Float32Array {
  const v = new Float32Array(kh * kw * 3 * n);
  for (let y = 0; y < kh; y++) for (let x = 0; x < kw; x++) for (let c = 0; c < 3; c++) for (let f = 0; f < n; f++) v[((y * kw + x) * 3 + c) * n + f] = at(y, x, c, f);
  return v;
}

const pixel = (t: ReturnType<typeof filterTiles>, x: number, y: number) => Array.from(t.data.slice((y * t.width + x) * 4, (y * t.width + x) * 4 + 4));

describe('filterTiles', () => {
  it('lays 64 filters of 7x7 out 8 a row with 1-pixel gaps, each tile its own filter', () => {
    // Filter f is f everywhere on red, 0 on green and blue, plus a bright top-left corner.
    const v = kernel(7, 7, 64, (y, x, c, f) => (c === 0 ? f : 0) + (y === 0 && x === 0 ? 100 : 0));
    const t = filterTiles(v, [7, 7, 3, 64], 'shared', 'rgb');
    expect([t.width, t.height, t.columns, t.rows]).toEqual([63, 63, 8, 8]);
    // Filter 9 is the second tile of the second row: top-left at (8, 8).
    expect(pixel(t, 8, 8)[3]).toBe(255);
    expect(pixel(t, 7, 8)[3]).toBe(0); // the gap
    const [min, max] = [0, 163];
    expect(pixel(t, 9, 9)).toEqual([Math.round(((9 - min) / (max - min)) * 255), 0, 0, 255]);
    expect(pixel(t, 8, 8)[0]).toBe(Math.round(((109 - min) / (max - min)) * 255));
  });

  it('per filter, every tile spans 0..255 on its own; shared, a weak filter stays dark', () => {
    const v = kernel(2, 2, 2, (y, x, _c, f) => (f === 0 ? 1 : 10) * (y * 2 + x));
    const own = filterTiles(v, [2, 2, 3, 2], 'filter', 'rgb', 2);
    expect(pixel(own, 1, 1)).toEqual([255, 255, 255, 255]);
    expect(pixel(own, 4, 1)).toEqual([255, 255, 255, 255]);
    const shared = filterTiles(v, [2, 2, 3, 2], 'shared', 'rgb', 2);
    expect(pixel(shared, 1, 1)).toEqual([26, 26, 26, 255]);
    expect(pixel(shared, 4, 1)).toEqual([255, 255, 255, 255]);
  });

  it('draws BGR weights (Keras caffe) with red as red, and a flat filter mid-grey', () => {
    // Only the first input channel is high: blue for caffe weights.
    const v = kernel(1, 2, 1, (_y, x, c) => (c === 0 && x === 1 ? 1 : 0));
    expect(pixel(filterTiles(v, [1, 2, 3, 1], 'filter', 'bgr', 1), 1, 0)).toEqual([0, 0, 255, 255]);
    expect(pixel(filterTiles(v, [1, 2, 3, 1], 'filter', 'rgb', 1), 1, 0)).toEqual([255, 0, 0, 255]);
    expect(pixel(filterTiles(new Float32Array(3), [1, 1, 3, 1], 'filter', 'rgb', 1), 0, 0)).toEqual([128, 128, 128, 255]);
  });

  it('takes only [kh, kw, 3, n] kernels', () => {
    expect(isColourKernel([7, 7, 3, 64])).toBe(true);
    expect(isColourKernel([1, 1, 64, 256])).toBe(false);
    expect(() => filterTiles(new Float32Array(4), [2, 2], 'filter', 'rgb')).toThrow(/not a colour kernel/);
  });
});
