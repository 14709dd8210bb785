import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ImageInputError, sniffImage, type ImageHeader, type ImageInputErrorKind } from './index';
import {
  buildBmp, buildGif, buildJpeg, buildPng, buildWebp, concat, exifSegment, pngChunk, pngHeaderOnly, textBytes, withSegment,
} from '../../test-support/test-images';

function refusal(bytes: Uint8Array, limits?: { maxPixels: number; maxSide?: number }): ImageInputError {
  try {
    sniffImage(bytes, limits);
  } catch (error) {
    expect(error).toBeInstanceOf(ImageInputError);
    return error as ImageInputError;
  }
  throw new Error('expected an ImageInputError');
}

function expectRefused(bytes: Uint8Array, kind: ImageInputErrorKind, message: RegExp): void {
  const error = refusal(bytes);
  expect(error.kind).toBe(kind);
  expect(error.message).toMatch(message);
}

const gray2x1 = buildPng({ width: 2, height: 1, bitDepth: 8, colorType: 0, rows: [[0, 255]] });

describe('sniffImage reads the size from the header', () => {
  it.each<[string, Uint8Array, Partial<ImageHeader>]>([
    ['PNG', gray2x1, { format: 'png', width: 2, height: 1, bitDepth: 8, colorType: 0, animated: false }],
    ['JPEG', buildJpeg(33, 17, () => [200, 10, 10, 255]), { format: 'jpeg', width: 33, height: 17, bitDepth: 8 }],
    ['JPEG with EXIF first', withSegment(buildJpeg(8, 9, () => [0, 0, 0, 255]), exifSegment(6)), { width: 8, height: 9 }],
    ['GIF', buildGif(300, 200), { format: 'gif', width: 300, height: 200, animated: false }],
    ['animated GIF', buildGif(30, 20, 3), { format: 'gif', width: 30, height: 20, animated: true }],
    ['lossy WebP', buildWebp('VP8', 640, 480), { format: 'webp', width: 640, height: 480, animated: false }],
    ['lossless WebP', buildWebp('VP8L', 16383, 9), { format: 'webp', width: 16383, height: 9 }],
    ['extended WebP', buildWebp('VP8X', 5000, 3000), { format: 'webp', width: 5000, height: 3000, animated: false }],
    ['animated WebP', buildWebp('VP8X-animated', 50, 40), { format: 'webp', animated: true }],
    ['BMP', buildBmp(7, 5), { format: 'bmp', width: 7, height: 5, bitDepth: 24 }],
    ['top-down BMP', buildBmp(7, -5), { format: 'bmp', width: 7, height: 5 }],
    ['OS/2 BMP', buildBmp(3, 4, true), { format: 'bmp', width: 3, height: 4 }],
  ])('%s', (_, bytes, expected) => {
    expect(sniffImage(bytes)).toMatchObject(expected);
  });

  it('reads the sample photo from public/samples', () => {
    const header = sniffImage(new Uint8Array(readFileSync('public/samples/chelsea.png')));
    expect(header).toEqual({ format: 'png', width: 451, height: 300, bitDepth: 8, colorType: 2, animated: false });
  });

  it('marks an APNG (acTL with more than one frame before IDAT) as animated', () => {
    const acTL = (frames: number) => pngChunk('acTL', [0, 0, 0, frames, 0, 0, 0, 0]);
    const spec = { width: 1, height: 1, bitDepth: 8, colorType: 0, rows: [[7]] };
    expect(sniffImage(buildPng({ ...spec, before: [acTL(2)] })).animated).toBe(true);
    expect(sniffImage(buildPng({ ...spec, before: [acTL(1)] })).animated).toBe(false);
  });

  it('ignores the file name: only the bytes count', () => {
    expect(sniffImage(buildGif(4, 4)).format).toBe('gif');
  });
});

