import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { decodeImageBytes, decodeImageFile } from './decode-node';
import { ImageInputError } from './errors';
import {
  buildBmp, buildJpeg, buildPng, buildWebp, exifSegment, pngChunk, pngHeaderOnly, type PngSpec, withSegment,
} from '../../test-support/test-images';

async function rgbaOf(spec: PngSpec): Promise<number[][]> {
  const image = await decodeImageBytes(buildPng(spec), 'test.png');
  expect([image.width, image.height]).toEqual([spec.width, spec.height]);
  return Array.from({ length: image.width * image.height }, (_, i) => Array.from(image.pixels.subarray(i * 4, i * 4 + 4)));
}

async function refusal(run: () => Promise<unknown>): Promise<ImageInputError> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(ImageInputError);
    return error as ImageInputError;
  }
  throw new Error('expected an ImageInputError');
}

describe('decodeImageBytes: every PNG flavour becomes 8-bit RGBA', () => {
  it('8-bit gray', async () => {
    expect(await rgbaOf({ width: 3, height: 1, bitDepth: 8, colorType: 0, rows: [[0, 128, 255]] }))
      .toEqual([[0, 0, 0, 255], [128, 128, 128, 255], [255, 255, 255, 255]]);
  });

  it('1-bit gray', async () => {
    expect(await rgbaOf({ width: 2, height: 1, bitDepth: 1, colorType: 0, rows: [[0b10000000]] }))
      .toEqual([[255, 255, 255, 255], [0, 0, 0, 255]]);
  });

  it('gray with alpha', async () => {
    expect(await rgbaOf({ width: 1, height: 1, bitDepth: 8, colorType: 4, rows: [[100, 50]] })).toEqual([[100, 100, 100, 50]]);
  });

  it('16-bit RGB, scaled to 8 bits by rounding (v * 255 / 65535)', async () => {
    const row = [0xff, 0xff, 0x80, 0x80, 0x00, 0x00, 0x7f, 0xff, 0x01, 0x01, 0x00, 0x81];
    expect(await rgbaOf({ width: 2, height: 1, bitDepth: 16, colorType: 2, rows: [row] }))
      .toEqual([[255, 128, 0, 255], [127, 1, 1, 255]]);
  });

  it('16-bit gray with alpha', async () => {
    expect(await rgbaOf({ width: 1, height: 1, bitDepth: 16, colorType: 4, rows: [[0x40, 0x00, 0x80, 0x00]] }))
      .toEqual([[64, 64, 64, 128]]);
  });

  it('palette with a transparent entry (tRNS)', async () => {
    const before = [pngChunk('PLTE', [255, 0, 0, 0, 0, 255]), pngChunk('tRNS', [255, 0])];
    expect(await rgbaOf({ width: 2, height: 1, bitDepth: 8, colorType: 3, rows: [[0, 1]], before }))
      .toEqual([[255, 0, 0, 255], [0, 0, 255, 0]]);
  });

  it('RGBA with transparency keeps its alpha (composited on white later) and says so', async () => {
    const image = await decodeImageBytes(buildPng({ width: 1, height: 1, bitDepth: 8, colorType: 6, rows: [[10, 20, 30, 0]] }), 'a.png');
    expect(Array.from(image.pixels)).toEqual([10, 20, 30, 0]);
    expect(image.notes).toEqual(['Transparent areas are shown on white.']);
  });

  it('agrees with a PNG written by pngjs', async () => {
    const png = new PNG({ width: 2, height: 2 });
    png.data.set([1, 2, 3, 255, 4, 5, 6, 255, 7, 8, 9, 255, 10, 11, 12, 255]);
    const image = await decodeImageBytes(new Uint8Array(PNG.sync.write(png)), 'pngjs.png');
    expect(Array.from(image.pixels)).toEqual(Array.from(png.data));
    expect(image.notes).toEqual([]);
  });

  it('decodes the sample photo to 451 x 300', async () => {
    const image = await decodeImageFile('public/samples/chelsea.png');
    expect([image.width, image.height, image.pixels.length]).toEqual([451, 300, 451 * 300 * 4]);
    expect(image.header.format).toBe('png');
  });
});

