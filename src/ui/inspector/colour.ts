/** The feature-map colour scale: d3 picks the colours, a lookup table makes painting cheap. */
import { interpolateViridis, rgb, scaleSequential } from 'd3';
import { normalize, type ValueRange } from './channels';

/** Viridis: perceptually even and readable for colour-blind people; low values are dark. */
export const colourScale = scaleSequential(interpolateViridis).domain([0, 1]);

const LUT_SIZE = 256;

/** RGB triples for LUT_SIZE evenly spaced points of the scale, built once. */
const LUT: Uint8ClampedArray = (() => {
  const lut = new Uint8ClampedArray(LUT_SIZE * 3);
  for (let i = 0; i < LUT_SIZE; i++) {
    const c = rgb(colourScale(i / (LUT_SIZE - 1)));
    lut.set([c.r, c.g, c.b], i * 3);
  }
  return lut;
})();

/** Fills `image` (width x height of the plane) with the plane's colours against `range`. */
export function paintPlane(image: ImageData, plane: Float32Array, range: ValueRange): void {
  const { data } = image;
  for (let i = 0; i < plane.length; i++) {
    const k = Math.round(normalize(plane[i], range) * (LUT_SIZE - 1)) * 3;
    const o = i * 4;
    data[o] = LUT[k];
    data[o + 1] = LUT[k + 1];
    data[o + 2] = LUT[k + 2];
    data[o + 3] = 255;
  }
}

/** Draws a row-major plane onto a canvas whose intrinsic size is the map's size. */
export function drawPlane(canvas: HTMLCanvasElement, plane: Float32Array, width: number, height: number, range: ValueRange): void {
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const image = ctx.createImageData(width, height);
  paintPlane(image, plane, range);
  ctx.putImageData(image, 0, 0);
}

/** A CSS linear-gradient of the scale, for legends. */
export function legendGradient(direction = 'to right', stops = 12): string {
  const parts = Array.from({ length: stops }, (_, i) => {
    const t = i / (stops - 1);
    return `${colourScale(t)} ${(t * 100).toFixed(1)}%`;
  });
  return `linear-gradient(${direction}, ${parts.join(', ')})`;
}
