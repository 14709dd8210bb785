/**
 * Pure helpers over a layer's activation laid out channels-last
 * (index = (row * width + col) * channels + channel). No DOM, so they run in Vitest.
 */

/** A rank-3 activation's height, width and channel count. */
export interface MapDims {
  readonly height: number;
  readonly width: number;
  readonly channels: number;
}

export interface ValueRange {
  readonly min: number;
  readonly max: number;
}

/** Colour each channel from its own min..max, or every channel from the layer's. */
export type Normalization = 'channel' | 'layer';

export const PAGE_SIZE = 64;

/** Feature-map dimensions for an H x W x C shape; null for any other rank. */
export function mapDims(shape: readonly number[]): MapDims | null {
  if (shape.length !== 3 || shape.some((d) => !Number.isInteger(d) || d <= 0)) return null;
  const [height, width, channels] = shape;
  return { height, width, channels };
}

/**
 * Per-channel ranges from the backend's per-channel minima and maxima (the statistics
 * computed with the activation), so nothing walks every value in JavaScript.
 */
export function zipRanges(mins: readonly number[], maxs: readonly number[]): ValueRange[] {
  return mins.map((min, ch) => ({ min, max: maxs[ch] ?? min }));
}

/** The range a channel is coloured against under the chosen normalisation. */
export function rangeFor(
  normalization: Normalization,
  ranges: readonly ValueRange[],
  layerRange: ValueRange,
  channel: number,
): ValueRange {
  return normalization === 'channel' ? (ranges[channel] ?? layerRange) : layerRange;
}

/**
 * Maps a value into 0..1 within `range`, clamped. A flat range maps to 0 so a channel a
 * ReLU switched off entirely reads as "off", not as a mid-tone. The painter (mosaic.ts)
 * inlines this per pixel; its tests hold it to this definition.
 */
export function normalize(value: number, range: ValueRange): number {
  const span = range.max - range.min;
  if (!(span > 0)) return 0;
  const t = (value - range.min) / span;
  return t < 0 ? 0 : t > 1 ? 1 : t;
}

export function valueAt(values: Float32Array, dims: MapDims, row: number, col: number, channel: number): number {
  return values[(row * dims.width + col) * dims.channels + channel];
}

export interface Cell {
  readonly row: number;
  readonly col: number;
}

/** The map cell under a point (x, y) inside a box drawn at boxWidth x boxHeight; null outside. */
export function cellAt(x: number, y: number, boxWidth: number, boxHeight: number, dims: MapDims): Cell | null {
  if (x < 0 || y < 0 || x >= boxWidth || y >= boxHeight || boxWidth <= 0 || boxHeight <= 0) return null;
  const row = Math.min(dims.height - 1, Math.floor((y / boxHeight) * dims.height));
  const col = Math.min(dims.width - 1, Math.floor((x / boxWidth) * dims.width));
  return { row, col };
}

/** Moves a cell by (dRow, dCol), staying on the map. */
export function stepCell(cell: Cell, dRow: number, dCol: number, dims: MapDims): Cell {
  const clamp = (v: number, n: number) => Math.max(0, Math.min(n - 1, v));
  return { row: clamp(cell.row + dRow, dims.height), col: clamp(cell.col + dCol, dims.width) };
}

export interface Page {
  /** Zero-based page number, clamped to the pages that exist. */
  readonly index: number;
  readonly pages: number;
  /** First channel on the page (zero-based, inclusive) and one past the last. */
  readonly start: number;
  readonly end: number;
  readonly total: number;
}

export function pageOf(total: number, page: number, size: number = PAGE_SIZE): Page {
  const pages = Math.max(1, Math.ceil(total / size));
  const index = Math.max(0, Math.min(pages - 1, Math.floor(page)));
  const start = index * size;
  return { index, pages, start, end: Math.min(total, start + size), total };
}

export function pageOfChannel(channel: number, size: number = PAGE_SIZE): number {
  return Math.floor(Math.max(0, channel) / size);
}

export interface IndexedValue {
  readonly index: number;
  readonly value: number;
}

/** The k largest values with their positions, largest first (ties keep the lower index first). */
export function topValues(values: ArrayLike<number>, k: number): IndexedValue[] {
  const all = Array.from(values, (value, index) => ({ index, value }));
  all.sort((a, b) => b.value - a.value || a.index - b.index);
  return all.slice(0, Math.max(0, k));
}
