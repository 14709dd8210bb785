import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyOrientation, jpegOrientation, type Orientation } from './exif';
import { buildJpeg, exifSegment, rgbaImage, withSegment } from '../../test-support/test-images';

/** A 3 x 2 image whose pixels are numbered 0..5 in the red channel, row by row. */
const W = 3;
const H = 2;
const numbered = rgbaImage(W, H, (x, y) => [y * W + x, 0, 0, 255]);

function reds(pixels: Uint8Array, width: number): number[][] {
  const rows: number[][] = [];
  for (let i = 0; i < pixels.length / 4; i += 1) {
    const y = Math.floor(i / width);
    (rows[y] ??= []).push(pixels[i * 4]);
  }
  return rows;
}

describe('applyOrientation turns a stored image upright', () => {
  // Stored:  0 1 2
  //          3 4 5
  it.each<[Orientation, number[][]]>([
    [1, [[0, 1, 2], [3, 4, 5]]],
    [2, [[2, 1, 0], [5, 4, 3]]],
    [3, [[5, 4, 3], [2, 1, 0]]],
    [4, [[3, 4, 5], [0, 1, 2]]],
    [5, [[0, 3], [1, 4], [2, 5]]],
    [6, [[3, 0], [4, 1], [5, 2]]],
    [7, [[5, 2], [4, 1], [3, 0]]],
    [8, [[2, 5], [1, 4], [0, 3]]],
  ])('orientation %i', (orientation, expected) => {
    const upright = applyOrientation(numbered, W, H, orientation);
    expect(upright.width).toBe(expected[0].length);
    expect(upright.height).toBe(expected.length);
    expect(reds(upright.pixels, upright.width)).toEqual(expected);
  });

  it('works on an unaligned view', () => {
    const padded = new Uint8Array(numbered.length + 1);
    padded.set(numbered, 1);
    const upright = applyOrientation(padded.subarray(1), W, H, 6);
    expect(reds(upright.pixels, upright.width)).toEqual([[3, 0], [4, 1], [5, 2]]);
  });
});

describe('jpegOrientation', () => {
  const plain = buildJpeg(8, 8, () => [0, 0, 0, 255]);

  it('reads the tag in either byte order, and 1 when there is none', () => {
    expect(jpegOrientation(withSegment(plain, exifSegment(6)))).toBe(6);
    expect(jpegOrientation(withSegment(plain, exifSegment(3, true)))).toBe(3);
    expect(jpegOrientation(plain)).toBe(1);
    expect(jpegOrientation(withSegment(plain, exifSegment(9)))).toBe(1);
  });

  it('never throws on damaged EXIF data', () => {
    const sample = withSegment(plain, exifSegment(8));
    const arbitrary = fc.tuple(fc.nat({ max: 60 }), fc.integer({ min: 0, max: 255 }), fc.nat({ max: sample.length }));
    fc.assert(
      fc.property(arbitrary, ([at, value, cut]) => {
        const damaged = sample.slice(0, cut);
        if (at < damaged.length) damaged[at] = value;
        expect([1, 2, 3, 4, 5, 6, 7, 8]).toContain(jpegOrientation(damaged));
      }),
      { numRuns: 1000 },
    );
  });
});
