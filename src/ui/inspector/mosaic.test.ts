import { describe, expect, it } from 'vitest';
import { normalize, type MapDims } from './channels';
import { COLOUR_LUT, packRgb } from './colour';
import { gridColumns, mosaicLayout, paintMosaic, paintTile, tileOrigin } from './mosaic';

/** A LUT whose entry i is i + 1, so a painted word names the entry used (0 = not painted). */
function indexLut(size: number): Uint32Array {
  return Uint32Array.from({ length: size }, (_, i) => i + 1);
}

/** Paints one channel of a 1 x n x 1 map against `range` and returns the LUT entries used. */
function entries(row: readonly number[], range: { min: number; max: number }, lutSize = 256): number[] {
  const dims: MapDims = { height: 1, width: row.length, channels: 1 };
  const pixels = new Uint32Array(row.length);
  paintTile({ pixels, stride: row.length, x: 0, y: 0, lut: indexLut(lutSize) }, Float32Array.from(row), dims, 0, range);
  return Array.from(pixels, (p) => p - 1);
}

/** Bytes of one packed pixel as they lie in memory (and so in ImageData). */
function bytes(word: number): number[] {
  return Array.from(new Uint8Array(Uint32Array.of(word).buffer));
}

describe('mosaicLayout and tileOrigin', () => {
  const dims = { height: 56, width: 40, channels: 256 };
  it('lays a page out in rows of `columns` touching tiles', () => {
    const layout = mosaicLayout(64, dims, 12);
    expect(layout).toEqual({ columns: 12, rows: 6, tileWidth: 40, tileHeight: 56, width: 480, height: 336 });
    expect(tileOrigin(layout, 0)).toEqual({ x: 0, y: 0 });
    expect(tileOrigin(layout, 11)).toEqual({ x: 440, y: 0 });
    expect(tileOrigin(layout, 13)).toEqual({ x: 40, y: 56 });
    expect(tileOrigin(layout, 63)).toEqual({ x: 120, y: 280 });
  });
  it('keeps the column count for a short page, so tiles keep their size', () => {
    expect(mosaicLayout(3, dims, 8)).toMatchObject({ columns: 8, rows: 1, width: 320, height: 56 });
    expect(mosaicLayout(64, dims, 8)).toMatchObject({ rows: 8 });
    expect(mosaicLayout(0, dims, 0)).toMatchObject({ columns: 1, rows: 1 });
  });
});

describe('gridColumns', () => {
  it('fits tiles of about 68 px, 52 px when narrow, 4 to 16 of them', () => {
    expect(gridColumns(840)).toBe(12);
    expect(gridColumns(480)).toBe(7);
    expect(gridColumns(310)).toBe(5);
    expect(gridColumns(120)).toBe(4);
    expect(gridColumns(4000)).toBe(16);
  });
});

describe('paintTile colour mapping', () => {
  it('rounds to the nearest LUT entry and clamps to the range', () => {
    expect(entries([0, 127.4, 127.6, 255, -5, 300], { min: 0, max: 255 })).toEqual([0, 127, 128, 255, 0, 255]);
    expect(entries([-1, 0, 1], { min: -1, max: 1 }, 3)).toEqual([0, 1, 2]);
  });

  it('agrees with normalize for values across and beyond the range', () => {
    const range = { min: -3.2, max: 7.9 };
    const row = Array.from({ length: 200 }, (_, i) => Math.fround(-4 + i * 0.0613));
    expect(entries(row, range)).toEqual(row.map((v) => Math.round(normalize(v, range) * 255)));
  });

  it('paints a flat range, and NaN, with the low end of the scale', () => {
    expect(entries([2, 2, 9, -1], { min: 2, max: 2 })).toEqual([0, 0, 0, 0]);
    expect(entries([Number.NaN, 1], { min: 0, max: 1 })).toEqual([0, 255]);
  });
});

describe('paintMosaic', () => {
  /** 2 x 3 x 4 map whose value encodes its place: row * 100 + col * 10 + channel. */
  const dims: MapDims = { height: 2, width: 3, channels: 4 };
  const values = new Float32Array(24);
  for (let r = 0; r < 2; r++) for (let c = 0; c < 3; c++) for (let ch = 0; ch < 4; ch++) values[(r * 3 + c) * 4 + ch] = r * 100 + c * 10 + ch;

  it("puts channel c's pixel (r, k) at its tile's origin + (k, r)", () => {
    const layout = mosaicLayout(3, dims, 2);
    const pixels = new Uint32Array(layout.width * layout.height);
    // An identity mapping: entry = value, so each painted word names the value read.
    const range = { min: 0, max: 1023 };
    paintMosaic(pixels, layout, values, dims, 1, [range, range, range], indexLut(1024));
    for (let tile = 0; tile < 3; tile++) {
      const { x, y } = tileOrigin(layout, tile);
      for (let r = 0; r < 2; r++) {
        for (let k = 0; k < 3; k++) expect(pixels[(y + r) * layout.width + x + k] - 1, `tile ${tile} (${r}, ${k})`).toBe(r * 100 + k * 10 + tile + 1);
      }
    }
    // The fourth place on the page has no channel and stays transparent.
    const { x, y } = tileOrigin(layout, 3);
    expect(pixels[y * layout.width + x]).toBe(0);
  });

  it('colours each tile against its own range', () => {
    const layout = mosaicLayout(2, dims, 2);
    const pixels = new Uint32Array(layout.width * layout.height);
    paintMosaic(pixels, layout, values, dims, 0, [{ min: 0, max: 120 }, { min: 121, max: 121 }], indexLut(256));
    expect(pixels[layout.width + 2] - 1).toBe(255); // channel 0 at (1, 2) is 120, its range's max
    expect(pixels[1] - 1).toBe(21); // channel 0 at (0, 1) is 10: 10 / 120 * 255 = 21.25
    expect(pixels[layout.width + 5] - 1).toBe(0); // channel 1 (121 at (1, 2)) on a flat range
  });
});

describe('packed colours', () => {
  it('packs R, G, B, 255 in memory order for either byte order', () => {
    expect(packRgb(10, 20, 30, false)).toBe(0x0a141eff);
    expect(packRgb(10, 20, 30, true)).toBe(0xff1e140a);
    expect(bytes(packRgb(10, 20, 30))).toEqual([10, 20, 30, 255]);
  });

  it('runs the LUT from viridis dark purple to yellow, opaque', () => {
    expect(COLOUR_LUT).toHaveLength(256);
    expect(bytes(COLOUR_LUT[0])).toEqual([68, 1, 84, 255]);
    expect(bytes(COLOUR_LUT[255])).toEqual([253, 231, 37, 255]);
  });
});
