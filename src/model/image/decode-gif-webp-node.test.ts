// GIF and WebP on the command line: real files, written by the encoders of the same libraries.
import { GifWriter } from 'omggif';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeImageBytes, decodeImageFile } from './decode-node';
import type { DecodedImage } from './types';
import { webpOf } from '../../test-support/webp-encode';

let chelsea: DecodedImage;

/** A 6 x 4 GIF of `frames` frames, frame k filled with palette entry k (red, blue, white, black). */
function gifOf(frames: number, transparent?: number): Uint8Array {
  const out = new Uint8Array(4096);
  const writer = new GifWriter(out, 6, 4, { palette: [0xff0000, 0x0000ff, 0xffffff, 0x000000], loop: 0 });
  for (let k = 0; k < frames; k++) writer.addFrame(0, 0, 6, 4, new Array<number>(24).fill(k), transparent === undefined ? {} : { transparent });
  return out.slice(0, writer.end());
}

const pixel = (image: DecodedImage, i: number) => Array.from(image.pixels.subarray(i * 4, i * 4 + 4));

beforeAll(async () => {
  chelsea = await decodeImageFile('public/samples/chelsea.png');
});

describe('WebP', () => {
  it('a lossless WebP of the sample photo decodes to exactly its PNG pixels', async () => {
    const image = await decodeImageBytes(await webpOf(chelsea, { lossless: 1 }), 'chelsea.webp');
    expect([image.width, image.height, image.header.format]).toEqual([451, 300, 'webp']);
    expect(Buffer.from(image.pixels).equals(Buffer.from(chelsea.pixels))).toBe(true);
    expect(image.notes).toEqual([]);
  });

  it('a lossy WebP decodes close to the photo (mean error under 3 levels)', async () => {
    const image = await decodeImageBytes(await webpOf(chelsea, { lossless: 0, quality: 90 }), 'chelsea-lossy.webp');
    let error = 0;
    for (let i = 0; i < image.pixels.length; i++) if (i % 4 !== 3) error += Math.abs(image.pixels[i] - chelsea.pixels[i]);
    expect(error / ((image.pixels.length / 4) * 3)).toBeLessThan(3);
  });
});

describe('GIF', () => {
  it('a still GIF decodes to its palette colours', async () => {
    const image = await decodeImageBytes(gifOf(1), 'red.gif');
    expect([image.width, image.height]).toEqual([6, 4]);
    expect(pixel(image, 0)).toEqual([255, 0, 0, 255]);
    expect(pixel(image, 23)).toEqual([255, 0, 0, 255]);
    expect(image.notes).toEqual([]);
  });

  it('an animated GIF gives its first frame, and says so', async () => {
    const image = await decodeImageBytes(gifOf(3), 'moving.gif');
    expect(pixel(image, 5)).toEqual([255, 0, 0, 255]);
    expect(image.notes).toEqual(['Animated GIF: the first frame is classified.']);
  });

  it('a transparent GIF keeps its alpha (composited on white later) and says so', async () => {
    const image = await decodeImageBytes(gifOf(1, 0), 'clear.gif');
    expect(pixel(image, 0)[3]).toBe(0);
    expect(image.notes).toEqual(['Transparent areas are shown on white.']);
  });
});

describe('cut short', () => {
  it.each([
    ['GIF', 'cut.gif', () => gifOf(2)],
    ['WebP', 'cut.webp', () => webpOf(chelsea, { lossless: 1 })],
  ])('a %s cut in half: damaged, naming the file', async (format, name, make) => {
    const bytes = await make();
    await expect(decodeImageBytes(bytes.subarray(0, bytes.length >> 1), name)).rejects.toMatchObject({
      kind: 'truncated', file: name, message: `Could not decode ${name}: its ${format} image data is cut short or damaged.`,
    });
  });
});
