/** Tests only: real WebP files, written by libwebp's encoder (@jsquash/webp, WebAssembly) in Node. */
import encodeWebp, { init as initWebpEncoder } from '@jsquash/webp/encode.js';
import { jsquashCodec } from '../model/image/wasm-node';

const encoder = jsquashCodec(initWebpEncoder, '@jsquash/webp/codec/enc/webp_enc.wasm');

export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  readonly pixels: Uint8Array;
}

/** `lossless: 1` keeps every pixel; `lossless: 0` with a quality (0-100) is the usual photo WebP. */
export async function webpOf(image: RgbaImage, options: { lossless: number; quality?: number }): Promise<Uint8Array> {
  await encoder();
  const data = new Uint8ClampedArray(image.pixels);
  // method 0: the fastest effort (tests want the bytes, not the smallest file).
  return new Uint8Array(await encodeWebp({ data, width: image.width, height: image.height, colorSpace: 'srgb' }, { method: 0, ...options }));
}
