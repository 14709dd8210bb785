/**
 * A's and B's map of one channel and their difference B − A, on one diverging colour scale
 * symmetric about 0 (blue below, white at 0, red above), so the three can be read against
 * each other. A vector layer (avg_pool, flatten, fc1000) is wrapped into a near-square grid.
 */
import { interpolateRdBu, rgb } from 'd3';

export interface MapTriple {
  readonly a: Float32Array;
  readonly b: Float32Array;
  /** B − A. */
  readonly diff: Float32Array;
  readonly width: number;
  readonly height: number;
  /** The largest |value| over the three maps: the scale runs from −max to max. */
  readonly max: number;
}

function channelOf(values: Float32Array, shape: readonly number[], channel: number): Float32Array {
  if (shape.length !== 3) return values;
  const [h, w, c] = shape;
  const out = new Float32Array(h * w);
  for (let i = 0; i < h * w; i += 1) out[i] = values[i * c + channel];
  return out;
}

/** The two maps of `channel` (a spatial layer) or of the whole vector, with their difference. */
export function mapTriple(aValues: Float32Array, bValues: Float32Array, shape: readonly number[], channel: number): MapTriple {
  if (aValues.length !== bValues.length) throw new Error(`A has ${aValues.length} values and B ${bValues.length}: not the same layer`);
  const [a, b] = [channelOf(aValues, shape, channel), channelOf(bValues, shape, channel)];
  const width = shape.length === 3 ? shape[1] : Math.ceil(Math.sqrt(a.length));
  const height = shape.length === 3 ? shape[0] : Math.ceil(a.length / width);
  const diff = b.map((v, i) => v - a[i]);
  let max = 0;
  for (const m of [a, b, diff]) for (const v of m) max = Math.max(max, Math.abs(v));
  return { a, b, diff, width, height, max };
}

const LUT = Array.from({ length: 256 }, (_, i) => rgb(interpolateRdBu(1 - i / 255)));

/** The scale's colour at a value: blue for −max, white for 0, red for max. */
export function divergingColour(value: number, max: number): { r: number; g: number; b: number } {
  const t = max > 0 ? Math.min(1, Math.max(0, (value / max + 1) / 2)) : 0.5;
  return LUT[Math.round(t * 255)];
}

/** RGBA bytes of a map on the shared scale; cells past the values (a wrapped vector's tail) are transparent. */
export function divergingImage(values: Float32Array, width: number, height: number, max: number): Uint8ClampedArray<ArrayBuffer> {
  const out = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < values.length && i < width * height; i += 1) {
    const { r, g, b } = divergingColour(values[i], max);
    out.set([r, g, b, 255], i * 4);
  }
  return out;
}

export function divergingGradient(): string {
  const stops = Array.from({ length: 11 }, (_, i) => `${interpolateRdBu(1 - i / 10)} ${i * 10}%`);
  return `linear-gradient(to right, ${stops.join(', ')})`;
}
