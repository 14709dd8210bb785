/** The feature-map colour scale: d3 picks the colours, a lookup table makes painting cheap. */
import { interpolateViridis, rgb, scaleSequential } from 'd3';

/** Viridis: perceptually even and readable for colour-blind people; low values are dark. */
export const colourScale = scaleSequential(interpolateViridis).domain([0, 1]);

const LUT_SIZE = 256;

/** ImageData stores R, G, B, A bytes in that order; a Uint32 view sees them in platform byte order. */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** One opaque pixel as the Uint32 word whose bytes in memory are R, G, B, 255. */
export function packRgb(r: number, g: number, b: number, littleEndian: boolean = LITTLE_ENDIAN): number {
  return littleEndian ? ((255 << 24) | (b << 16) | (g << 8) | r) >>> 0 : ((r << 24) | (g << 16) | (b << 8) | 255) >>> 0;
}

/** LUT_SIZE evenly spaced points of the scale as packed pixels, built once: index 0 is the low end. */
export const COLOUR_LUT: Uint32Array = Uint32Array.from({ length: LUT_SIZE }, (_, i) => {
  const c = rgb(colourScale(i / (LUT_SIZE - 1)));
  return packRgb(c.r, c.g, c.b);
});

/**
 * Canvases painted from arrays stay in main memory (`willReadFrequently`): a GPU-backed 2D
 * canvas waits on the GPU process for every putImageData, and while the model runs on
 * WebGL that process is busy with the network, so painting a map held the page for tens of
 * milliseconds (the longest main-thread tasks on software WebGL).
 */
export const CPU_CANVAS: CanvasRenderingContext2DSettings = { willReadFrequently: true };

/**
 * Resizes `canvas` to width x height (a no-op when it already is) and fills every pixel
 * through `paint`, handed a Uint32 view of a fresh, transparent RGBA buffer.
 */
export function drawPixels(canvas: HTMLCanvasElement, width: number, height: number, paint: (pixels: Uint32Array) => void): void {
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  const ctx = canvas.getContext('2d', CPU_CANVAS);
  if (!ctx || width === 0 || height === 0) return;
  const image = ctx.createImageData(width, height);
  paint(new Uint32Array(image.data.buffer, image.data.byteOffset, width * height));
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
