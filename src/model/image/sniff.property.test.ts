/**
 * Property tests: whatever bytes arrive (random, cut at any point, or damaged), sniffImage
 * returns a sane header or throws a typed ImageInputError. Never another error, never a
 * hang, never NaN or zero dimensions.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ImageInputError, sniffImage, type ImageHeader, type ImageInputErrorKind } from './index';
import { buildBmp, buildGif, buildJpeg, buildPng, buildWebp, exifSegment, pngChunk, pngHeaderOnly, withSegment } from '../../test-support/test-images';

const KINDS: readonly ImageInputErrorKind[] = [
  'empty', 'not-an-image', 'html', 'svg', 'unsupported-format', 'truncated', 'too-large', 'bad-header',
];

/** The sniff result, checked: a valid header or a typed error with a message. */
function outcome(bytes: Uint8Array): ImageHeader | ImageInputError {
  let header: ImageHeader;
  try {
    header = sniffImage(bytes);
  } catch (error) {
    expect(error).toBeInstanceOf(ImageInputError);
    const typed = error as ImageInputError;
    expect(KINDS).toContain(typed.kind);
    expect(typed.message.length).toBeGreaterThan(10);
    return typed;
  }
  expect(['png', 'jpeg', 'gif', 'webp', 'bmp']).toContain(header.format);
  for (const side of [header.width, header.height]) {
    expect(Number.isInteger(side) && side >= 1 && side <= 20000).toBe(true);
  }
  expect(header.width * header.height).toBeLessThanOrEqual(50e6);
  return header;
}

const SAMPLES: Record<string, Uint8Array> = {
  png: buildPng({ width: 3, height: 2, bitDepth: 8, colorType: 6, rows: [new Array(12).fill(9), new Array(12).fill(7)] }),
  apng: buildPng({
    width: 1, height: 1, bitDepth: 16, colorType: 0, rows: [[1, 2]],
    before: [pngChunk('acTL', [0, 0, 0, 2, 0, 0, 0, 0])],
  }),
  jpeg: withSegment(buildJpeg(20, 12, (x) => [x * 10, 50, 90, 255]), exifSegment(8, true)),
  gif: buildGif(12, 9),
  gifAnimated: buildGif(12, 9, 2),
  webpLossy: buildWebp('VP8', 31, 17),
  webpLossless: buildWebp('VP8L', 31, 17),
  webpExtended: buildWebp('VP8X-animated', 31, 17),
  bmp: buildBmp(5, 3),
  bmpCore: buildBmp(5, 3, true),
};

describe('sniffImage never crashes', () => {
  it('on random bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => void outcome(bytes)), { numRuns: 1500 });
  });

  it('on random bytes behind each format’s magic', () => {
    const magics = Object.values(SAMPLES).map((s) => s.subarray(0, s[0] === 0x52 ? 16 : 8));
    const arbitrary = fc.tuple(fc.constantFrom(...magics), fc.uint8Array({ maxLength: 300 }));
    fc.assert(fc.property(arbitrary, ([magic, tail]) => void outcome(Uint8Array.from([...magic, ...tail]))), { numRuns: 1500 });
  });

  it('on random damage to valid files', () => {
    const arbitrary = fc.tuple(
      fc.constantFrom(...Object.values(SAMPLES)),
      fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 6 }),
    );
    fc.assert(
      fc.property(arbitrary, ([sample, edits]) => {
        const damaged = sample.slice();
        for (const [at, value] of edits) damaged[at % damaged.length] = value;
        outcome(damaged);
      }),
      { numRuns: 1500 },
    );
  });
});

describe('every truncation of a valid file', () => {
  it.each(Object.entries(SAMPLES))('%s: a typed error, or the same size as the whole file', (_, sample) => {
    const whole = sniffImage(sample);
    for (let length = 0; length <= sample.length; length += 1) {
      const result = outcome(sample.subarray(0, length));
      if (result instanceof ImageInputError) {
        expect(['empty', 'truncated'], `cut at ${length}: ${result.message}`).toContain(result.kind);
      } else {
        expect([result.format, result.width, result.height]).toEqual([whole.format, whole.width, whole.height]);
      }
    }
  });
});

/** A baseline JPEG's start: SOI, then the SOF0 frame header that holds the size. */
function jpegHeader(width: number, height: number): Uint8Array {
  return Uint8Array.from([
    0xff, 0xd8, 0xff, 0xc0, 0x00, 0x11, 0x08, height >>> 8, height & 0xff, width >>> 8, width & 0xff,
    3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1,
  ]);
}

/** Headers claiming any size, for every format, without a pixel behind them. */
const CLAIMS: readonly { format: string; maxSide: number; header: (w: number, h: number) => Uint8Array }[] = [
  { format: 'png', maxSide: 0xffffffff, header: pngHeaderOnly },
  { format: 'jpeg', maxSide: 0xffff, header: jpegHeader },
  { format: 'gif', maxSide: 0xffff, header: (w, h) => buildGif(w, h) },
  { format: 'webp', maxSide: 1 << 24, header: (w, h) => buildWebp('VP8X', w, h) },
];

describe('size limits, checked from the header alone', () => {
  const claim = fc.constantFrom(...CLAIMS).chain((c) =>
    fc.record({
      c: fc.constant(c),
      width: fc.integer({ min: 1, max: c.maxSide }),
      height: fc.integer({ min: 1, max: c.maxSide }),
      maxPixels: fc.integer({ min: 1, max: 2e9 }),
      maxSide: fc.option(fc.integer({ min: 1, max: 100_000 }), { nil: undefined }),
    }));

  it('accepts a claimed size exactly when it is within the limits, and says the limit when not', () => {
    fc.assert(
      fc.property(claim, ({ c, width, height, maxPixels, maxSide }) => {
        const side = maxSide ?? 20_000;
        const fits = width <= side && height <= side && width * height <= maxPixels;
        let result: ImageHeader | ImageInputError;
        try {
          result = sniffImage(c.header(width, height), { maxPixels, maxSide });
        } catch (error) {
          result = error as ImageInputError;
        }
        if (fits) {
          expect(result).toMatchObject({ format: c.format, width, height });
        } else {
          expect(result).toBeInstanceOf(ImageInputError);
          const refused = result as ImageInputError;
          expect(refused.kind).toBe('too-large');
          expect(refused.message).toContain(`${width} x ${height} pixels`);
          expect(refused.message).toContain(`${side} pixels on a side`);
          expect(refused.message).toMatch(/more than the limit of [\d.]+ megapixels/);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('never lets any prefix of an oversized header through', () => {
    const oversized = fc.constantFrom(...CLAIMS).chain((c) =>
      fc.tuple(fc.constant(c), fc.integer({ min: 20_001, max: Math.max(20_001, c.maxSide) }), fc.integer({ min: 1, max: c.maxSide }), fc.nat()));
    fc.assert(
      fc.property(oversized, ([c, width, height, cutAt]) => {
        const bytes = c.header(width, height);
        const result = outcome(bytes.subarray(0, cutAt % (bytes.length + 1)));
        expect(result).toBeInstanceOf(ImageInputError);
        expect(['empty', 'truncated', 'too-large']).toContain((result as ImageInputError).kind);
      }),
      { numRuns: 3000 },
    );
  });
});