describe('sniffImage refuses what it cannot use, in plain words', () => {
  it('an empty file', () => expectRefused(new Uint8Array(), 'empty', /The file is empty/));

  it.each([
    '<!DOCTYPE html><html><body><img src="cat.png"></body></html>',
    '\ufeff  \n<html lang="en"><head><title>Cat</title></head></html>',
    '<head><meta charset="utf-8"><svg></svg>',
  ])('an HTML page: %s', (text) => expectRefused(textBytes(text), 'html', /This is a web page \(HTML\), not an image/));

  it.each([
    '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>',
    '<?xml version="1.0"?>\n<!-- drawn by hand -->\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN"><svg/>',
  ])('an SVG drawing: %s', (text) => {
    expectRefused(textBytes(text), 'svg', /^SVG images are not accepted; use PNG, JPEG, WebP or GIF/);
  });

  it.each<[string, Uint8Array, RegExp]>([
    ['PDF', textBytes('%PDF-1.7\n%âãÏÓ\n1 0 obj'), /not an image \(it looks like a PDF document\)/],
    ['text', textBytes('just some notes about cats\n'), /not an image \(it looks like text\)/],
    ['ZIP', Uint8Array.from([0x50, 0x4b, 3, 4, 20, 0, 0, 0]), /ZIP archive/],
    ['MP4', concat([0, 0, 0, 0x18], textBytes('ftypisom'), [0, 0, 2, 0], textBytes('isomiso2')), /video/],
    ['XML', textBytes('<?xml version="1.0"?><note>hi</note>'), /XML/],
    ['binary junk', Uint8Array.from([0, 1, 2, 3, 250, 251, 252, 253, 0, 0, 0, 0, 9]), /^This file is not an image\./],
  ])('%s', (_, bytes, message) => {
    const error = refusal(bytes);
    expect(error.kind).toBe('not-an-image');
    expect(error.message).toMatch(/^This file is not an image/);
    expect(error.message).toMatch(message);
  });

  it.each<[string, Uint8Array]>([
    ['TIFF', Uint8Array.from([0x49, 0x49, 0x2a, 0, 8, 0, 0, 0])],
    ['TIFF', Uint8Array.from([0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8])],
    ['HEIC', concat([0, 0, 0, 0x18], textBytes('ftypheic'), [0, 0, 0, 0], textBytes('mif1heic'))],
    ['AVIF', concat([0, 0, 0, 0x1c], textBytes('ftypavif'), [0, 0, 0, 0], textBytes('avifmif1miaf'))],
    ['JPEG XL', Uint8Array.from([0xff, 0x0a, 0xfa, 0x7f])],
  ])('%s', (name, bytes) => {
    expectRefused(bytes, 'unsupported-format', new RegExp(`^This format \\(${name}\\) is not supported here; use PNG, JPEG, WebP or GIF`));
  });

  it('a header cut short, and a file shorter than any signature', () => {
    expectRefused(gray2x1.subarray(0, 20), 'truncated', /PNG file is cut short/);
    expectRefused(Uint8Array.from([0x89, 0x50, 0x4e]), 'truncated', /only 3 bytes long/);
  });

  it('a damaged header', () => {
    const badDepth = gray2x1.slice();
    badDepth[24] = 3; // 3-bit gray does not exist
    expectRefused(badDepth, 'bad-header', /PNG file's header is damaged: colour type 0 with 3-bit samples/);
    expectRefused(pngHeaderOnly(0, 10), 'bad-header', /0 x 10 pixels/);
  });
});

describe('sniffImage size limits, before any decoding', () => {
  it('refuses a PNG claiming 40000 x 40000 and states the limit', () => {
    const error = refusal(pngHeaderOnly(40000, 40000));
    expect(error.kind).toBe('too-large');
    expect(error.message).toBe(
      'This image is 40000 x 40000 pixels (1600 megapixels), more than the limit of 50 megapixels ' +
        'or 20000 pixels on a side. Please use a smaller image.',
    );
  });

  it('refuses one side over 20000 even when the area is small', () => {
    expect(refusal(pngHeaderOnly(20001, 10)).kind).toBe('too-large');
    expect(sniffImage(pngHeaderOnly(20000, 10)).width).toBe(20000);
  });

  it('takes the caller’s limits', () => {
    expect(sniffImage(pngHeaderOnly(8000, 6000)).width).toBe(8000);
    expect(refusal(pngHeaderOnly(8000, 6000), { maxPixels: 12e6 }).message).toMatch(/48 megapixels\), more than the limit of 12 megapixels/);
    expect(refusal(pngHeaderOnly(300, 200), { maxPixels: 1e9, maxSide: 256 }).message).toMatch(/256 pixels on a side/);
  });
});
