/**
 * The classic picture of a first convolution: each of its filters (kh x kw over the three
 * colour channels) drawn as a small colour tile, in a grid. Pure: values in, RGBA bytes out.
 */

/** `filter`: each tile stretched over its own min..max; `shared`: one min..max for every tile. */
export type TileScale = 'filter' | 'shared';

export interface FilterTiles {
  readonly width: number;
  readonly height: number;
  /** RGBA; the 1-pixel gaps between tiles are transparent. */
  readonly data: Uint8ClampedArray;
  readonly columns: number;
  readonly rows: number;
  readonly filters: number;
}

/** Whether a kernel can be drawn as colour tiles: [kh, kw, 3, filters]. */
export function isColourKernel(shape: readonly number[]): boolean {
  return shape.length === 4 && shape[2] === 3 && shape[3] > 0;
}

interface Range {
  readonly lo: number;
  readonly span: number;
}

/** Each filter's range (or the one shared range), as low end and span. */
function ranges(values: Float32Array, filters: number, scale: TileScale): Range[] {
  const lo = new Float64Array(filters).fill(Infinity);
  const hi = new Float64Array(filters).fill(-Infinity);
  for (let i = 0; i < values.length; i++) {
    const f = i % filters;
    if (values[i] < lo[f]) lo[f] = values[i];
    if (values[i] > hi[f]) hi[f] = values[i];
  }
  if (scale === 'shared') {
    const [min, max] = [Math.min(...lo), Math.max(...hi)];
    return Array.from({ length: filters }, () => ({ lo: min, span: max - min }));
  }
  return Array.from(lo, (l, f) => ({ lo: l, span: hi[f] - l }));
}

/**
 * Kernel values [kh, kw, 3, filters] (row-major, as tfjs and Keras keep them) as one RGBA
 * image: `columns` tiles a row, each kh x kw pixels. `order` is the colour order of the
 * image the network reads ('bgr' for Keras "caffe" weights), so red is drawn as red.
 */
export function filterTiles(values: Float32Array, shape: readonly number[], scale: TileScale, order: 'rgb' | 'bgr', columns = 8): FilterTiles {
  if (!isColourKernel(shape)) throw new Error(`not a colour kernel: [${shape.join(', ')}]`);
  const [kh, kw, , filters] = shape;
  const rows = Math.ceil(filters / columns);
  const width = columns * (kw + 1) - 1;
  const height = rows * (kh + 1) - 1;
  const data = new Uint8ClampedArray(width * height * 4);
  const r = ranges(values, filters, scale);
  const rgbAt = order === 'bgr' ? [2, 1, 0] : [0, 1, 2];
  for (let f = 0; f < filters; f++) {
    const [x0, y0] = [(f % columns) * (kw + 1), Math.floor(f / columns) * (kh + 1)];
    const { lo, span } = r[f];
    for (let y = 0; y < kh; y++) {
      for (let x = 0; x < kw; x++) {
        const out = ((y0 + y) * width + x0 + x) * 4;
        for (let c = 0; c < 3; c++) {
          const v = values[((y * kw + x) * 3 + c) * filters + f];
          // A flat filter (all one value) is drawn mid-grey rather than divided by zero.
          data[out + rgbAt[c]] = span > 0 ? Math.round(((v - lo) / span) * 255) : 128;
        }
        data[out + 3] = 255;
      }
    }
  }
  return { width, height, data, columns, rows, filters };
}
