/**
 * GIF (omggif, pure JavaScript) and WebP (libwebp's decoder compiled to WebAssembly, from
 * @jsquash/webp) for the command line, to the same 8-bit RGBA as PNG and JPEG. Node only:
 * the WebAssembly module is read from node_modules once, on the first WebP.
 */
import decodeWebpBytes, { init as initWebp } from '@jsquash/webp/decode.js';
import { GifReader } from 'omggif';
import { ImageInputError } from './errors';
import { jsquashCodec } from './wasm-node';

export interface Rgba {
  readonly width: number;
  readonly height: number;
  readonly pixels: Uint8Array;
}

/** The first frame of a GIF, drawn on its logical screen (uncovered pixels transparent). */
export function decodeGif(bytes: Uint8Array): Rgba {
  const gif = new GifReader(bytes);
  const pixels = new Uint8Array(gif.width * gif.height * 4);
  gif.decodeAndBlitFrameRGBA(0, pixels);
  return { width: gif.width, height: gif.height, pixels };
}

const webpDecoder = jsquashCodec(initWebp, '@jsquash/webp/codec/dec/webp_dec.wasm');

/** A still WebP (lossy or lossless); an animated one is refused in words, naming the file. */
export async function decodeWebp(bytes: Uint8Array, name: string, animated: boolean): Promise<Rgba> {
  if (animated) {
    throw new ImageInputError(
      'unsupported-format',
      `${name} is an animated WebP: the command line reads still WebP images. Save one frame as PNG, or open it in the web page.`,
      { file: name },
    );
  }
  await webpDecoder();
  // The decoder takes an ArrayBuffer of exactly the file's bytes.
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const image = await decodeWebpBytes(buffer);
  return { width: image.width, height: image.height, pixels: new Uint8Array(image.data.buffer, image.data.byteOffset, image.data.byteLength) };
}