describe('decodeImageBytes: JPEG', () => {
  // 64 x 32, quadrants: red | green over blue | white.
  const quadrants = (x: number, y: number) =>
    y < 16 ? (x < 32 ? [255, 0, 0, 255] : [0, 255, 0, 255]) : x < 32 ? [0, 0, 255, 255] : [255, 255, 255, 255];
  const pixelAt = (pixels: Uint8Array, width: number, x: number, y: number) => Array.from(pixels.subarray((y * width + x) * 4, (y * width + x) * 4 + 3));
  const near = (actual: number[], expected: number[]) => actual.every((v, i) => Math.abs(v - expected[i]) < 40);

  it('decodes a plain JPEG upright as stored', async () => {
    const image = await decodeImageBytes(buildJpeg(64, 32, quadrants), 'plain.jpg');
    expect([image.width, image.height]).toEqual([64, 32]);
    expect(near(pixelAt(image.pixels, 64, 8, 8), [255, 0, 0])).toBe(true);
    expect(image.notes).toEqual([]);
  });

  it('turns a photo with EXIF orientation 6 upright (90° clockwise)', async () => {
    const image = await decodeImageBytes(withSegment(buildJpeg(64, 32, quadrants), exifSegment(6)), 'rotated.jpg');
    expect([image.width, image.height]).toEqual([32, 64]);
    expect(image.header).toMatchObject({ format: 'jpeg', width: 64, height: 32 });
    // Clockwise: the stored bottom-left (blue) comes to the top-left, top-left (red) to the top-right.
    expect(near(pixelAt(image.pixels, 32, 8, 8), [0, 0, 255])).toBe(true);
    expect(near(pixelAt(image.pixels, 32, 24, 8), [255, 0, 0])).toBe(true);
    expect(near(pixelAt(image.pixels, 32, 8, 56), [255, 255, 255])).toBe(true);
    expect(near(pixelAt(image.pixels, 32, 24, 56), [0, 255, 0])).toBe(true);
    expect(image.notes).toEqual(["Turned upright from the photo's EXIF orientation (6: rotate 90° clockwise)."]);
  });
});

describe('decodeImageBytes refuses, with typed errors', () => {
  it.each([
    ['PNG', buildPng({ width: 40, height: 40, bitDepth: 8, colorType: 2, rows: Array.from({ length: 40 }, (_, y) => new Array(120).fill(y)) })],
    ['JPEG', buildJpeg(64, 48, (x, y) => [x * 4, y * 5, 99, 255])],
  ])('damaged or truncated %s data, naming the file', async (format, bytes) => {
    const error = await refusal(() => decodeImageBytes(bytes.subarray(0, Math.floor(bytes.length * 0.6)), 'cut.img'));
    expect(error.kind).toBe('truncated');
    expect(error.file).toBe('cut.img');
    expect(error.message).toBe(`Could not decode cut.img: its ${format} image data is cut short or damaged.`);
  });

  it('BMP: the command line reads PNG, JPEG, GIF and WebP', async () => {
    const error = await refusal(() => decodeImageBytes(buildBmp(4, 4), 'x.bmp'));
    expect([error.kind, error.file]).toEqual(['unsupported-format', 'x.bmp']);
    expect(error.message).toMatch(/^BMP images can't be read here: the command line reads PNG, JPEG, GIF and WebP/);
  });

  it('an animated WebP, in words naming the file', async () => {
    const error = await refusal(() => decodeImageBytes(buildWebp('VP8X-animated', 4, 4), 'moving.webp'));
    expect([error.kind, error.file]).toEqual(['unsupported-format', 'moving.webp']);
    expect(error.message).toMatch(/^moving\.webp is an animated WebP: the command line reads still WebP images/);
  });

  it('a WebP whose image data is filler: damaged, naming the file', async () => {
    const error = await refusal(() => decodeImageBytes(buildWebp('VP8L', 4, 4), 'filler.webp'));
    expect([error.kind, error.file]).toEqual(['truncated', 'filler.webp']);
    expect(error.message).toBe('Could not decode filler.webp: its WebP image data is cut short or damaged.');
  });

  it('refuses an oversized PNG from its header, before decoding', async () => {
    const error = await refusal(() => decodeImageBytes(pngHeaderOnly(40000, 40000), 'huge.png'));
    expect([error.kind, error.file]).toEqual(['too-large', 'huge.png']);
    expect(error.message).toMatch(/limit of 50 megapixels/);
  });
});

describe('decodeImageFile', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'decode-node-'));

  it('reads a file whatever its extension says', async () => {
    const file = path.join(dir, 'actually-a-png.jpg');
    writeFileSync(file, buildPng({ width: 1, height: 1, bitDepth: 8, colorType: 0, rows: [[42]] }));
    expect(Array.from((await decodeImageFile(file)).pixels)).toEqual([42, 42, 42, 255]);
  });

  it('refuses a large non-image file from its first bytes', async () => {
    const file = path.join(dir, 'page.png');
    writeFileSync(file, '<!doctype html><html>' + ' '.repeat(400_000));
    await expect(decodeImageFile(file)).rejects.toMatchObject({ kind: 'html', file: 'page.png' });
  });

  it('explains a missing file or a folder', async () => {
    await expect(decodeImageFile(path.join(dir, 'nope.png'))).rejects.toMatchObject({
      kind: 'unreadable', message: expect.stringMatching(/nope\.png: there is no such file/),
    });
    await expect(decodeImageFile(dir)).rejects.toMatchObject({ kind: 'unreadable' });
  });
});
