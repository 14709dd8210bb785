/**
 * A map as a colour PNG (pngjs): unsigned maps on a black-red-yellow-white ramp from their
 * min to their max; signed maps (integrated gradients) blue for negative, white at zero, red
 * for positive, scaled by the largest magnitude.
 */
import { PNG } from 'pngjs';

function ramp(t: number): [number, number, number] {
  const c = (x: number) => Math.round(255 * Math.min(1, Math.max(0, x)));
  return [c(3 * t), c(3 * t - 1), c(3 * t - 2)];
}

function diverging(t: number): [number, number, number] {
  const fade = Math.round(255 * (1 - Math.min(1, Math.abs(t))));
  return t >= 0 ? [255, fade, fade] : [fade, fade, 255];
}

export function encodeHeatPng(values: Float32Array, [height, width]: readonly number[], signed: boolean): Buffer {
  const png = new PNG({ width, height });
  let [min, max] = [Infinity, -Infinity];
  for (const v of values) [min, max] = [Math.min(min, v), Math.max(max, v)];
  const scale = signed ? Math.max(Math.abs(min), Math.abs(max)) || 1 : max - min || 1;
  values.forEach((v, i) => {
    const [r, g, b] = signed ? diverging(v / scale) : ramp((v - min) / scale);
    png.data.set([r, g, b, 255], i * 4);
  });
  return PNG.sync.write(png);
}
