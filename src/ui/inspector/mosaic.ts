/**
 * Pure painting of channel maps into one pixel buffer: a page of tiles laid out as a mosaic
 * on a single canvas (one canvas to composite instead of one per channel). No DOM, so it
 * runs in Vitest; the buffer is a Uint32Array view of an ImageData's RGBA bytes.
 */
import type { MapDims, ValueRange } from './channels';

/** Where a page's tiles sit in the mosaic, in canvas pixels; tiles touch (no gap). */
export interface MosaicLayout {
  readonly columns: number;
  readonly rows: number;
  readonly tileWidth: number;
  readonly tileHeight: number;
  /** The whole mosaic: columns x tileWidth by rows x tileHeight. */
  readonly width: number;
  readonly height: number;
}

/** `count` tiles of dims.width x dims.height, `columns` to a row (the last row may be short). */
export function mosaicLayout(count: number, dims: MapDims, columns: number): MosaicLayout {
  const cols = Math.max(1, Math.floor(columns));
  const rows = Math.max(1, Math.ceil(count / cols));
  const { width: tileWidth, height: tileHeight } = dims;
  return { columns: cols, rows, tileWidth, tileHeight, width: cols * tileWidth, height: rows * tileHeight };
}

/** Top-left canvas pixel of tile `index` (row-major: across, then down). */
export function tileOrigin(layout: MosaicLayout, index: number): { readonly x: number; readonly y: number } {
  return { x: (index % layout.columns) * layout.tileWidth, y: Math.floor(index / layout.columns) * layout.tileHeight };
}

/**
 * Columns of tiles for a grid `width` CSS pixels wide: as many tiles of about 68 px as fit
 * (52 px on a narrow screen, where every pixel of width counts), between 4 and 16.
 */
export function gridColumns(width: number): number {
  const tile = width <= 400 ? 52 : 68;
  return Math.max(4, Math.min(16, Math.floor(width / tile)));
}

/** Where and how one channel is painted. */
export interface TileTarget {
  /** The mosaic's pixels, one packed RGBA word each, `stride` to a row. */
  readonly pixels: Uint32Array;
  readonly stride: number;
  readonly x: number;
  readonly y: number;
  /** Colours indexed 0..lut.length-1 from the range's min to its max. */
  readonly lut: Uint32Array;
}

/**
 * Paints `channel` of a channels-last activation at (x, y), reading the values with a
 * stride instead of copying the channel out. Same mapping as `normalize` then rounding to
 * the nearest LUT entry: clamped to the range, and a flat range paints entry 0.
 */
export function paintTile(target: TileTarget, values: Float32Array, dims: MapDims, channel: number, range: ValueRange): void {
  const { pixels, stride, x, y, lut } = target;
  const { height, width, channels } = dims;
  const top = lut.length - 1;
  const span = range.max - range.min;
  const scale = span > 0 ? top / span : 0;
  // +0.5 then truncation rounds to nearest: the values are clamped to 0..top first.
  const offset = 0.5 - range.min * scale;
  let src = channel;
  for (let r = 0; r < height; r++) {
    let dst = (y + r) * stride + x;
    const end = dst + width;
    for (; dst < end; dst++, src += channels) {
      const k = values[src] * scale + offset;
      // `k > 0` is false for NaN, which then paints entry 0 like a flat range does.
      pixels[dst] = lut[k > 0 ? (k < top ? k | 0 : top) : 0];
    }
  }
}

/**
 * Paints channels `first`, `first + 1`, ... (one per entry of `ranges`, each against its
 * range) as the tiles of `layout`, into `pixels` (layout.width x layout.height words).
 */
export function paintMosaic(
  pixels: Uint32Array,
  layout: MosaicLayout,
  values: Float32Array,
  dims: MapDims,
  first: number,
  ranges: readonly ValueRange[],
  lut: Uint32Array,
): void {
  for (let i = 0; i < ranges.length; i++) {
    const { x, y } = tileOrigin(layout, i);
    paintTile({ pixels, stride: layout.width, x, y, lut }, values, dims, first + i, ranges[i]);
  }
}
