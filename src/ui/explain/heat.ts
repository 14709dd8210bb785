/**
 * Attribution maps as colours: unsigned maps (Grad-CAM, saliency, SmoothGrad) on one
 * sequential scale from 0 to their maximum; signed ones (integrated gradients) on a
 * diverging scale symmetric about 0, blue for evidence against the class and red for it.
 * Opacity follows the magnitude, so weak attribution lets the image show through.
 */
import { interpolateInferno, interpolateRdBu, rgb } from 'd3';

export interface HeatScale {
  readonly signed: boolean;
  /** Values at the two ends of the legend (a signed scale: -m and m). */
  readonly low: number;
  readonly high: number;
  /** True when the top end is a percentile, not the maximum: brighter values are clipped. */
  readonly clipped: boolean;
}

/** The p-th percentile (0..1) of |values|, by sorting a copy. */
export function magnitudePercentile(values: Float32Array, p: number): number {
  if (values.length === 0) return 0;
  const sorted = Float32Array.from(values, Math.abs).sort();
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

/**
 * The colour scale of a map. Gradient maps are sparse (a few pixels dwarf the rest), so
 * with `clipAt` (a percentile, e.g. 0.99) the top end is that percentile of |value|, as
 * saliency maps are usually shown; without it, the maximum.
 */
export function heatScale(values: Float32Array, signed: boolean, clipAt: number | null = null): HeatScale {
  let top = 0;
  for (const v of values) top = Math.max(top, signed ? Math.abs(v) : v);
  const clip = clipAt === null ? top : magnitudePercentile(values, clipAt);
  const high = clip > 0 && clip < top ? clip : top;
  return { signed, low: signed ? -high : 0, high, clipped: high < top };
}

/** 0..1 along the scale for a value (clamped). */
export function heatPosition(value: number, scale: HeatScale): number {
  const span = scale.high - scale.low;
  if (!(span > 0)) return scale.signed ? 0.5 : 0;
  return Math.min(1, Math.max(0, (value - scale.low) / span));
}

/** The colour at a position of the scale. */
export function heatColour(position: number, signed: boolean): string {
  // RdBu runs red (0) to blue (1): reversed, positive evidence is red.
  return signed ? interpolateRdBu(1 - position) : interpolateInferno(position);
}

/** RGBA bytes for a map of width x height values, ready for ImageData. */
export function heatImage(values: Float32Array, width: number, height: number, scale: HeatScale): Uint8ClampedArray<ArrayBuffer> {
  if (values.length !== width * height) throw new Error(`a ${width} x ${height} map needs ${width * height} values, got ${values.length}`);
  const out = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < values.length; i += 1) {
    const t = heatPosition(values[i], scale);
    const { r, g, b } = rgb(heatColour(t, scale.signed));
    const strength = scale.signed ? Math.abs(t - 0.5) * 2 : t;
    out[i * 4] = r;
    out[i * 4 + 1] = g;
    out[i * 4 + 2] = b;
    out[i * 4 + 3] = Math.round(255 * Math.sqrt(strength));
  }
  return out;
}

/** CSS gradient for the legend bar. */
export function heatGradient(signed: boolean): string {
  const stops = Array.from({ length: 11 }, (_, i) => `${heatColour(i / 10, signed)} ${i * 10}%`);
  return `linear-gradient(to right, ${stops.join(', ')})`;
}
